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

/**
 * The weakest parameters a client accepts, whatever the hub sends: the
 * OWASP minimum for argon2id (19 MiB, 2 passes, 1 lane). The hub hands
 * the parameters out at login, so without this floor a malicious hub
 * could ask for 1 MiB / 1 pass and brute-force the login key it receives
 * far faster. Raising DEFAULT_KDF_PARAMS never needs raising this.
 */
export const MIN_KDF_PARAMS: Readonly<KdfParams> = Object.freeze({
  algorithm: 'argon2id',
  memoryKiB: 19 * 1024,
  iterations: 2,
  parallelism: 1,
});

/** Parameters for automated tests: the floor itself (lower would be refused). */
export const TEST_KDF_PARAMS: KdfParams = { ...MIN_KDF_PARAMS };

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

/** Thrown for parameters below the floor or absurdly high (a hub could also stall a client). */
export class KdfParamsRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KdfParamsRefused';
  }
}

const isWhole = (n: number): boolean => Number.isSafeInteger(n);

/** Throws KdfParamsRefused unless the parameters are within [MIN_KDF_PARAMS, sane maximum]. */
export function validateKdfParams(params: KdfParams): void {
  if (params.algorithm !== 'argon2id') throw new KdfParamsRefused('Unsupported KDF');
  if (
    !isWhole(params.memoryKiB) ||
    params.memoryKiB < MIN_KDF_PARAMS.memoryKiB ||
    params.memoryKiB > 1024 * 1024
  )
    throw new KdfParamsRefused(
      `KDF memory out of range (at least ${MIN_KDF_PARAMS.memoryKiB} KiB)`,
    );
  if (
    !isWhole(params.iterations) ||
    params.iterations < MIN_KDF_PARAMS.iterations ||
    params.iterations > 20
  )
    throw new KdfParamsRefused(
      `KDF iterations out of range (at least ${MIN_KDF_PARAMS.iterations})`,
    );
  if (
    !isWhole(params.parallelism) ||
    params.parallelism < MIN_KDF_PARAMS.parallelism ||
    params.parallelism > 8
  )
    throw new KdfParamsRefused('KDF parallelism out of range');
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
