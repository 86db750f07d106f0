import { ed25519 } from '@noble/curves/ed25519.js';
import { openPrivateKey, openSigningKey, sealPrivateKey, sealSigningKey } from '@parallax/identity';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from '../../../crypto/base64';
import type { KeyDerivation } from '../../../crypto/key-derivation';
import {
  fakeServer,
  graphqlError,
  ORG_ADMIN_VIEWER,
  type Handler,
} from '../../../test/fake-server';
import { fakeKeyDerivation, renderApp } from '../../../test/render-app';

/** Keys that depend on the password (its first character), so a wrong one does not fit. */
const byPassword: KeyDerivation = {
  ...fakeKeyDerivation,
  derive: (password) => {
    const seed = password.charCodeAt(0);
    return Promise.resolve({
      loginKey: new Uint8Array(32).fill(seed),
      encryptionKey: new Uint8Array(32).fill(seed + 1),
    });
  },
};

const PRIVATE_KEY = new Uint8Array(32).fill(9);
const SIGNING_KEY = new Uint8Array(32).fill(10);
const OLD_PASSWORD = 'old password here';
const NEW_PASSWORD = 'new password here';
const encryptionKeyOf = (password: string) => new Uint8Array(32).fill(password.charCodeAt(0) + 1);

function accountServer(changePassword: Handler) {
  return fakeServer({
    viewer: {
      ...ORG_ADMIN_VIEWER,
      encryptedPrivateKey: bytesToBase64(
        sealPrivateKey(PRIVATE_KEY, encryptionKeyOf(OLD_PASSWORD)),
      ),
      signingPublicKey: bytesToBase64(ed25519.getPublicKey(SIGNING_KEY)),
      encryptedSigningKey: bytesToBase64(
        sealSigningKey(SIGNING_KEY, encryptionKeyOf(OLD_PASSWORD)),
      ),
    },
    handlers: {
      MySessions: () => ({ data: { mySessions: [] } }),
      LoginParameters: () => ({
        data: {
          loginParameters: {
            salt: bytesToBase64(new Uint8Array(16)),
            algorithm: 'argon2id',
            memoryKiB: 65536,
            iterations: 3,
            parallelism: 1,
          },
        },
      }),
      ChangePassword: changePassword,
    },
  });
}

async function change(current: string, next: string, server: ReturnType<typeof accountServer>) {
  await renderApp({ path: '/account', server, keyDerivation: byPassword });
  const form = await screen.findByTestId('change-password-form');
  const set = (label: RegExp, value: string) =>
    fireEvent.change(within(form).getByLabelText(label), { target: { value } });
  set(/^Current password/, current);
  set(/^New password/, next);
  set(/^Repeat the password/, next);
  fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
}

describe('password change', () => {
  it('re-seals the same private keys (encryption and signing) under the new password', async () => {
    const server = accountServer(() => ({ data: { changePassword: true } }));
    await change(OLD_PASSWORD, NEW_PASSWORD, server);
    expect(await screen.findByText(/Your password has been changed/)).toBeTruthy();

    const input = server.calls.find((c) => c.operationName === 'ChangePassword')?.variables[
      'input'
    ] as Record<string, string>;
    expect(input['currentLoginKey']).toBe(bytesToBase64(new Uint8Array(32).fill(111))); // 'o'
    expect(input['newLoginKey']).toBe(bytesToBase64(new Uint8Array(32).fill(110))); // 'n'
    expect(base64ToBytes(input['newKdfSalt'] ?? '')).toHaveLength(16);
    const reopened = openPrivateKey(
      base64ToBytes(input['newEncryptedPrivateKey'] ?? ''),
      encryptionKeyOf(NEW_PASSWORD),
    );
    expect(reopened).toEqual(PRIVATE_KEY);
    // The same signing key too: certificates others signed over it stay valid.
    expect(
      openSigningKey(
        base64ToBytes(input['encryptedSigningKey'] ?? ''),
        encryptionKeyOf(NEW_PASSWORD),
      ),
    ).toEqual(SIGNING_KEY);
    expect(input['signingPublicKey']).toBe(bytesToBase64(ed25519.getPublicKey(SIGNING_KEY)));
  });

  it('says the current password is wrong without sending anything', async () => {
    const server = accountServer(() => ({ data: { changePassword: true } }));
    await change('wrong password!', NEW_PASSWORD, server);
    expect(await screen.findByText('The current password is wrong.')).toBeTruthy();
    expect(server.calls.some((c) => c.operationName === 'ChangePassword')).toBe(false);
  });

  it('maps the server’s rejection of the current login key to the same message', async () => {
    const server = accountServer(() => graphqlError('UNAUTHENTICATED'));
    await change(OLD_PASSWORD, NEW_PASSWORD, server);
    expect(await screen.findByText('The current password is wrong.')).toBeTruthy();
  });
});
