import { registerEnumType } from '@nestjs/graphql';

export const OrganisationKindEnum = { cso: 'cso', donor: 'donor', secretariat: 'secretariat' } as const;
registerEnumType(OrganisationKindEnum, { name: 'OrganisationKind' });

export const UserRoleEnum = { org_admin: 'org_admin', investigator: 'investigator', viewer: 'viewer' } as const;
registerEnumType(UserRoleEnum, { name: 'UserRole' });

export const MembershipStatusEnum = { invited: 'invited', active: 'active', left: 'left' } as const;
registerEnumType(MembershipStatusEnum, { name: 'MembershipStatus' });
