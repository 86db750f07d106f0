import { defineAbilityFor, type Actor } from '@parallax/authz';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { NAV_ITEMS, visibleNavItems } from '../../../shell/navigation';
import { fakeServer, ORG_ADMIN_VIEWER, type FakeViewer } from '../../../test/fake-server';
import { renderApp } from '../../../test/render-app';
import { canWith } from './permissions';

const base: Actor = {
  userId: 'user-1',
  isPlatformAdmin: false,
  organisationId: 'org-1',
  organisationKind: 'cso',
  role: 'investigator',
  coordinatorOf: [],
  memberOf: ['group-1'],
  donorOf: [],
};
const investigator = base;
const orgAdmin: Actor = { ...base, role: 'org_admin' };
const platformAdmin: Actor = {
  ...base,
  isPlatformAdmin: true,
  organisationId: null,
  organisationKind: null,
  role: null,
  memberOf: [],
};

const navFor = (actor: Actor | null) =>
  visibleNavItems(NAV_ITEMS, canWith(defineAbilityFor(actor))).map((item) => item.path);

function viewerWith(actor: Actor): FakeViewer {
  return {
    ...ORG_ADMIN_VIEWER,
    user: {
      ...ORG_ADMIN_VIEWER.user,
      role: actor.role ?? 'viewer',
      isPlatformAdmin: actor.isPlatformAdmin,
    },
    organisation: actor.organisationId ? ORG_ADMIN_VIEWER.organisation : null,
    actor: { ...ORG_ADMIN_VIEWER.actor, ...actor },
  };
}

describe('navigation follows the shared policy', () => {
  it('shows only Home while signed out', () => {
    expect(navFor(null)).toEqual(['/']);
  });

  it('shows the platform section to platform admins only', () => {
    expect(navFor(investigator)).not.toContain('/platform');
    expect(navFor(orgAdmin)).not.toContain('/platform');
    expect(navFor(platformAdmin)).toContain('/platform');
    expect(navFor(investigator)).toEqual(
      expect.arrayContaining(['/organisation', '/audit', '/account']),
    );
  });
});

describe('record-level permissions', () => {
  const can = (actor: Actor) => canWith(defineAbilityFor(actor));
  const colleague = { id: 'user-2', organisationId: 'org-1', role: 'investigator' as const };
  const stranger = { id: 'user-9', organisationId: 'org-9', role: 'investigator' as const };

  it('lets an org admin manage the people of their own organisation only', () => {
    expect(can(orgAdmin)({ action: 'update', subject: 'User', record: colleague })).toBe(true);
    expect(can(orgAdmin)({ action: 'disable', subject: 'User', record: colleague })).toBe(true);
    expect(can(orgAdmin)({ action: 'update', subject: 'User', record: stranger })).toBe(false);
    expect(can(investigator)({ action: 'update', subject: 'User', record: colleague })).toBe(false);
  });

  it('lets an org admin answer working-group invitations for their organisation', () => {
    const own = { workingGroupId: 'group-2', organisationId: 'org-1' };
    expect(can(orgAdmin)({ action: 'respond', subject: 'Membership', record: own })).toBe(true);
    expect(can(investigator)({ action: 'respond', subject: 'Membership', record: own })).toBe(
      false,
    );
    expect(
      can(orgAdmin)({
        action: 'respond',
        subject: 'Membership',
        record: { workingGroupId: 'group-2', organisationId: 'org-9' },
      }),
    ).toBe(false);
  });

  it('lets coordinators manage only the groups they coordinate', () => {
    const coordinator: Actor = { ...base, coordinatorOf: ['group-1'] };
    const record = (workingGroupId: string) => ({ workingGroupId, organisationId: '' });
    expect(
      can(coordinator)({ action: 'invite', subject: 'Membership', record: record('group-1') }),
    ).toBe(true);
    expect(
      can(coordinator)({ action: 'invite', subject: 'Membership', record: record('group-2') }),
    ).toBe(false);
    expect(
      can(investigator)({ action: 'invite', subject: 'Membership', record: record('group-1') }),
    ).toBe(false);
  });
});

describe('route guards', () => {
  it('shows the login form in place of a protected page to a signed-out visitor', async () => {
    await renderApp({ path: '/organisation', server: fakeServer({ viewer: null }) });
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Home']);
  });

  it('tells a signed-in user when a page is not for them', async () => {
    await renderApp({
      path: '/platform',
      server: fakeServer({ viewer: viewerWith(investigator) }),
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Not available to you' }),
    ).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).queryByRole('link', { name: 'Platform' })).toBeNull();
  });

  it('opens the platform section to a platform admin', async () => {
    await renderApp({
      path: '/platform',
      server: fakeServer({
        viewer: viewerWith(platformAdmin),
        handlers: {
          OrganisationDirectory: () => ({ data: { organisations: [] } }),
          WorkingGroups: () => ({ data: { workingGroups: [] } }),
        },
      }),
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Platform' })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).getByRole('link', { name: 'Platform' })).toBeTruthy();
  });
});
