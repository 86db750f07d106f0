import { AbilityBuilder, createMongoAbility, subject as tag, type MongoAbility } from '@casl/ability';
import type { Actor, OrganisationKind, UserRole } from './actor.js';

export type Action =
  | 'manage'
  | 'create'
  | 'read'
  | 'update'
  | 'delete'
  | 'disable'
  | 'invite'
  | 'respond'
  | 'appoint';

/** Plain records as the API loads them; only the fields rules look at. */
export interface Subjects {
  Organisation: { id: string; kind?: OrganisationKind };
  User: { id: string; organisationId: string | null; role?: UserRole | null };
  /** `organisationHasUsers`: whether anyone has an account in the organisation yet. */
  Invitation: { id: string; organisationId: string; role?: UserRole; organisationHasUsers?: boolean };
  /** `hasCoordinators`: whether the group has a coordinator yet. */
  WorkingGroup: { id: string; hasCoordinators?: boolean };
  Membership: { workingGroupId: string; organisationId: string };
  Coordinator: { workingGroupId: string; userId: string; groupHasCoordinators?: boolean };
  Donor: { workingGroupId: string; organisationId: string };
  AuditEntry: { organisationId: string | null; workingGroupId: string | null; actorUserId: string | null };
  Session: { userId: string };
  /** A donor-metrics release of a working group (issue 12). */
  MetricsRelease: { workingGroupId: string; status?: 'draft' | 'published' | 'withheld' };
  /** A working group's privacy-budget ledger for donor metrics. */
  PrivacyBudget: { workingGroupId: string };
}

export type SubjectType = keyof Subjects;
type TaggedSubject = { [K in SubjectType]: Subjects[K] & { __caslSubjectType__: K } }[SubjectType];
export type AppAbility = MongoAbility<[Action, SubjectType | TaggedSubject]>;

/** Tags a plain record with its subject type for an ability check. */
export function subject<K extends SubjectType>(type: K, record: Subjects[K]): TaggedSubject {
  return tag(type, { ...record }) as unknown as TaggedSubject;
}

/**
 * THE policy. Every permission in Parallax is one line here; the API checks
 * every operation against it and the web client hides what it forbids.
 * Nothing grants access to another organisation's users, invitations or
 * audit entries, except reading to a platform admin (who sees no case data).
 *
 * A platform admin (the hub's operator) creates organisations and working
 * groups and bootstraps them — an organisation's first admin, a new group's
 * first coordinator — and nothing inside them afterwards: no invitation
 * into an organisation that has users, no role change, disabling or reset
 * of its users, no coordinator added to a group that has one. Otherwise
 * the operator could plant an account where members' clients would trust
 * it (issue 9); clients still verify keys themselves.
 */
export function defineAbilityFor(actor: Actor | null): AppAbility {
  const { can, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
  if (!actor) return build();

  // Everyone: their own account and sessions.
  can(['read', 'update'], 'User', { id: actor.userId });
  can(['read', 'delete'], 'Session', { userId: actor.userId });

  if (actor.isPlatformAdmin) {
    can(['create', 'read'], 'Organisation');
    can('read', 'User');
    can('read', 'Invitation');
    can(['create', 'delete'], 'Invitation', { organisationHasUsers: false, role: 'org_admin' });
    can(['create', 'read'], 'WorkingGroup');
    can('appoint', 'WorkingGroup', { hasCoordinators: false });
    can(['read', 'delete'], 'Coordinator');
    can('create', 'Coordinator', { groupHasCoordinators: false });
    can('read', ['Membership', 'Donor']);
    can('read', 'AuditEntry');
  }

  const org = actor.organisationId;
  if (org) {
    can('read', 'Organisation', { id: org });
    can('read', 'User', { organisationId: org });
    // Donors read no working group itself: only its published metrics (below).
    can('read', 'WorkingGroup', { id: { $in: [...actor.memberOf] } });
    can('read', 'Membership', { workingGroupId: { $in: [...actor.memberOf] } });
    can('read', 'Membership', { organisationId: org });
    if (actor.role === 'org_admin') {
      can(['create', 'read', 'delete'], 'Invitation', { organisationId: org });
      can(['update', 'disable'], 'User', { organisationId: org });
      can('respond', 'Membership', { organisationId: org });
      can('read', 'AuditEntry', { organisationId: org });
      // Its settings (the case reference pattern), nothing else about it.
      can('update', 'Organisation', { id: org });
    }
  }

  if (actor.coordinatorOf.length > 0) {
    const groups = { $in: [...actor.coordinatorOf] };
    // Coordinators admit organisations, so they see the directory (names, kinds).
    can('read', 'Organisation');
    can(['read', 'update', 'appoint'], 'WorkingGroup', { id: groups });
    can(['invite', 'read', 'delete'], 'Membership', { workingGroupId: groups });
    can(['create', 'read', 'delete'], 'Coordinator', { workingGroupId: groups });
    can(['create', 'read', 'delete'], 'Donor', { workingGroupId: groups });
    can('read', 'AuditEntry', { workingGroupId: groups });
    // Donor metrics: coordinators compute, preview, publish or withhold releases and see the ledger.
    can(['create', 'read', 'update'], 'MetricsRelease', { workingGroupId: groups });
    can('read', 'PrivacyBudget', { workingGroupId: groups });
  }

  if (actor.donorOf.length > 0) {
    // Donors read the published releases of the groups they fund, nothing else of them.
    can('read', 'MetricsRelease', { workingGroupId: { $in: [...actor.donorOf] }, status: 'published' });
  }
  can('read', 'AuditEntry', { actorUserId: actor.userId });
  return build();
}
