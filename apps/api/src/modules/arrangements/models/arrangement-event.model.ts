import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { PartyRoleEntry } from './party-role-entry.model.js';

@ObjectType({
  description:
    "One step of the arrangement's history. Ids and roles only: its free text is the sealed note `noteMessageId`.",
})
export class ArrangementEvent {
  @Field(() => ID)
  id: string;

  @Field(() => Int, {
    description: 'The arrangement version this event produced (a comment keeps the version).',
  })
  version: number;

  @Field(() => String, {
    description:
      'proposed, countered, accepted, rejected, agreed, escalated, decided, commented, reopen_requested, reopen_granted, reopen_refused, party_joined, party_left…',
  })
  kind: string;

  @Field(() => Date)
  at: Date;

  @Field(() => ID, {
    nullable: true,
    description: 'The acting party; null for a coordinator or the hub.',
  })
  actorOrganisationId: string | null;

  @Field(() => Boolean)
  byCoordinator: boolean;

  @Field(() => [PartyRoleEntry], { nullable: true })
  roles: PartyRoleEntry[] | null;

  @Field(() => Int, { nullable: true })
  proposalNumber: number | null;

  @Field(() => ID, { nullable: true })
  noteMessageId: string | null;
}
