import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { PartyRoleEntry, ProposalAnswerEntry } from './party-role-entry.model.js';

@ObjectType({ description: 'The proposal on the table, waiting for the answers of `mustAnswer`.' })
export class LeadProposal {
  @Field(() => Int)
  number: number;

  @Field(() => ID, { description: 'The proposing organisation.' })
  proposedBy: string;

  @Field(() => Int, { nullable: true, description: 'The proposal this one counters.' })
  counterTo: number | null;

  @Field(() => [PartyRoleEntry])
  roles: PartyRoleEntry[];

  @Field(() => Date, {
    description: 'Unanswered by then, the arrangement is escalated to the coordinators.',
  })
  deadline: Date;

  @Field(() => [ID])
  mustAnswer: string[];

  @Field(() => [ProposalAnswerEntry])
  answers: ProposalAnswerEntry[];
}
