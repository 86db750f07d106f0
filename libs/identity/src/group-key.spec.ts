import { describe, expect, it } from 'vitest';
import { randomBytes } from '@noble/hashes/utils.js';
import { openGroupKey, sealGroupKey } from './group-key.js';
import { generateUserKeyPair } from './user-keys.js';

const ctx = { workingGroupId: 'wg-1', epoch: 1, recipientUserId: 'u-1' };

describe('group key sealing (HPKE)', () => {
  it('opens for the recipient, in its context', async () => {
    const key = randomBytes(32);
    const alice = generateUserKeyPair();
    const sealed = await sealGroupKey(key, alice.publicKey, ctx);
    expect(Array.from(await openGroupKey(sealed, alice.privateKey, ctx))).toEqual(Array.from(key));
    // Two seals of the same key differ (fresh ephemeral key each time).
    expect(Array.from(await sealGroupKey(key, alice.publicKey, ctx))).not.toEqual(Array.from(sealed));
  });

  it('refuses another private key, another user, epoch or group, and tampering', async () => {
    const key = randomBytes(32);
    const alice = generateUserKeyPair();
    const mallory = generateUserKeyPair();
    const sealed = await sealGroupKey(key, alice.publicKey, ctx);
    await expect(openGroupKey(sealed, mallory.privateKey, ctx)).rejects.toThrow();
    await expect(openGroupKey(sealed, alice.privateKey, { ...ctx, recipientUserId: 'u-2' })).rejects.toThrow();
    await expect(openGroupKey(sealed, alice.privateKey, { ...ctx, epoch: 2 })).rejects.toThrow();
    await expect(openGroupKey(sealed, alice.privateKey, { ...ctx, workingGroupId: 'wg-2' })).rejects.toThrow();
    const tampered = sealed.slice();
    tampered[40] = (tampered[40] ?? 0) ^ 1;
    await expect(openGroupKey(tampered, alice.privateKey, ctx)).rejects.toThrow();
  });
});
