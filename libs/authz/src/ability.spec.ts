import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.js';
import { defineAbilityFor, subject } from './ability.js';

const base: Actor = {
  userId: 'u-a1',
  isPlatformAdmin: false,
  organisationId: 'org-a',
  organisationKind: 'cso',
  role: 'investigator',
  coordinatorOf: [],
  memberOf: ['wg-1'],
  donorOf: [],
};

describe('policy', () => {
  it('grants nothing to an anonymous caller', () => {
    const a = defineAbilityFor(null);
    expect(a.can('read', subject('Organisation', { id: 'org-a' }))).toBe(false);
    expect(a.can('read', 'WorkingGroup')).toBe(false);
  });

  it('keeps an investigator inside their organisation', () => {
    const a = defineAbilityFor(base);
    expect(a.can('read', subject('User', { id: 'u-a2', organisationId: 'org-a' }))).toBe(true);
    expect(a.can('read', subject('User', { id: 'u-b1', organisationId: 'org-b' }))).toBe(false);
    expect(a.can('update', subject('User', { id: 'u-a2', organisationId: 'org-a' }))).toBe(false);
    expect(a.can('create', subject('Invitation', { id: 'i', organisationId: 'org-a' }))).toBe(false);
    expect(a.can('read', subject('WorkingGroup', { id: 'wg-1' }))).toBe(true);
    expect(a.can('read', subject('WorkingGroup', { id: 'wg-2' }))).toBe(false);
    expect(a.can('read', subject('AuditEntry', { organisationId: 'org-a', workingGroupId: null, actorUserId: 'x' }))).toBe(false);
  });

  it('lets an org admin manage only their own organisation', () => {
    const a = defineAbilityFor({ ...base, role: 'org_admin' });
    expect(a.can('create', subject('Invitation', { id: 'i', organisationId: 'org-a' }))).toBe(true);
    expect(a.can('create', subject('Invitation', { id: 'i', organisationId: 'org-b' }))).toBe(false);
    expect(a.can('disable', subject('User', { id: 'u-b1', organisationId: 'org-b' }))).toBe(false);
    expect(a.can('respond', subject('Membership', { workingGroupId: 'wg-9', organisationId: 'org-a' }))).toBe(true);
    expect(a.can('respond', subject('Membership', { workingGroupId: 'wg-9', organisationId: 'org-b' }))).toBe(false);
    expect(a.can('read', subject('AuditEntry', { organisationId: 'org-b', workingGroupId: null, actorUserId: 'x' }))).toBe(false);
  });

  it("lets only an organisation's own admins change its settings (the case reference pattern)", () => {
    const admin = defineAbilityFor({ ...base, role: 'org_admin' });
    expect(admin.can('update', subject('Organisation', { id: 'org-a' }))).toBe(true);
    expect(admin.can('update', subject('Organisation', { id: 'org-b' }))).toBe(false);
    expect(defineAbilityFor(base).can('update', subject('Organisation', { id: 'org-a' }))).toBe(false);
    const coordinator = defineAbilityFor({ ...base, coordinatorOf: ['wg-1'] });
    expect(coordinator.can('update', subject('Organisation', { id: 'org-b' }))).toBe(false);
    expect(defineAbilityFor(platformAdmin).can('update', subject('Organisation', { id: 'org-a' }))).toBe(false);
  });

  it('lets a coordinator run only the groups they coordinate', () => {
    const a = defineAbilityFor({ ...base, coordinatorOf: ['wg-1'] });
    expect(a.can('invite', subject('Membership', { workingGroupId: 'wg-1', organisationId: 'org-z' }))).toBe(true);
    expect(a.can('invite', subject('Membership', { workingGroupId: 'wg-2', organisationId: 'org-z' }))).toBe(false);
    expect(a.can('read', subject('AuditEntry', { organisationId: null, workingGroupId: 'wg-2', actorUserId: 'x' }))).toBe(false);
  });

  const platformAdmin: Actor = { ...base, isPlatformAdmin: true, organisationId: null, organisationKind: null, role: null, memberOf: [] };

  it('gives a platform admin administration but no membership powers', () => {
    const a = defineAbilityFor(platformAdmin);
    expect(a.can('create', 'Organisation')).toBe(true);
    expect(a.can('appoint', subject('WorkingGroup', { id: 'wg-2', hasCoordinators: false }))).toBe(true);
    expect(a.can('respond', subject('Membership', { workingGroupId: 'wg-1', organisationId: 'org-a' }))).toBe(false);
    expect(a.can('invite', subject('Membership', { workingGroupId: 'wg-1', organisationId: 'org-a' }))).toBe(false);
  });

  it('lets a platform admin bootstrap an organisation and a group, and nothing inside them afterwards', () => {
    const a = defineAbilityFor(platformAdmin);
    const firstAdmin = { id: 'i', organisationId: 'org-new', role: 'org_admin' as const, organisationHasUsers: false };
    expect(a.can('create', subject('Invitation', firstAdmin))).toBe(true);
    // Issue 9: no new account planted into an organisation that has people.
    expect(a.can('create', subject('Invitation', { ...firstAdmin, organisationHasUsers: true }))).toBe(false);
    expect(a.can('create', subject('Invitation', { ...firstAdmin, role: 'investigator' }))).toBe(false);
    expect(a.can('create', subject('Invitation', { id: 'i', organisationId: 'org-a' }))).toBe(false);
    expect(a.can('delete', subject('Invitation', { ...firstAdmin, organisationHasUsers: true }))).toBe(false);
    expect(a.can('read', subject('Invitation', { id: 'i', organisationId: 'org-a' }))).toBe(true);
    // No role change, disabling or reset (an update) of an organisation's users.
    const member = subject('User', { id: 'u-a9', organisationId: 'org-a', role: 'investigator' });
    expect(a.can('read', member)).toBe(true);
    expect(a.can('update', member)).toBe(false);
    expect(a.can('disable', member)).toBe(false);
    // A group's first coordinator only; never one more beside existing coordinators.
    expect(a.can('appoint', subject('WorkingGroup', { id: 'wg-1', hasCoordinators: true }))).toBe(false);
    expect(a.can('appoint', subject('WorkingGroup', { id: 'wg-1' }))).toBe(false);
    expect(a.can('create', subject('Coordinator', { workingGroupId: 'wg-1', userId: 'u', groupHasCoordinators: false }))).toBe(true);
    expect(a.can('create', subject('Coordinator', { workingGroupId: 'wg-1', userId: 'u', groupHasCoordinators: true }))).toBe(false);
    expect(a.can('create', subject('Coordinator', { workingGroupId: 'wg-1', userId: 'u' }))).toBe(false);
  });

  it('still lets a coordinator add a co-coordinator and an org admin invite into their organisation', () => {
    const coordinator = defineAbilityFor({ ...base, organisationId: 'sec', organisationKind: 'secretariat', role: 'org_admin', memberOf: [], coordinatorOf: ['wg-1'] });
    expect(coordinator.can('create', subject('Coordinator', { workingGroupId: 'wg-1', userId: 'u', groupHasCoordinators: true }))).toBe(true);
    expect(coordinator.can('appoint', subject('WorkingGroup', { id: 'wg-1', hasCoordinators: true }))).toBe(true);
    const admin = defineAbilityFor({ ...base, role: 'org_admin' });
    expect(admin.can('create', subject('Invitation', { id: 'i', organisationId: 'org-a', role: 'investigator', organisationHasUsers: true }))).toBe(true);
  });
  it('gives a donor the published metrics of the groups it funds, and no working group itself', () => {
    const donor: Actor = { ...base, organisationId: 'org-d', organisationKind: 'donor', role: 'viewer', memberOf: [], donorOf: ['wg-1'] };
    const a = defineAbilityFor(donor);
    expect(a.can('read', subject('MetricsRelease', { workingGroupId: 'wg-1', status: 'published' }))).toBe(true);
    expect(a.can('read', subject('MetricsRelease', { workingGroupId: 'wg-1', status: 'draft' }))).toBe(false);
    expect(a.can('read', subject('MetricsRelease', { workingGroupId: 'wg-2', status: 'published' }))).toBe(false);
    expect(a.can('create', subject('MetricsRelease', { workingGroupId: 'wg-1' }))).toBe(false);
    expect(a.can('read', subject('PrivacyBudget', { workingGroupId: 'wg-1' }))).toBe(false);
    expect(a.can('read', subject('WorkingGroup', { id: 'wg-1' }))).toBe(false);
  });

  it('lets a coordinator compute, read and publish the releases of its groups only', () => {
    const a = defineAbilityFor({ ...base, organisationId: 'org-s', organisationKind: 'secretariat', memberOf: [], coordinatorOf: ['wg-1'] });
    for (const action of ['create', 'read', 'update'] as const) {
      expect(a.can(action, subject('MetricsRelease', { workingGroupId: 'wg-1', status: 'draft' }))).toBe(true);
      expect(a.can(action, subject('MetricsRelease', { workingGroupId: 'wg-2', status: 'draft' }))).toBe(false);
    }
    expect(a.can('read', subject('PrivacyBudget', { workingGroupId: 'wg-1' }))).toBe(true);
    expect(a.can('read', subject('PrivacyBudget', { workingGroupId: 'wg-2' }))).toBe(false);
  });
});
