import { fireEvent, screen, within } from '@testing-library/react';
import { fakeServer, type Handler } from './fake-server';
import type { KeyWorld, WorldUser } from './key-world';
import { loginParametersHandler } from './keys-fixture';

// The Syria working group ('group-1') of the specs: its record and a case of
// it as the fake hub answers them, and the fake hub of its pages over a key
// world, with the people most key-world specs start from (specs only).

export const WORKING_GROUP = {
  __typename: 'WorkingGroup',
  id: 'group-1',
  name: 'Syria group',
  description: '',
  createdAt: '2025-01-01T00:00:00Z',
  members: [],
  coordinators: [],
  donors: [],
};

/** An active case of the group, fingerprinted under epoch 1, as CaseDetail answers it. */
export const trackingCase = (id: string, reference: string) => ({
  __typename: 'TrackingCase',
  id,
  workingGroupId: 'group-1',
  reference,
  status: 'active',
  situationTags: ['syria'],
  crimeTags: ['torture'],
  epoch: 1,
  fingerprintCount: 42,
  needsRefingerprint: false,
  createdAt: '2025-01-01T10:00:00Z',
  updatedAt: '2025-01-01T10:00:00Z',
  withdrawnAt: null,
  frozenAt: null,
});

type WorldUserSpec = Parameters<KeyWorld['addUser']>[0];

/** The secretariat's coordinator of the group ('coordinator'). */
export const RANA_COORDINATOR: WorldUserSpec = {
  id: 'coordinator',
  displayName: 'Rana',
  organisationId: 'secretariat',
  isCoordinator: true,
};

/** A member organisation's admin ('admin-a' of 'org-a'). */
export const AMIRA_ORG_ADMIN: WorldUserSpec = {
  id: 'admin-a',
  displayName: 'Amira Haddad',
  organisationId: 'org-a',
  role: 'org_admin',
};

/** An investigator of the same organisation ('inv-a' of 'org-a'). */
export const LINA_INVESTIGATOR: WorldUserSpec = {
  id: 'inv-a',
  displayName: 'Lina',
  organisationId: 'org-a',
  role: 'investigator',
};

/** Real HPKE and Ed25519 run behind the group's pages: allow a busy machine some time. */
export const SLOW = 10_000;

/** The fake hub of `world` with `viewer` signed in: the group's keys, detail and list (and `extra`). */
export function keyWorldServer(
  world: KeyWorld,
  viewer: WorldUser,
  extra: Record<string, Handler> = {},
) {
  return fakeServer({
    viewer: world.viewerOf(viewer),
    handlers: {
      ...world.handlers(viewer.id),
      LoginParameters: loginParametersHandler,
      WorkingGroupDetail: () => ({ data: { workingGroup: WORKING_GROUP } }),
      WorkingGroups: () => ({ data: { workingGroups: [WORKING_GROUP] } }),
      ...extra,
    },
  });
}

/** Types a password into the page's one "Unlock keys" prompt (any password opens the keys). */
export async function unlockKeys() {
  const prompt = await screen.findByTestId('unlock-keys', {}, { timeout: SLOW });
  fireEvent.change(within(prompt).getByLabelText(/^Password/), { target: { value: 'pw' } });
  fireEvent.click(within(prompt).getByRole('button', { name: 'Unlock keys' }));
}
