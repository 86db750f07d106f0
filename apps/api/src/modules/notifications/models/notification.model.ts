import { Field, ID, ObjectType } from '@nestjs/graphql';
import { GraphQLJSON } from '../../../common/graphql/json.scalar.js';

@ObjectType()
export class Notification {
  @Field(() => ID)
  id: string;

  @Field(() => String, {
    description: 'e.g. overlap.new, overlap.contact_requested, oprf.budget_exceeded',
  })
  kind: string;

  @Field(() => ID, { nullable: true })
  workingGroupId: string | null;

  @Field(() => GraphQLJSON, {
    description: 'Ids, labels and counts for the message; never an identifier.',
  })
  payload: Record<string, unknown>;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  readAt: Date | null;
}
