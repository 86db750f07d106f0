import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ArrangementStatusEnum, type StoredArrangementStatus } from './arrangement-enums.js';
import { ArrangementEvent } from './arrangement-event.model.js';
import { LeadProposal } from './lead-proposal.model.js';
import { PartyRoleEntry } from './party-role-entry.model.js';

@ObjectType({
  description: 'Who leads a cluster: the roles in force, the proposal on the table, its history.',
})
export class LeadArrangement {
  @Field(() => ID)
  clusterId: string;

  @Field(() => Int, {
    description: 'Send it back as `expectedVersion`: a change made meanwhile refuses the action.',
  })
  version: number;

  @Field(() => ArrangementStatusEnum)
  status: StoredArrangementStatus;

  @Field(() => [ID])
  parties: string[];

  @Field(() => [ID], { description: 'Parties whose role is open.' })
  scope: string[];

  @Field(() => [PartyRoleEntry], { nullable: true })
  inForce: PartyRoleEntry[] | null;

  @Field(() => String, { nullable: true, description: 'agreement | decision' })
  inForceBy: string | null;

  @Field(() => LeadProposal, { nullable: true })
  proposal: LeadProposal | null;

  @Field(() => Int)
  rejections: number;

  @Field(() => String, { nullable: true, description: 'deadline | rejected_twice' })
  escalationReason: string | null;

  @Field(() => Date, { nullable: true })
  escalatedAt: Date | null;

  @Field(() => ID, { nullable: true })
  reopenRequestedBy: string | null;

  @Field(() => [ArrangementEvent])
  history: ArrangementEvent[];

  @Field(() => [String], {
    description:
      'What the viewer may do now: propose, counter, accept, reject, decide, comment, request_reopen, answer_reopen.',
  })
  availableActions: string[];
}
