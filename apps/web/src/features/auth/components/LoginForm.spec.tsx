import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from '../../../crypto/base64';
import { fakeServer, graphqlError, ORG_ADMIN_VIEWER } from '../../../test/fake-server';
import { renderApp } from '../../../test/render-app';

const PARAMETERS = {
  __typename: 'KdfParameters',
  salt: bytesToBase64(new Uint8Array(16)),
  algorithm: 'argon2id',
  memoryKiB: 65536,
  iterations: 3,
  parallelism: 1,
};

function fill(email: string, password: string, code: string) {
  fireEvent.change(screen.getByLabelText(/^E-mail address/), { target: { value: email } });
  fireEvent.change(screen.getByLabelText(/^Password/), { target: { value: password } });
  fireEvent.change(screen.getByLabelText(/^Authenticator code/), { target: { value: code } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('login', () => {
  it('shows one generic message whatever failed, and clears the used code', async () => {
    const server = fakeServer({
      viewer: null,
      handlers: {
        LoginParameters: () => ({ data: { loginParameters: PARAMETERS } }),
        Login: () => graphqlError('UNAUTHENTICATED'),
      },
    });
    await renderApp({ path: '/login', server });
    await screen.findByTestId('login-form');
    fill('nobody@example.org', 'whatever password', '123456');
    expect(
      await screen.findByText(
        'Sign-in failed: check the e-mail address, password and code. After repeated failures, sign-in pauses for a while.',
      ),
    ).toBeTruthy();
    expect((screen.getByLabelText(/^Authenticator code/) as HTMLInputElement).value).toBe('');
  });

  it('sends the derived login key, never the password, and opens the app', async () => {
    let signedIn = false;
    const server = fakeServer({
      viewer: null,
      handlers: {
        Me: () => ({ data: { me: signedIn ? ORG_ADMIN_VIEWER : null } }),
        MySessions: () => ({ data: { mySessions: [] } }),
        LoginParameters: () => ({ data: { loginParameters: PARAMETERS } }),
        Login: () => {
          signedIn = true;
          return {
            data: {
              login: {
                __typename: 'Viewer',
                user: { __typename: 'User', id: 'user-1' },
                encryptedPrivateKey: 'AQ==',
              },
            },
          };
        },
      },
    });
    await renderApp({ path: '/account', server });
    await screen.findByTestId('login-form');
    fill(' amal@example.org ', 'correct horse battery', '654321');
    expect(await screen.findByRole('heading', { level: 1, name: 'Account' })).toBeTruthy();
    const login = server.calls.find((c) => c.operationName === 'Login');
    expect(login?.variables['input']).toEqual({
      email: 'amal@example.org',
      loginKey: bytesToBase64(new Uint8Array(32).fill(1)),
      totpCode: '654321',
    });
    expect(JSON.stringify(server.calls)).not.toContain('correct horse battery');
  });
});
