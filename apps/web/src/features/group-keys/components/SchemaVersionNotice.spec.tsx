import { FINGERPRINT_SCHEMA_VERSION } from '@parallax/fingerprint';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeServer } from '../../../test/fake-server';
import { keyWorld, type KeyWorld, type WorldUser } from '../../../test/key-world';
import { loginParametersHandler } from '../../../test/keys-fixture';
import { renderApp } from '../../../test/render-app';

const GROUP = {
  __typename: 'WorkingGroup',
  id: 'group-1',
  name: 'Syria group',
  description: '',
  createdAt: '2025-01-01T00:00:00Z',
  members: [],
  coordinators: [],
  donors: [],
};

/** Real HPKE and Ed25519 run here: allow a busy machine some time. */
const SLOW = 10_000;

/** Rules older than this app's: what a group keyed before the schema change still uses. */
const OLD_RULES = 'v1';

async function unlock() {
  const prompt = await screen.findByTestId('unlock-keys', {}, { timeout: SLOW });
  fireEvent.change(within(prompt).getByLabelText(/^Password/), { target: { value: 'pw' } });
  fireEvent.click(within(prompt).getByRole('button', { name: 'Unlock keys' }));
}

function serverFor(world: KeyWorld, viewer: WorldUser) {
  return fakeServer({
    viewer: world.viewerOf(viewer),
    handlers: {
      ...world.handlers(viewer.id),
      LoginParameters: loginParametersHandler,
      WorkingGroupDetail: () => ({ data: { workingGroup: GROUP } }),
      WorkingGroups: () => ({ data: { workingGroups: [GROUP] } }),
    },
  });
}

/** A group whose current key epoch was made under older fingerprint rules. */
async function oldRulesGroup() {
  const w = keyWorld('group-1');
  const coordinator = w.addUser({
    id: 'coordinator',
    displayName: 'Rana',
    organisationId: 'secretariat',
    isCoordinator: true,
  });
  const admin = w.addUser({
    id: 'admin-a',
    displayName: 'Amira Haddad',
    organisationId: 'org-a',
    role: 'org_admin',
  });
  w.certify('org_admin', admin, coordinator);
  await w.startEpoch(coordinator, [admin], undefined, OLD_RULES);
  return { w, coordinator, admin };
}

describe('a group whose keys use other fingerprint rules than this app', () => {
  it(
    'asks a coordinator to rotate the keys, with the Rotate action right there',
    { timeout: 60_000 },
    async () => {
      expect(FINGERPRINT_SCHEMA_VERSION).not.toBe(OLD_RULES);
      const { w, coordinator } = await oldRulesGroup();
      await renderApp({ path: '/working-groups/group-1', server: serverFor(w, coordinator) });
      await unlock();
      const notice = await screen.findByTestId('group-key-schema-mismatch', {}, { timeout: SLOW });
      expect(notice.textContent).toContain(
        `This group’s keys use fingerprint rules ${OLD_RULES}; rotate the keys to move to ${FINGERPRINT_SCHEMA_VERSION}, then cases are fingerprinted again.`,
      );
      // The existing Rotate action, offered once, inside the notice.
      const rotate = within(notice).getByTestId('group-key-rotate');
      expect(screen.getAllByTestId('group-key-rotate')).toHaveLength(1);
      fireEvent.click(rotate);
      const confirm = await screen.findByRole('dialog', { name: 'Rotate the group key?' });
      expect(confirm.textContent).toMatch(/fingerprints it again/);
    },
  );

  it(
    'tells a member that no new case can be registered until a coordinator rotates',
    { timeout: 60_000 },
    async () => {
      const { w, admin } = await oldRulesGroup();
      await renderApp({ path: '/working-groups/group-1', server: serverFor(w, admin) });
      await unlock();
      const notice = await screen.findByTestId('group-key-schema-mismatch', {}, { timeout: SLOW });
      expect(notice.textContent).toMatch(
        /new cases cannot be registered until a coordinator rotates the keys/,
      );
      expect(notice.getAttribute('data-epoch-version')).toBe(OLD_RULES);
      expect(screen.queryByTestId('group-key-rotate')).toBeNull();
    },
  );

  it('says nothing when the rules agree', { timeout: 60_000 }, async () => {
    const w = keyWorld('group-1');
    const coordinator = w.addUser({
      id: 'coordinator',
      displayName: 'Rana',
      organisationId: 'secretariat',
      isCoordinator: true,
    });
    await w.startEpoch(coordinator, []);
    await renderApp({ path: '/working-groups/group-1', server: serverFor(w, coordinator) });
    await unlock();
    await screen.findByTestId('group-key-ready', {}, { timeout: SLOW });
    expect(screen.queryByTestId('group-key-schema-mismatch')).toBeNull();
    expect(screen.getByTestId('group-key-rotate')).toBeTruthy();
  });
});
