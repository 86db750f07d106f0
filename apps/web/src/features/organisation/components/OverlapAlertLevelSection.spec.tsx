import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeServer, ORG_ADMIN_VIEWER, type FakeViewer } from '../../../test/fake-server';
import { renderApp } from '../../../test/render-app';

const INVESTIGATOR: FakeViewer = {
  ...ORG_ADMIN_VIEWER,
  user: { ...ORG_ADMIN_VIEWER.user, role: 'investigator' },
  actor: { ...ORG_ADMIN_VIEWER.actor, role: 'investigator' },
};

function server(viewer: FakeViewer = ORG_ADMIN_VIEWER) {
  let level = 'probable';
  return fakeServer({
    viewer,
    handlers: {
      OrganisationUsers: () => ({ data: { users: [] } }),
      OrganisationInvitations: () => ({ data: { invitations: [] } }),
      OrganisationLeadNegotiators: (variables) => ({
        data: {
          organisation: {
            __typename: 'Organisation',
            id: variables['id'],
            leadNegotiators: 'admins',
          },
        },
      }),
      OrganisationOverlapAlertLevel: (variables) => ({
        data: {
          organisation: {
            __typename: 'Organisation',
            id: variables['id'],
            overlapAlertLevel: level,
          },
        },
      }),
      SetOverlapAlertLevel: (variables) => {
        level = variables['level'] as string;
        return {
          data: {
            setOverlapAlertLevel: {
              __typename: 'Organisation',
              id: 'org-1',
              overlapAlertLevel: level,
            },
          },
        };
      },
    },
  });
}

const section = async () =>
  within(await screen.findByTestId('overlap-alert-level-section', {}, { timeout: 45_000 }));

describe('which overlaps alert the organisation', () => {
  it('explains each level, and lets an admin choose "possible" (sent once, said saved)', async () => {
    const hub = server();
    await renderApp({ path: '/organisation', server: hub });
    const s = await section();
    await waitFor(() =>
      expect(s.getByLabelText<HTMLInputElement>('Probable and strong (recommended)').checked).toBe(
        true,
      ),
    );
    expect(s.getByText(/often namesakes/)).toBeTruthy();
    expect(s.getByText(/same passport number/)).toBeTruthy();
    const save = s.getByRole('button', { name: 'Save the alert level' });
    expect(save.hasAttribute('disabled')).toBe(true);

    fireEvent.click(s.getByLabelText('All: possible, probable and strong'));
    fireEvent.click(save);
    expect(await s.findByRole('status')).toBeTruthy();
    expect(
      hub.calls.filter((c) => c.operationName === 'SetOverlapAlertLevel').map((c) => c.variables),
    ).toEqual([{ level: 'possible' }]);
  }, 60_000);

  it('shows an investigator the level without letting them change it', async () => {
    const hub = server(INVESTIGATOR);
    await renderApp({ path: '/organisation', server: hub });
    const s = await section();
    await waitFor(() =>
      expect(s.getByLabelText<HTMLInputElement>('Probable and strong (recommended)').checked).toBe(
        true,
      ),
    );
    for (const label of [
      'Strong only',
      'Probable and strong (recommended)',
      'All: possible, probable and strong',
    ])
      expect(s.getByLabelText<HTMLInputElement>(label).disabled).toBe(true);
    expect(s.queryByRole('button', { name: 'Save the alert level' })).toBeNull();
    expect(s.getByTestId('overlap-alert-level-readonly').textContent).toBe(
      'Your organisation’s admins choose this.',
    );
  });
});
