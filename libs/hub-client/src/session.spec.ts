import { describe, expect, it } from 'vitest';
import {
  createAccountMaterial,
  KdfParamsRefused,
  MIN_KDF_PARAMS,
  openSigningKey,
  deriveCredentials,
  TEST_KDF_PARAMS,
} from '@parallax/identity';
import { ed25519 } from '@noble/curves/ed25519.js';
import { fromBase64, toBase64 } from './base64.js';
import { HubSession } from './session.js';

const PASSWORD = 'a long enough password';

/** A hub answering the login round trips, with the KDF parameters a test chooses. */
async function loginHub(
  opts: {
    params?: Record<string, number>;
    withSigningKey?: boolean;
    listedPublicKey?: string;
  } = {},
) {
  const material = await createAccountMaterial(PASSWORD, TEST_KDF_PARAMS);
  const sent: Array<{ name: string; variables: Record<string, unknown> }> = [];
  let signingPublicKey = opts.withSigningKey === false ? null : toBase64(material.signingPublicKey);
  const fetchImpl = (async (_url: string, init: { body: string }) => {
    const { query, variables } = JSON.parse(init.body) as {
      query: string;
      variables: Record<string, unknown>;
    };
    const name = /(?:query|mutation)\s+(\w+)/u.exec(query)?.[1] ?? '?';
    sent.push({ name, variables });
    const data =
      name === 'LoginParameters'
        ? {
            loginParameters: {
              salt: toBase64(material.kdfSalt),
              ...MIN_KDF_PARAMS,
              ...opts.params,
            },
          }
        : name === 'Login'
          ? {
              login: {
                user: { id: 'u-1', organisationId: 'org-a' },
                publicKey: opts.listedPublicKey ?? toBase64(material.publicKey),
                encryptedPrivateKey: toBase64(material.encryptedPrivateKey),
                signingPublicKey,
                encryptedSigningKey:
                  opts.withSigningKey === false ? null : toBase64(material.encryptedSigningKey),
              },
            }
          : name === 'SetSigningKey'
            ? ((signingPublicKey = variables['signingPublicKey'] as string),
              { setSigningKey: true })
            : null;
    return new Response(JSON.stringify({ data }), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  }) as unknown as typeof fetch;
  return { material, sent, session: new HubSession('http://hub.test', fetchImpl) };
}

describe('HubSession.login', () => {
  it('unlocks both private keys and derives the public keys itself', async () => {
    const { session, material } = await loginHub();
    const me = await session.login('a@example.org', PASSWORD, '123456');
    expect(toBase64(me.publicKey)).toBe(toBase64(material.publicKey));
    expect(toBase64(me.signingPublicKey)).toBe(toBase64(material.signingPublicKey));
    expect(toBase64(ed25519.getPublicKey(me.signingPrivateKey))).toBe(
      toBase64(material.signingPublicKey),
    );
  });

  // Issue 9, Medium 9: the hub hands out the KDF parameters; a malicious one
  // asks for 1 MiB / 1 pass to brute-force the login key it then receives.
  it('refuses KDF parameters below the floor before sending any login key', async () => {
    const { session, sent } = await loginHub({ params: { memoryKiB: 1024, iterations: 1 } });
    await expect(session.login('a@example.org', PASSWORD, '123456')).rejects.toBeInstanceOf(
      KdfParamsRefused,
    );
    expect(sent.map((s) => s.name)).toEqual(['LoginParameters']);
  });

  it('gives an account made before signing keys its signing key, sealed under the password', async () => {
    const { session, sent, material } = await loginHub({ withSigningKey: false });
    const me = await session.login('a@example.org', PASSWORD, '123456');
    const set = sent.find((s) => s.name === 'SetSigningKey');
    expect(set?.variables['signingPublicKey']).toBe(toBase64(me.signingPublicKey));
    const { encryptionKey } = await deriveCredentials(PASSWORD, material.kdfSalt, TEST_KDF_PARAMS);
    const opened = openSigningKey(
      fromBase64(set?.variables['encryptedSigningKey'] as string),
      encryptionKey,
    );
    expect(toBase64(opened)).toBe(toBase64(me.signingPrivateKey));
  });

  it('refuses a hub that lists public keys not matching the private ones', async () => {
    const { session } = await loginHub({ listedPublicKey: toBase64(new Uint8Array(32).fill(9)) });
    await expect(session.login('a@example.org', PASSWORD, '123456')).rejects.toThrow(
      /do not match/,
    );
  });
});
