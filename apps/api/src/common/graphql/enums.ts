import { registerEnumType } from '@nestjs/graphql';
import {
  ARRANGEMENT_STATUSES,
  CASE_STATUSES,
  CRIME_CATEGORIES,
  LEAD_ROLES,
  OVERLAP_STRENGTHS,
  SITUATIONS,
} from '@parallax/domain';

export const OrganisationKindEnum = { cso: 'cso', donor: 'donor', secretariat: 'secretariat' } as const;
registerEnumType(OrganisationKindEnum, { name: 'OrganisationKind' });

export const UserRoleEnum = { org_admin: 'org_admin', investigator: 'investigator', viewer: 'viewer' } as const;
registerEnumType(UserRoleEnum, { name: 'UserRole' });

export const MembershipStatusEnum = { invited: 'invited', active: 'active', left: 'left' } as const;
registerEnumType(MembershipStatusEnum, { name: 'MembershipStatus' });

/** `{ a: 'a', … }` from a domain vocabulary, so the GraphQL enum and the domain list cannot drift apart. */
function enumOf<const T extends string>(values: readonly T[]): { readonly [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { readonly [K in T]: K };
}

export const CaseStatusEnum = enumOf(CASE_STATUSES);
registerEnumType(CaseStatusEnum, { name: 'CaseStatus' });

export const OverlapStrengthEnum = enumOf(OVERLAP_STRENGTHS);
registerEnumType(OverlapStrengthEnum, {
  name: 'OverlapStrength',
  description: 'strong, probable or possible',
});

export const SituationEnum = enumOf(SITUATIONS);
registerEnumType(SituationEnum, {
  name: 'Situation',
  description: 'The country or conflict context a case relates to.',
});

export const CrimeCategoryEnum = enumOf(CRIME_CATEGORIES);
registerEnumType(CrimeCategoryEnum, { name: 'CrimeCategory' });

export const InvitationPurposeEnum = { sign_up: 'sign_up', reset: 'reset' } as const;
registerEnumType(InvitationPurposeEnum, { name: 'InvitationPurpose' });

/** The one password KDF clients use today; an enum so a second one is a schema change, not a surprise. */
export const KdfAlgorithmEnum = { argon2id: 'argon2id' } as const;
registerEnumType(KdfAlgorithmEnum, { name: 'KdfAlgorithm' });

/** Issue 11: a party's role in a cluster's lead arrangement (shared by clusters and arrangements). */
export const LeadRoleEnum = enumOf(LEAD_ROLES);
registerEnumType(LeadRoleEnum, { name: 'LeadRole' });

/** The rule book's statuses, plus `merged` for the arrangement of a cluster merged into another. */
export const ArrangementStatusEnum = enumOf([...ARRANGEMENT_STATUSES, 'merged'] as const);
registerEnumType(ArrangementStatusEnum, { name: 'ArrangementStatus' });
