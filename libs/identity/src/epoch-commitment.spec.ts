import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { randomBytes } from '@noble/hashes/utils.js';
import { ed25519 } from '@noble/curves/ed25519.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { makeEpochCommitment, verifyEpochCommitment } from './epoch-commitment.js';
import { encodeBase64 } from './base64.js';
import { testUser } from './testing/users.js';

const coordinator = testUser('coordinator-1', 'secretariat');
const ctx = { workingGroupId: 'wg-1', epoch: 3, coordinatorUserId: 'coordinator-1' };
const groupKey = randomBytes(32);
const commitment = makeEpochCommitment(
  groupKey,
  { ...ctx, coordinatorSigningPublicKey: coordinator.bundle.signingPublicKey },
  coordinator.signingPrivateKey,
);
const verify = (
  key: Uint8Array,
  c = ctx,
  com = commitment,
  pub = coordinator.bundle.signingPublicKey,
) => verifyEpochCommitment(key, c, com, pub);

describe('epoch commitment', () => {
  it('verifies for the committed key, group, epoch and coordinator', () => {
    expect(verify(groupKey)).toBe(true);
    expect(verify(groupKey, { ...ctx, epoch: 4 })).toBe(false);
    expect(verify(groupKey, { ...ctx, workingGroupId: 'wg-2' })).toBe(false);
    expect(verify(groupKey, { ...ctx, coordinatorUserId: 'coordinator-2' })).toBe(false);
  });

  it("a grant with a wrong K' (front-running member) is refused: the key does not match the commitment", () => {
    const wrong = randomBytes(32);
    expect(verify(wrong)).toBe(false);
    fc.assert(
      fc.property(fc.nat({ max: 255 }), (bit) => {
        const k = groupKey.slice();
        k[bit >> 3] = (k[bit >> 3] ?? 0) ^ (1 << (bit & 7));
        expect(verify(k)).toBe(false);
      }),
    );
  });

  it('a hub-made coordinator cannot sign a commitment to the real K_group', () => {
    const fake = testUser('coordinator-9', 'secretariat');
    const fakeCtx = { ...ctx, coordinatorUserId: 'coordinator-9' };
    // Without K_group it can only guess the tag…
    const guessedTag = randomBytes(32);
    const message = utf8ToBytes(`parallax/v1/epoch\nwg-1\n3\n${encodeBase64(guessedTag)}`);
    const guessed = { tag: guessedTag, signature: ed25519.sign(message, fake.signingPrivateKey) };
    expect(verify(groupKey, fakeCtx, guessed, fake.bundle.signingPublicKey)).toBe(false);
    // …or re-sign the real coordinator's tag, which binds the real coordinator and its key.
    const resigned = {
      tag: commitment.tag,
      signature: ed25519.sign(
        utf8ToBytes(`parallax/v1/epoch\nwg-1\n3\n${encodeBase64(commitment.tag)}`),
        fake.signingPrivateKey,
      ),
    };
    expect(verify(groupKey, fakeCtx, resigned, fake.bundle.signingPublicKey)).toBe(false);
    expect(verify(groupKey, ctx, resigned, fake.bundle.signingPublicKey)).toBe(false);
    // The real commitment does not verify under the impostor's key either.
    expect(verify(groupKey, fakeCtx, commitment, fake.bundle.signingPublicKey)).toBe(false);
  });

  it('fails on any single-bit change of tag or signature', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.nat(), (inTag, n) => {
        const target = inTag ? commitment.tag.slice() : commitment.signature.slice();
        const i = n % (target.length * 8);
        target[i >> 3] = (target[i >> 3] ?? 0) ^ (1 << (i & 7));
        expect(
          verify(
            groupKey,
            ctx,
            inTag ? { ...commitment, tag: target } : { ...commitment, signature: target },
          ),
        ).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses to sign with a key that is not the stated coordinator key, and bad contexts', () => {
    const other = testUser('x', 'y');
    expect(() =>
      makeEpochCommitment(
        groupKey,
        { ...ctx, coordinatorSigningPublicKey: other.bundle.signingPublicKey },
        coordinator.signingPrivateKey,
      ),
    ).toThrow();
    expect(() =>
      makeEpochCommitment(
        groupKey,
        { ...ctx, epoch: 0, coordinatorSigningPublicKey: coordinator.bundle.signingPublicKey },
        coordinator.signingPrivateKey,
      ),
    ).toThrow();
    expect(verify(groupKey, { ...ctx, workingGroupId: 'wg-1\n3' })).toBe(false);
  });
});
