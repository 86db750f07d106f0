import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CreateInvitationDocument } from '../../../gql/graphql';
import { useAction } from '../../../graphql/use-action';
import { ActionError } from '../../../ui/ActionError';
import { fakeServer, graphqlError } from '../../../test/fake-server';
import { renderApp } from '../../../test/render-app';

const INVITATION = {
  __typename: 'InvitationLink',
  path: '/join/secret-token',
  invitation: {
    __typename: 'Invitation',
    id: 'inv-1',
    organisationId: 'org-1',
    email: null,
    role: 'investigator',
    purpose: 'sign_up',
    createdAt: '2025-01-01T00:00:00Z',
    expiresAt: '2025-01-08T00:00:00Z',
    usedAt: null,
    revokedAt: null,
  },
};

/** A server whose sensitive mutation needs a step-up, which code 246810 grants. */
function stepUpServer() {
  let steppedUp = false;
  return fakeServer({
    handlers: {
      CreateInvitation: () =>
        steppedUp ? { data: { createInvitation: INVITATION } } : graphqlError('STEP_UP_REQUIRED'),
      StepUp: ({ code }) => {
        if (code !== '246810') return graphqlError('UNAUTHENTICATED');
        steppedUp = true;
        return { data: { stepUp: '2025-01-01T00:05:00Z' } };
      },
    },
  });
}

function Invite() {
  const create = useAction(CreateInvitationDocument);
  const run = () => void create.run({ input: { organisationId: 'org-1', role: 'investigator' } });
  return (
    <div>
      <button type="button" onClick={run}>
        Invite
      </button>
      <ActionError error={create.error} onRetry={create.retry} />
      {create.data && <p>Link: {create.data.createInvitation.path}</p>}
    </div>
  );
}

const operations = (server: ReturnType<typeof fakeServer>) =>
  server.calls.map((c) => c.operationName).filter((name) => name !== 'Me' && name !== 'ServerInfo');

describe('step-up', () => {
  it('asks for a code when the API requires it, then retries the action by itself', async () => {
    const server = stepUpServer();
    await renderApp({ server, element: <Invite /> });
    fireEvent.click(await screen.findByRole('button', { name: 'Invite' }));

    const dialog = await screen.findByRole('dialog', { name: 'Confirm it’s you' });
    const code = within(dialog).getByLabelText(/^Authenticator code/);
    expect(code.getAttribute('inputmode')).toBe('numeric');
    expect(code.getAttribute('autocomplete')).toBe('one-time-code');

    fireEvent.change(code, { target: { value: '12' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    expect(
      await within(dialog).findByText('Enter the 6 digits from your authenticator app.'),
    ).toBeTruthy();

    fireEvent.change(code, { target: { value: '111111' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    expect(await within(dialog).findByText(/This code was not accepted/)).toBeTruthy();

    fireEvent.change(code, { target: { value: '246 810' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByText('Link: /join/secret-token')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(operations(server)).toEqual([
      'CreateInvitation',
      'StepUp',
      'StepUp',
      'CreateInvitation',
    ]);
  });

  it('gives up without retrying when the person cancels', async () => {
    const server = stepUpServer();
    await renderApp({ server, element: <Invite /> });
    fireEvent.click(await screen.findByRole('button', { name: 'Invite' }));
    const dialog = await screen.findByRole('dialog', { name: 'Confirm it’s you' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(
      await screen.findByText(
        'For your security, confirm this action with a code from your authenticator app.',
      ),
    ).toBeTruthy();
    expect(operations(server)).toEqual(['CreateInvitation']);
  });

  it('never re-sends a mutation on a network error: it offers "Try again"', async () => {
    const server = fakeServer({
      handlers: { CreateInvitation: () => ({ data: { createInvitation: INVITATION } }) },
    });
    await renderApp({ server, element: <Invite /> });
    const invite = await screen.findByRole('button', { name: 'Invite' });
    server.goDown();
    fireEvent.click(invite);
    expect(await screen.findByText(/may or may not have been saved/)).toBeTruthy();
    // Give a silent retry every chance to happen (the query retry starts at 1 s): it must not.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const attempts = () => server.calls.filter((c) => c.operationName === 'CreateInvitation');
    expect(attempts()).toHaveLength(1);

    server.comeBack();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Link: /join/secret-token')).toBeTruthy();
    expect(attempts().map((c) => c.delivered)).toEqual([false, true]);
  });
});
