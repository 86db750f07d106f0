/** Cluster-message test fixtures for the identity specs (not part of the library build). */
import { Aes256Gcm, CipherSuite, HkdfSha256 } from '@hpke/core';
import { DhkemX25519HkdfSha256 } from '@hpke/dhkem-x25519';
import { ed25519, x25519 } from '@noble/curves/ed25519.js';
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { expect } from 'vitest';
import { encodeBase64 } from '../base64.js';
import { canonicalJson, type ClusterMessagePayload } from '../cluster-message-payload.js';
import {
  ClusterMessageError,
  openClusterMessage,
  paddedLength,
  type SealClusterMessageInput,
} from '../cluster-message.js';
import { testUser, type TestUser } from './users.js';

export const CLUSTER = 'c0000000-0000-4000-8000-000000000001';
export const MESSAGE = 'a0000000-0000-4000-8000-000000000001';
export const alice = testUser('u-alice', 'org-a');
export const bob = testUser('u-bob', 'org-b');
export const carol = testUser('u-carol', 'org-c');

export function input(over: Partial<SealClusterMessageInput> = {}): SealClusterMessageInput {
  return {
    clusterId: CLUSTER,
    messageId: MESSAGE,
    sender: {
      userId: alice.bundle.userId,
      encryptionPrivateKey: alice.encryptionPrivateKey,
      signingPrivateKey: alice.signingPrivateKey,
    },
    recipients: [alice.bundle, bob.bundle],
    audience: 'parties',
    body: { kind: 'text', text: 'Meet on Signal at 10' },
    sentAt: new Date('2026-11-27T10:00:00.000Z'),
    ...over,
  };
}

export const copyFor = (copies: Array<{ userId: string; sealed: Uint8Array }>, u: TestUser) => {
  const found = copies.find((c) => c.userId === u.bundle.userId);
  if (!found) throw new Error('no copy');
  return found.sealed;
};

export const openAs = (
  sealed: Uint8Array,
  u: TestUser,
  over: Partial<Parameters<typeof openClusterMessage>[1]> = {},
) =>
  openClusterMessage(sealed, {
    clusterId: CLUSTER,
    messageId: MESSAGE,
    recipientUserId: u.bundle.userId,
    recipientPrivateKey: u.encryptionPrivateKey,
    sender: alice.bundle,
    ...over,
  });

export const problemOf = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'opened';
  } catch (e) {
    expect(e).toBeInstanceOf(ClusterMessageError);
    return (e as ClusterMessageError).problem;
  }
};

/** A copy sealed the way the library does, around any payload and signing key: what a forger controls. */
export async function forge(
  payload: unknown,
  signingKey: Uint8Array,
  to: TestUser,
): Promise<Uint8Array> {
  const suite = new CipherSuite({
    kem: new DhkemX25519HkdfSha256(),
    kdf: new HkdfSha256(),
    aead: new Aes256Gcm(),
  });
  const signature = ed25519.sign(
    utf8ToBytes(`parallax/v1/cluster-message\n${canonicalJson(payload)}`),
    signingKey,
  );
  const json = utf8ToBytes(JSON.stringify({ payload, signature: encodeBase64(signature) }));
  const pt = new Uint8Array(paddedLength(json.length)).fill(0x20);
  pt.set(json);
  const buf = (b: Uint8Array) => Uint8Array.from(b).buffer;
  const { enc, ct } = await suite.seal(
    {
      recipientPublicKey: await suite.kem.deserializePublicKey(buf(to.bundle.encryptionPublicKey)),
      senderKey: {
        privateKey: await suite.kem.importKey('raw', buf(alice.encryptionPrivateKey), false),
        publicKey: await suite.kem.deserializePublicKey(
          buf(x25519.getPublicKey(alice.encryptionPrivateKey)),
        ),
      },
      info: buf(
        utf8ToBytes(
          `parallax/v1/cluster-message/${CLUSTER}/${MESSAGE}/${to.bundle.userId}/${alice.bundle.userId}`,
        ),
      ),
    },
    buf(pt),
  );
  return concatBytes(new Uint8Array(enc), new Uint8Array(ct));
}

export const payloadFor = (over: Partial<ClusterMessagePayload> = {}): ClusterMessagePayload => ({
  v: 1,
  clusterId: CLUSTER,
  messageId: MESSAGE,
  senderUserId: alice.bundle.userId,
  recipients: [alice.bundle.userId, bob.bundle.userId].sort(),
  audience: 'parties',
  sentAt: '2026-11-27T10:00:00.000Z',
  body: { kind: 'text', text: 'hello' },
  ...over,
});
