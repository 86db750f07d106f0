import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from '../../crypto/base64';
import { fakeServer, graphqlError, ORG_ADMIN_VIEWER, type Handler } from '../../test/fake-server';
import { renderApp } from '../../test/render-app';

const PREVIEW = {
  __typename: 'InvitationPreview',
  organisationName: 'Example Centre',
  role: 'org_admin',
  email: 'nadia@example.org',
  purpose: 'sign_up',
  expiresAt: '2099-01-08T10:00:00Z',
  coordinatorOfWorkingGroupName: null,
};

function signUpServer(complete: Handler = () => ({ data: null })) {
  let signedUp = false;
  return fakeServer({
    viewer: null,
    handlers: {
      Me: () => ({ data: { me: signedUp ? ORG_ADMIN_VIEWER : null } }),
      InvitationPreview: () => ({ data: { invitationPreview: PREVIEW } }),
      StartSignUp: () => ({
        data: {
          startSignUp: {
            __typename: 'SignUpStart',
            totpSecret: 'JBSWY3DPEHPK3PXP',
            otpauthUri: 'otpauth://totp/Parallax:nadia?secret=JBSWY3DPEHPK3PXP&issuer=Parallax',
          },
        },
      }),
      CompleteSignUp: async (variables) => {
        const reply = await complete(variables);
        if (!reply.errors) signedUp = true;
        return reply;
      },
    },
  });
}

const accepted = () => ({
  data: {
    completeSignUp: {
      __typename: 'Viewer',
      user: { __typename: 'User', id: 'user-1' },
      encryptedPrivateKey: 'AQ==',
    },
  },
});

async function openForm(server = signUpServer(accepted)) {
  const view = await renderApp({ path: '/join/token-1', server });
  fireEvent.click(await screen.findByRole('button', { name: 'Set up my account' }));
  await screen.findByTestId('sign-up-form');
  return view;
}

const field = (label: RegExp) => screen.getByLabelText(label) as HTMLInputElement;
const type = (label: RegExp, value: string) =>
  fireEvent.change(field(label), { target: { value } });
const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Create my account' }));

describe('sign-up from an invitation link', () => {
  it('shows what the invitation is for, and the authenticator secret', async () => {
    await renderApp({ path: '/join/token-1', server: signUpServer() });
    const summary = await screen.findByTestId('invitation-summary');
    expect(summary.textContent).toContain(
      'You are invited to join Example Centre as Organisation admin.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Set up my account' }));
    expect((await screen.findByTestId('totp-secret')).textContent).toBe('JBSWY3DPEHPK3PXP');
    // The invitation is for one address: prefilled and locked.
    expect(field(/^E-mail address/).value).toBe('nadia@example.org');
    expect(field(/^E-mail address/).readOnly).toBe(true);
    // The new step's heading takes the focus.
    expect(document.activeElement?.textContent).toBe('Your account');
  });

  it('says so clearly when the link is invalid, used or expired', async () => {
    await renderApp({
      path: '/join/old',
      server: fakeServer({
        viewer: null,
        handlers: { InvitationPreview: () => graphqlError('NOT_FOUND') },
      }),
    });
    expect((await screen.findByTestId('invitation-invalid')).textContent).toContain(
      'This invitation link is invalid, has already been used or has expired.',
    );
  });

  it('rejects a short password, a mismatched confirmation and a bad code, without sending', async () => {
    const { server } = await openForm();
    type(/^Your name/, 'Nadia');
    type(/^Password/, 'too short');
    type(/^Repeat the password/, 'too shorter');
    type(/^Authenticator code/, '12a4');
    expect(field(/^Authenticator code/).value).toBe('124');
    submit();

    expect(await screen.findByText('Use at least 12 characters.')).toBeTruthy();
    expect(screen.getByText('The two passwords do not match.')).toBeTruthy();
    expect(screen.getByText('Enter the 6 digits from your authenticator app.')).toBeTruthy();
    // Errors are tied to their fields, and the first invalid one has the focus.
    const password = field(/^Password/);
    expect(password.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(password);
    const describedBy = password.getAttribute('aria-describedby') ?? '';
    expect(
      describedBy
        .split(' ')
        .some((id) => document.getElementById(id)?.textContent === 'Use at least 12 characters.'),
    ).toBe(true);
    expect(server.calls.some((c) => c.operationName === 'CompleteSignUp')).toBe(false);
  });

  it('sends the keys made on the device and lands signed in on the home page', async () => {
    const { server, router } = await openForm();
    type(/^Your name/, 'Nadia');
    type(/^Password/, 'correct horse battery');
    type(/^Repeat the password/, 'correct horse battery');
    type(/^Authenticator code/, '123456');
    submit();

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Welcome to Parallax' }),
    ).toBeTruthy();
    expect(router.state.location.pathname).toBe('/');
    const call = server.calls.find((c) => c.operationName === 'CompleteSignUp');
    const start = server.calls.find((c) => c.operationName === 'StartSignUp');
    expect(call?.variables['input']).toEqual({
      token: 'token-1',
      email: 'nadia@example.org',
      displayName: 'Nadia',
      kdfSalt: bytesToBase64(new Uint8Array(16).fill(3)),
      kdfParams: { algorithm: 'argon2id', memoryKiB: 65536, iterations: 3, parallelism: 1 },
      loginKey: bytesToBase64(new Uint8Array(32).fill(1)),
      publicKey: bytesToBase64(new Uint8Array(32).fill(4)),
      encryptedPrivateKey: bytesToBase64(new Uint8Array(73).fill(6)),
      // The Ed25519 signing key, made and sealed on the device like the X25519 one.
      signingPublicKey: bytesToBase64(new Uint8Array(32).fill(7)),
      encryptedSigningKey: bytesToBase64(new Uint8Array(73).fill(9)),
      totpCode: '123456',
      // The same one-time value the authenticator secret was asked with: 32 random bytes.
      signUpAttempt: start?.variables['attempt'],
    });
    expect(atob(String(start?.variables['attempt'])).length).toBe(32);
  });

  it('asks for a new code when the server rejects it', async () => {
    await openForm(signUpServer(() => graphqlError('BAD_USER_INPUT', { field: 'totpCode' })));
    type(/^Your name/, 'Nadia');
    type(/^Password/, 'correct horse battery');
    type(/^Repeat the password/, 'correct horse battery');
    type(/^Authenticator code/, '123456');
    submit();
    expect(await screen.findByText(/This code was not accepted/)).toBeTruthy();
    await waitFor(() => expect(field(/^Authenticator code/).value).toBe(''));
  });

  it('says so when someone else who holds the link started the sign-up again', async () => {
    await openForm(signUpServer(() => graphqlError('BAD_USER_INPUT', { field: 'signUpAttempt' })));
    type(/^Your name/, 'Nadia');
    type(/^Password/, 'correct horse battery');
    type(/^Repeat the password/, 'correct horse battery');
    type(/^Authenticator code/, '123456');
    submit();
    expect(await screen.findByText(/This sign-up was started again elsewhere/)).toBeTruthy();
  });
});
