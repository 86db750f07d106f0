import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'One metric of the public grid.' })
export class MetricDefinition {
  @Field(() => String)
  id: string;

  @Field(() => String, { nullable: true })
  breakdown: string | null;

  @Field(() => [String])
  keys: string[];

  @Field(() => String, {
    description: 'What one unit of privacy is: case, overlap, cluster, referral or organisation.',
  })
  unit: string;

  @Field(() => Int)
  sensitivity: number;

  @Field(() => Int)
  shareMilli: number;

  @Field(() => String)
  hxl: string;

  @Field(() => String, { nullable: true })
  sumsTo: string | null;
}

@ObjectType({
  description: "The fixed public grid of donor metrics and the hub's protection parameters.",
})
export class MetricsGrid {
  @Field(() => Int)
  version: number;

  @Field(() => [MetricDefinition])
  metrics: MetricDefinition[];

  @Field(() => Float)
  epsilonPerRelease: number;

  @Field(() => Float)
  epsilonCapPerYear: number;

  @Field(() => Int)
  threshold: number;

  @Field(() => Int)
  minOrganisations: number;

  @Field(() => Int)
  rounding: number;
}
