import type { OrganisationKind, UserRole } from '../../../gql/graphql';

export const USER_ROLES: readonly UserRole[] = ['org_admin', 'investigator', 'viewer'];
export const ORGANISATION_KINDS: readonly OrganisationKind[] = ['cso', 'donor', 'secretariat'];

export function isUserRole(value: string): value is UserRole {
  return (USER_ROLES as readonly string[]).includes(value);
}

export function isOrganisationKind(value: string): value is OrganisationKind {
  return (ORGANISATION_KINDS as readonly string[]).includes(value);
}
