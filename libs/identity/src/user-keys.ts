import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { x25519 } from '@noble/curves/ed25519.js';
import { concatBytes, randomBytes, utf8ToBytes } from '@noble/hashes/utils.js';

export interface UserKeyPair {
  publicKey: Uint8Array;
  privateKey: Uint8Array;
}

const BLOB_VERSION = 1;
const NONCE_BYTES = 24;
const AAD = utf8ToBytes('parallax/v1/user-private-key');

export function generateUserKeyPair(): UserKeyPair {
  const privateKey = x25519.utils.randomSecretKey();
  return { privateKey, publicKey: x25519.getPublicKey(privateKey) };
}

/**
 * Encrypts the X25519 private key under the password-derived key. The blob is
 * `version (1) || nonce (24) || XChaCha20-Poly1305 ciphertext`; the server
 * stores it opaque and hands it back at login.
 */
export function sealPrivateKey(privateKey: Uint8Array, encryptionKey: Uint8Array): Uint8Array {
  const nonce = randomBytes(NONCE_BYTES);
  const ct = xchacha20poly1305(encryptionKey, nonce, AAD).encrypt(privateKey);
  return concatBytes(Uint8Array.of(BLOB_VERSION), nonce, ct);
}

/** Throws when the key is wrong or the blob was altered. */
export function openPrivateKey(blob: Uint8Array, encryptionKey: Uint8Array): Uint8Array {
  if (blob.length < 1 + NONCE_BYTES + 16 || blob[0] !== BLOB_VERSION) {
    throw new Error('Unrecognised private key blob');
  }
  const nonce = blob.subarray(1, 1 + NONCE_BYTES);
  return xchacha20poly1305(encryptionKey, nonce, AAD).decrypt(blob.subarray(1 + NONCE_BYTES));
}
