import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { matchesSafetyNumberQr, safetyNumber, safetyNumberQr } from './safety-number.js';
import type { KeyBundle } from './key-bundle.js';
import { testUser } from './testing/users.js';

const bundle = fc
  .record({
    userId: fc.string({ minLength: 1, maxLength: 36 }),
    organisationId: fc.string({ maxLength: 8 }),
    encryptionPublicKey: fc.uint8Array({ minLength: 32, maxLength: 32 }),
    signingPublicKey: fc.uint8Array({ minLength: 32, maxLength: 32 }),
  })
  .map((b): KeyBundle => b);

describe('safety number', () => {
  it('is 30 digits in 6 groups of 5, the same on both devices', () => {
    fc.assert(
      fc.property(bundle, bundle, (a, b) => {
        const n = safetyNumber(a, b);
        expect(n).toMatch(/^\d{5}( \d{5}){5}$/u);
        expect(safetyNumber(b, a)).toBe(n);
        expect(safetyNumberQr(b, a)).toBe(`parallax-sn:1:${n.replaceAll(' ', '')}`);
      }),
      // 5,200 SHA-512 per half make each number deliberately slow.
      { numRuns: 8 },
    );
  }, 30_000);

  it('changes when the hub substitutes either key of either party', () => {
    const alice = testUser('alice', 'org-a').bundle;
    const bob = testUser('bob', 'org-b').bundle;
    const n = safetyNumber(alice, bob);
    const mallory = testUser('bob', 'org-b').bundle;
    expect(safetyNumber(alice, mallory)).not.toBe(n);
    expect(
      safetyNumber(alice, { ...bob, encryptionPublicKey: mallory.encryptionPublicKey }),
    ).not.toBe(n);
    expect(safetyNumber(alice, { ...bob, signingPublicKey: mallory.signingPublicKey })).not.toBe(n);
    expect(safetyNumber({ ...alice, signingPublicKey: mallory.signingPublicKey }, bob)).not.toBe(n);
    // The user id is bound too: the same keys shown as someone else's differ.
    expect(safetyNumber(alice, { ...bob, userId: 'bob2' })).not.toBe(n);
    // Each party's half moves only with that party's keys.
    const [a1, a2, a3] = n.split(' ');
    expect(safetyNumber(alice, mallory).split(' ').slice(0, 3)).toEqual([a1, a2, a3]);
  });

  it('accepts only its own QR text', () => {
    const alice = testUser('alice', 'org-a').bundle;
    const bob = testUser('bob', 'org-b').bundle;
    expect(matchesSafetyNumberQr(safetyNumberQr(bob, alice), alice, bob)).toBe(true);
    expect(matchesSafetyNumberQr(safetyNumber(alice, bob), alice, bob)).toBe(false);
    expect(
      matchesSafetyNumberQr(safetyNumberQr(alice, testUser('bob', 'org-b').bundle), alice, bob),
    ).toBe(false);
  });
});
