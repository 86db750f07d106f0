import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeServer } from '../../../test/fake-server';
import { renderApp } from '../../../test/render-app';

function server() {
  let policy = 'admins';
  return fakeServer({
    handlers: {
      OrganisationUsers: () => ({ data: { users: [] } }),
      OrganisationInvitations: () => ({ data: { invitations: [] } }),
      OrganisationLeadNegotiators: (variables) => ({
        data: {
          organisation: {
            __typename: 'Organisation',
            id: variables['id'],
            leadNegotiators: policy,
          },
        },
      }),
      SetLeadNegotiators: (variables) => {
        policy = variables['policy'] as string;
        return {
          data: {
            setLeadNegotiators: {
              __typename: 'Organisation',
              id: 'org-1',
              leadNegotiators: policy,
            },
          },
        };
      },
    },
  });
}

describe('who negotiates cluster leads for the organisation', () => {
  it('lets an admin allow the investigators too, and says it is saved', async () => {
    const hub = server();
    await renderApp({ path: '/organisation', server: hub });
    const section = await screen.findByTestId('lead-negotiators-section', {}, { timeout: 45_000 });
    const s = within(section);
    await waitFor(() =>
      expect(s.getByLabelText<HTMLInputElement>('Admins only').checked).toBe(true),
    );
    const save = s.getByRole('button', { name: 'Save who negotiates' });
    expect(save.hasAttribute('disabled')).toBe(true);

    fireEvent.click(s.getByLabelText('Admins and investigators'));
    fireEvent.click(save);
    expect(await s.findByRole('status')).toBeTruthy();
    expect(hub.calls.find((c) => c.operationName === 'SetLeadNegotiators')?.variables).toEqual({
      policy: 'admins_and_investigators',
    });
  });
});
