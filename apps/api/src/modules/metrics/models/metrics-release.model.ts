import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export const MetricsReleaseStatusEnum = {
  draft: 'draft',
  published: 'published',
  withheld: 'withheld',
} as const;
export type MetricsReleaseStatus = keyof typeof MetricsReleaseStatusEnum;
registerEnumType(MetricsReleaseStatusEnum, {
  name: 'MetricsReleaseStatus',
  description: 'draft (coordinators only) → published (donors see it) or withheld.',
});

@ObjectType({
  description:
    'One published cell of a release: a noisy, rounded count, or suppressed (no value). Never a true count.',
})
export class MetricCell {
  @Field(() => String)
  metric: string;

  @Field(() => String, { nullable: true, description: 'The breakdown key; null for a total.' })
  key: string | null;

  @Field(() => Int, { nullable: true, description: 'Null when suppressed.' })
  value: number | null;

  @Field(() => Boolean)
  suppressed: boolean;
}

@ObjectType({ description: "A metric family's share of ε and the noise scale it got." })
export class MetricFamilyMethod {
  @Field(() => String)
  metric: string;

  @Field(() => Int)
  shareMilli: number;

  @Field(() => Int)
  sensitivity: number;

  @Field(() => Float, { description: 'Scale b of the discrete Laplace noise added to each cell.' })
  scale: number;
}

@ObjectType({ description: 'How a release was protected: its parameters, published with it.' })
export class MetricsMethod {
  @Field(() => Int)
  gridVersion: number;

  @Field(() => Float)
  epsilon: number;

  @Field(() => Int)
  threshold: number;

  @Field(() => Int)
  minOrganisations: number;

  @Field(() => Int)
  rounding: number;

  @Field(() => [MetricFamilyMethod])
  families: MetricFamilyMethod[];
}

@ObjectType({
  description:
    "A working group's donor metrics for one month (UTC): noisy, suppressed and rounded cells over the public grid.",
})
export class MetricsRelease {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  workingGroupId: string;

  @Field(() => String)
  workingGroupName: string;

  @Field(() => String, { description: 'YYYY-MM' })
  period: string;

  @Field(() => MetricsReleaseStatusEnum)
  status: MetricsReleaseStatus;

  @Field(() => Int, { description: 'Compare-and-set token for publish / withhold.' })
  version: number;

  @Field(() => Date)
  computedAt: Date;

  @Field(() => Date, { nullable: true })
  publishedAt: Date | null;

  @Field(() => MetricsMethod)
  method: MetricsMethod;

  @Field(() => [MetricCell])
  cells: MetricCell[];

  @Field(() => String, {
    nullable: true,
    description:
      'Median bucket of days from first overlap to agreed lead; null when not publishable.',
  })
  medianDaysToLead: string | null;
}

@ObjectType({ description: "A working group's published releases." })
export class WorkingGroupMetrics {
  @Field(() => ID)
  workingGroupId: string;

  @Field(() => String)
  workingGroupName: string;

  @Field(() => [MetricsRelease])
  releases: MetricsRelease[];
}
