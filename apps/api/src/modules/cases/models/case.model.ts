import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { CaseStatus, CrimeCategory, Situation } from '@parallax/domain';
import { CaseStatusEnum, CrimeCategoryEnum, SituationEnum } from '../../../common/graphql/enums.js';
import { Paginated } from '../../../common/pagination/page.model.js';

@ObjectType({
  description:
    "An organisation's tracking case: its own label, tags and fingerprints — never a name.",
})
export class TrackingCase {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  workingGroupId: string;

  @Field(() => String)
  reference: string;

  @Field(() => CaseStatusEnum)
  status: CaseStatus;

  @Field(() => [SituationEnum])
  situationTags: Situation[];

  @Field(() => [CrimeCategoryEnum])
  crimeTags: CrimeCategory[];

  @Field(() => Int)
  epoch: number;

  @Field(() => Int)
  fingerprintCount: number;

  @Field(() => Boolean, {
    description: 'The group rotated its key: re-fingerprint this case from your records.',
  })
  needsRefingerprint: boolean;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date)
  updatedAt: Date;

  @Field(() => Date, { nullable: true })
  withdrawnAt: Date | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'Set when the organisation left the working group: the case is no longer matched and cannot change.',
  })
  frozenAt: Date | null;
}

/** A page of the organisation's cases (see `Paginated`). */
export const CasePage = Paginated(TrackingCase, 'CasePage');
export type CasePage = InstanceType<typeof CasePage>;

@ObjectType({
  description:
    "The caller's own sealed copy of a retired epoch's K_group, kept so that re-importing after a rotation updates cases instead of doubling them.",
})
export class EarlierGroupKeyGrant {
  @Field(() => Int)
  epoch: number;

  @Field(() => String, { description: 'base64 HPKE-sealed copy, as groupKeyStatus gave it then.' })
  sealedKey: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Who sealed it (its X25519 key opens the Auth-mode seal).',
  })
  senderUserId: string | null;
}

@ObjectType()
export class CaseRegistration {
  @Field(() => String)
  idempotencyKey: string;

  @Field(() => ID)
  caseId: string;

  @Field(() => Boolean, {
    description: 'False when this key had already registered the case (a retry).',
  })
  created: boolean;
}
