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

  it('lets a coordinator run only the groups they coordinate', () => {
    const a = defineAbilityFor({ ...base, coordinatorOf: ['wg-1'] });
    expect(a.can('invite', subject('Membership', { workingGroupId: 'wg-1', organisationId: 'org-z' }))).toBe(true);
    expect(a.can('invite', subject('Membership', { workingGroupId: 'wg-2', organisationId: 'org-z' }))).toBe(false);
    expect(a.can('read', subject('AuditEntry', { organisationId: null, workingGroupId: 'wg-2', actorUserId: 'x' }))).toBe(false);
  });

  it('gives a platform admin administration but no membership powers', () => {
    const a = defineAbilityFor({ ...base, isPlatformAdmin: true, organisationId: null, organisationKind: null, role: null, memberOf: [] });
    expect(a.can('create', 'Organisation')).toBe(true);
    expect(a.can('appoint', subject('WorkingGroup', { id: 'wg-2' }))).toBe(true);
    expect(a.can('respond', subject('Membership', { workingGroupId: 'wg-1', organisationId: 'org-a' }))).toBe(false);
    expect(a.can('invite', subject('Membership', { workingGroupId: 'wg-1', organisationId: 'org-a' }))).toBe(false);
  });
});
