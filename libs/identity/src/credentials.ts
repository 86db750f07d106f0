import { argon2id } from 'hash-wasm';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { randomBytes, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * Memory-hard KDF parameters. They are stored with each user so they can be
 * raised later without locking anyone out. 64 MiB and 3 passes take about a
 * second on a low-end laptop: slow enough to make offline guessing expensive,
 * fast enough for a coordinator on an old machine.
 */
export interface KdfParams {
  algorithm: 'argon2id';
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

export const DEFAULT_KDF_PARAMS: KdfParams = {
  algorithm: 'argon2id',
  memoryKiB: 64 * 1024,
  iterations: 3,
  parallelism: 1,
};

/** Lower-cost parameters for automated tests only; never for real accounts. */
export const TEST_KDF_PARAMS: KdfParams = {
  algorithm: 'argon2id',
  memoryKiB: 1024,
  iterations: 1,
  parallelism: 1,
};

const KDF_SALT_BYTES = 16;

export interface DerivedCredentials {
  /** Sent to the server at login; the server keeps only a slow hash of it. */
  loginKey: Uint8Array;
  /** Never leaves the client: it encrypts the user's X25519 private key. */
  encryptionKey: Uint8Array;
}

export function newKdfSalt(): Uint8Array {
  return randomBytes(KDF_SALT_BYTES);
}

function validateKdfParams(params: KdfParams): void {
  if (params.algorithm !== 'argon2id') throw new Error('Unsupported KDF');
  if (params.memoryKiB < 1024 || params.memoryKiB > 1024 * 1024) throw new Error('KDF memory out of range');
  if (params.iterations < 1 || params.iterations > 20) throw new Error('KDF iterations out of range');
  if (params.parallelism < 1 || params.parallelism > 8) throw new Error('KDF parallelism out of range');
}

/**
 * Derives the two independent keys from the password: one argon2id run, then
 * HKDF-SHA256 with distinct labels, so knowing the login key (as the server
 * does at each login) reveals nothing about the encryption key.
 */
export async function deriveCredentials(
  password: string,
  salt: Uint8Array,
  params: KdfParams = DEFAULT_KDF_PARAMS,
): Promise<DerivedCredentials> {
  validateKdfParams(params);
  if (password.length === 0) throw new Error('Empty password');
  const master = await argon2id({
    password: utf8ToBytes(password.normalize('NFKC')),
    salt,
    parallelism: params.parallelism,
    iterations: params.iterations,
    memorySize: params.memoryKiB,
    hashLength: 32,
    outputType: 'binary',
  });
  const loginKey = hkdf(sha256, master, salt, utf8ToBytes('parallax/v1/login-key'), 32);
  const encryptionKey = hkdf(sha256, master, salt, utf8ToBytes('parallax/v1/encryption-key'), 32);
  master.fill(0);
  return { loginKey, encryptionKey };
}
