import { describe, expect, it } from 'vitest';
import { randomBytes } from '@noble/hashes/utils.js';
import { openGroupKey, sealGroupKey } from './group-key.js';
import { generateUserKeyPair } from './user-keys.js';

const ctx = { workingGroupId: 'wg-1', epoch: 1, recipientUserId: 'u-1', senderUserId: 'u-9' };

describe('group key sealing (HPKE Auth mode)', () => {
  it('opens for the recipient, in its context, with the sender key', async () => {
    const key = randomBytes(32);
    const alice = generateUserKeyPair();
    const sender = generateUserKeyPair();
    const sealed = await sealGroupKey(key, alice.publicKey, ctx, sender.privateKey);
    expect(Array.from(await openGroupKey(sealed, alice.privateKey, ctx, sender.publicKey))).toEqual(
      Array.from(key),
    );
    // Two seals of the same key differ (fresh ephemeral key each time).
    expect(
      Array.from(await sealGroupKey(key, alice.publicKey, ctx, sender.privateKey)),
    ).not.toEqual(Array.from(sealed));
  });

  it('refuses another private key, another user, epoch, group or sender, and tampering', async () => {
    const key = randomBytes(32);
    const alice = generateUserKeyPair();
    const mallory = generateUserKeyPair();
    const sender = generateUserKeyPair();
    const sealed = await sealGroupKey(key, alice.publicKey, ctx, sender.privateKey);
    await expect(openGroupKey(sealed, mallory.privateKey, ctx, sender.publicKey)).rejects.toThrow();
    await expect(
      openGroupKey(sealed, alice.privateKey, { ...ctx, recipientUserId: 'u-2' }, sender.publicKey),
    ).rejects.toThrow();
    await expect(
      openGroupKey(sealed, alice.privateKey, { ...ctx, epoch: 2 }, sender.publicKey),
    ).rejects.toThrow();
    await expect(
      openGroupKey(sealed, alice.privateKey, { ...ctx, workingGroupId: 'wg-2' }, sender.publicKey),
    ).rejects.toThrow();
    await expect(
      openGroupKey(sealed, alice.privateKey, { ...ctx, senderUserId: 'u-8' }, sender.publicKey),
    ).rejects.toThrow();
    const tampered = sealed.slice();
    tampered[40] = (tampered[40] ?? 0) ^ 1;
    await expect(openGroupKey(tampered, alice.privateKey, ctx, sender.publicKey)).rejects.toThrow();
  });

  it('proves the sender: a copy sealed by anyone else does not open under the expected sender key', async () => {
    const key = randomBytes(32);
    const alice = generateUserKeyPair();
    const sender = generateUserKeyPair();
    const hub = generateUserKeyPair();
    // The hub seals a key of its own and claims the sender sealed it.
    const forged = await sealGroupKey(key, alice.publicKey, ctx, hub.privateKey);
    await expect(openGroupKey(forged, alice.privateKey, ctx, sender.publicKey)).rejects.toThrow();
  });

  it('refuses a group key of the wrong size', async () => {
    const alice = generateUserKeyPair();
    await expect(
      sealGroupKey(randomBytes(16), alice.publicKey, ctx, alice.privateKey),
    ).rejects.toThrow(/32 bytes/);
  });
});
