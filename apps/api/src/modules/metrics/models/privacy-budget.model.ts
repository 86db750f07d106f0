import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({
  description: 'One charge to the ledger: a computed release (published or withheld alike).',
})
export class PrivacyBudgetEntry {
  @Field(() => ID)
  releaseId: string;

  @Field(() => String)
  period: string;

  @Field(() => Float)
  epsilon: number;

  @Field(() => Date)
  chargedAt: Date;

  @Field(() => Boolean, {
    description: 'Computed by the monthly job rather than by a coordinator.',
  })
  byJob: boolean;
}

@ObjectType({ description: "A working group's privacy budget for one calendar year." })
export class PrivacyBudget {
  @Field(() => ID)
  workingGroupId: string;

  @Field(() => Int)
  year: number;

  @Field(() => Float)
  cap: number;

  @Field(() => Float)
  spent: number;

  @Field(() => Float)
  remaining: number;

  @Field(() => [PrivacyBudgetEntry])
  entries: PrivacyBudgetEntry[];
}
