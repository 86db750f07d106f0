import { describe, expect, it } from 'vitest';
import { createAccountMaterial } from './account-material.js';
import {
  deriveCredentials,
  KdfParamsRefused,
  MIN_KDF_PARAMS,
  newKdfSalt,
  TEST_KDF_PARAMS,
} from './credentials.js';
import {
  createSigningKeyMaterial,
  generateSigningKeyPair,
  generateUserKeyPair,
  openPrivateKey,
  openSigningKey,
  sealPrivateKey,
  sealSigningKey,
} from './user-keys.js';
import { ed25519 } from '@noble/curves/ed25519.js';

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
    await expect(
      deriveCredentials('x', newKdfSalt(), { ...TEST_KDF_PARAMS, memoryKiB: 2 * 1024 * 1024 }),
    ).rejects.toThrow(/memory/);
  });

  // Issue 9, Medium 9: a malicious hub hands out weak parameters at login to
  // brute-force the login key it then receives.
  it('refuses hub-supplied parameters below the OWASP floor: 1 MiB / 1 pass is a downgrade', async () => {
    const downgrade = {
      algorithm: 'argon2id' as const,
      memoryKiB: 1024,
      iterations: 1,
      parallelism: 1,
    };
    await expect(deriveCredentials('pw', newKdfSalt(), downgrade)).rejects.toBeInstanceOf(
      KdfParamsRefused,
    );
    await expect(
      deriveCredentials('pw', newKdfSalt(), {
        ...MIN_KDF_PARAMS,
        memoryKiB: MIN_KDF_PARAMS.memoryKiB - 1,
      }),
    ).rejects.toThrow(/memory/);
    await expect(
      deriveCredentials('pw', newKdfSalt(), { ...MIN_KDF_PARAMS, iterations: 1 }),
    ).rejects.toThrow(/iterations/);
    await expect(
      deriveCredentials('pw', newKdfSalt(), { ...MIN_KDF_PARAMS, parallelism: 0 }),
    ).rejects.toThrow(/parallelism/);
    await expect(
      deriveCredentials('pw', newKdfSalt(), { ...MIN_KDF_PARAMS, iterations: 2.5 }),
    ).rejects.toThrow(/iterations/);
  });

  it('pins the floor at 19 MiB, 2 passes, 1 lane, and tests run at exactly the floor', async () => {
    expect(MIN_KDF_PARAMS).toEqual({
      algorithm: 'argon2id',
      memoryKiB: 19456,
      iterations: 2,
      parallelism: 1,
    });
    expect(TEST_KDF_PARAMS).toEqual(MIN_KDF_PARAMS);
    await expect(deriveCredentials('pw', newKdfSalt(), MIN_KDF_PARAMS)).resolves.toBeDefined();
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

  it('seals the signing key under its own context: neither blob opens as the other', async () => {
    const { encryptionKey } = await deriveCredentials('pw', newKdfSalt(), TEST_KDF_PARAMS);
    const signing = generateSigningKeyPair();
    const enc = generateUserKeyPair();
    const sealedSigning = sealSigningKey(signing.privateKey, encryptionKey);
    expect(sealedSigning[0]).toBe(1);
    expect(sealedSigning.length).toBe(1 + 24 + 32 + 16);
    expect(hex(openSigningKey(sealedSigning, encryptionKey))).toBe(hex(signing.privateKey));
    expect(() => openPrivateKey(sealedSigning, encryptionKey)).toThrow();
    expect(() =>
      openSigningKey(sealPrivateKey(enc.privateKey, encryptionKey), encryptionKey),
    ).toThrow();
    const tampered = sealedSigning.slice();
    tampered[5] = (tampered[5] ?? 0) ^ 0x80;
    expect(() => openSigningKey(tampered, encryptionKey)).toThrow();
  });

  it('makes account material with both key pairs sealed, and an upgrade signing key for old accounts', async () => {
    const material = await createAccountMaterial('a long password', TEST_KDF_PARAMS);
    const { encryptionKey } = await deriveCredentials(
      'a long password',
      material.kdfSalt,
      TEST_KDF_PARAMS,
    );
    const signingKey = openSigningKey(material.encryptedSigningKey, encryptionKey);
    expect(hex(ed25519.getPublicKey(signingKey))).toBe(hex(material.signingPublicKey));
    expect(openPrivateKey(material.encryptedPrivateKey, encryptionKey)).toHaveLength(32);

    const upgrade = createSigningKeyMaterial(encryptionKey);
    expect(hex(openSigningKey(upgrade.encryptedSigningKey, encryptionKey))).toBe(
      hex(upgrade.signingPrivateKey),
    );
    expect(hex(ed25519.getPublicKey(upgrade.signingPrivateKey))).toBe(
      hex(upgrade.signingPublicKey),
    );
  });
});
