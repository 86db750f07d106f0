import { describe, expect, it } from 'vitest';
import { deriveCredentials, newKdfSalt, TEST_KDF_PARAMS } from './credentials.js';
import { generateUserKeyPair, openPrivateKey, sealPrivateKey } from './user-keys.js';

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

describe('credentials', () => {
  it('derives independent, deterministic login and encryption keys', async () => {
    const salt = new Uint8Array(16).fill(7);
    const a = await deriveCredentials('correct horse', salt, TEST_KDF_PARAMS);
    const b = await deriveCredentials('correct horse', salt, TEST_KDF_PARAMS);
    expect(hex(a.loginKey)).toBe(hex(b.loginKey));
    expect(hex(a.loginKey)).not.toBe(hex(a.encryptionKey));
    const other = await deriveCredentials('correct horse!', salt, TEST_KDF_PARAMS);
    expect(hex(other.loginKey)).not.toBe(hex(a.loginKey));
    const otherSalt = await deriveCredentials('correct horse', newKdfSalt(), TEST_KDF_PARAMS);
    expect(hex(otherSalt.encryptionKey)).not.toBe(hex(a.encryptionKey));
  });

  it('rejects an empty password and out-of-range parameters', async () => {
    await expect(deriveCredentials('', newKdfSalt(), TEST_KDF_PARAMS)).rejects.toThrow();
    await expect(
      deriveCredentials('x', newKdfSalt(), { ...TEST_KDF_PARAMS, memoryKiB: 8 }),
    ).rejects.toThrow(/memory/);
  });
});

describe('user keys', () => {
  it('round-trips the private key and refuses a wrong key or a tampered blob', async () => {
    const { privateKey } = generateUserKeyPair();
    const { encryptionKey } = await deriveCredentials('pw', newKdfSalt(), TEST_KDF_PARAMS);
    const blob = sealPrivateKey(privateKey, encryptionKey);
    expect(hex(openPrivateKey(blob, encryptionKey))).toBe(hex(privateKey));
    const wrong = await deriveCredentials('pw2', newKdfSalt(), TEST_KDF_PARAMS);
    expect(() => openPrivateKey(blob, wrong.encryptionKey)).toThrow();
    const tampered = blob.slice();
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 1;
    expect(() => openPrivateKey(tampered, encryptionKey)).toThrow();
  });
});
