import { defineAbilityFor, type Actor } from '@parallax/authz';
import { describe, expect, it } from 'vitest';
import { canWith } from '../features/auth/hooks/permissions';
import { NAV_ITEMS, visibleNavItems } from './navigation';

const navFor = (actor: Actor) =>
  visibleNavItems(NAV_ITEMS, canWith(defineAbilityFor(actor)), actor).map((item) => item.path);

const member: Actor = {
  userId: 'user-1',
  isPlatformAdmin: false,
  organisationId: 'org-1',
  organisationKind: 'cso',
  role: 'org_admin',
  coordinatorOf: [],
  memberOf: ['group-1'],
  donorOf: [],
};

const donor: Actor = {
  ...member,
  organisationId: 'org-d',
  organisationKind: 'donor',
  memberOf: [],
  donorOf: ['group-1'],
};

describe('the navigation of donor accounts', () => {
  it('is exactly Home, Metrics and Account for a donor, admin or not', () => {
    expect(navFor(donor)).toEqual(['/', '/metrics', '/account']);
    expect(navFor({ ...donor, role: 'viewer' })).toEqual(['/', '/metrics', '/account']);
  });

  it('keeps Metrics for a donor no group has granted anything yet', () => {
    expect(navFor({ ...donor, donorOf: [] })).toEqual(['/', '/metrics', '/account']);
  });

  it('is unchanged for a member of a civil-society organisation (no Metrics)', () => {
    expect(navFor(member)).toEqual([
      '/',
      '/cases',
      '/overlaps',
      '/clusters',
      '/working-groups',
      '/organisation',
      '/audit',
      '/account',
    ]);
  });

  it('adds Metrics for a coordinator', () => {
    const coordinator: Actor = { ...member, coordinatorOf: ['group-1'] };
    expect(navFor(coordinator)).toEqual([
      '/',
      '/cases',
      '/overlaps',
      '/clusters',
      '/metrics',
      '/working-groups',
      '/organisation',
      '/audit',
      '/account',
    ]);
  });
});
