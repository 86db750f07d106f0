import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { ReferralStatus } from '@parallax/domain';
import { ReferralStatusEnum } from './referral-status.enum.js';

@ObjectType({
  description: 'One step of a referral’s follow-up. Free text lives only in the sealed note.',
})
export class ReferralEvent {
  @Field(() => Int)
  version: number;

  @Field(() => ReferralStatusEnum)
  status: ReferralStatus;

  @Field(() => String, {
    description: 'The day it happened (YYYY-MM-DD), as the party recorded it.',
  })
  statusOn: string;

  @Field(() => Date, { description: 'When it was recorded.' })
  at: Date;

  @Field(() => ID, { nullable: true })
  actorOrganisationId: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The sealed note sent with it (a cluster message), if any.',
  })
  noteMessageId: string | null;
}

@ObjectType({
  description:
    'A referral of a cluster to an authority: when, to whom, what kinds of material were handed over (never the material) and how it is followed up.',
})
export class Referral {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  clusterId: string;

  @Field(() => ID, { description: 'The organisation that recorded it.' })
  organisationId: string;

  @Field(() => ID)
  authorityId: string;

  @Field(() => String)
  authorityName: string;

  @Field(() => String, { description: 'YYYY-MM-DD' })
  referredOn: string;

  @Field(() => [String], {
    description: 'What was handed over: identity_information, witness_statements, …',
  })
  categories: string[];

  @Field(() => ReferralStatusEnum)
  status: ReferralStatus;

  @Field(() => String, { description: 'The day of the current status (YYYY-MM-DD).' })
  statusOn: string;

  @Field(() => Int, { description: 'Compare-and-set token for updateReferralStatus.' })
  version: number;

  @Field(() => [ReferralStatusEnum], {
    description: 'The statuses the viewer may move it to now (none when it may not update it).',
  })
  nextStatuses: ReferralStatus[];

  @Field(() => [ReferralEvent], { description: 'Oldest first.' })
  history: ReferralEvent[];

  @Field(() => Boolean, {
    description: 'The authority’s feedback is overdue (no news for the reminder interval).',
  })
  reminderDue: boolean;
}
