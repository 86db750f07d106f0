import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({
  description:
    'Who the hub says should get a copy of a message now. A client seals only to those whose certificate chain it verified itself.',
})
export class ClusterRecipient {
  @Field(() => ID)
  userId: string;

  @Field(() => ID, { nullable: true })
  organisationId: string | null;

  @Field(() => Boolean)
  isCoordinator: boolean;
}
