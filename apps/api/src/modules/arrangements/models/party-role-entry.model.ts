import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { LeadRole } from '@parallax/domain';
import { LeadRoleEnum } from './arrangement-enums.js';

@ObjectType({ description: "One party's role in an arrangement (proposed, decided or in force)." })
export class PartyRoleEntry {
  @Field(() => ID)
  organisationId: string;

  @Field(() => LeadRoleEnum)
  role: LeadRole;

  @Field(() => Boolean, {
    description: 'May record referrals of the cluster (always for lead and co-lead).',
  })
  mayRefer: boolean;
}

@ObjectType()
export class ProposalAnswerEntry {
  @Field(() => ID)
  organisationId: string;

  @Field(() => String, { description: 'accepted | rejected' })
  answer: string;
}
