import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

export const KeyWaitReasonEnum = {
  has_key: 'has_key',
  no_epoch: 'no_epoch',
  uncertified: 'uncertified',
  awaiting_copy: 'awaiting_copy',
} as const;
registerEnumType(KeyWaitReasonEnum, {
  name: 'KeyWaitReason',
  description:
    "Why the caller has no copy of the group key: has_key (they do), no_epoch (a coordinator creates it), uncertified (nobody vouched for the caller's key yet), awaiting_copy (vouched for; a holder's app shares it).",
});

@ObjectType({ description: 'Someone who can unblock a user waiting for a group key.' })
export class KeyUnblocker {
  @Field(() => ID)
  userId: string;

  @Field(() => String)
  displayName: string;

  @Field(() => String, { nullable: true })
  organisationName: string | null;

  @Field(() => String, { nullable: true, description: 'org_admin, investigator or viewer; null for a platform admin.' })
  role: string | null;

  @Field(() => Boolean)
  isCoordinator: boolean;
}

@ObjectType({
  description:
    "Who can unblock the caller for a group's key, and when they last asked. Only the group's coordinators and the caller's own organisation are named.",
})
export class KeyUnblockers {
  @Field(() => ID)
  workingGroupId: string;

  @Field(() => KeyWaitReasonEnum)
  reason: keyof typeof KeyWaitReasonEnum;

  @Field(() => [KeyUnblocker])
  people: KeyUnblocker[];

  @Field(() => Date, { nullable: true, description: 'When the caller last asked them (within the last hour).' })
  askedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When asking again notifies them again; null if never asked.' })
  canAskAgainAt: Date | null;
}
