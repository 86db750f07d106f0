import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { ed25519, x25519 } from '@noble/curves/ed25519.js';
import { concatBytes, randomBytes, utf8ToBytes } from '@noble/hashes/utils.js';

export interface UserKeyPair {
  publicKey: Uint8Array;
  privateKey: Uint8Array;
}

/** A user's Ed25519 key pair: signs certificates and epoch commitments. */
export type SigningKeyPair = UserKeyPair;

const BLOB_VERSION = 1;
const NONCE_BYTES = 24;
const TAG_BYTES = 16;
/** Distinct AADs: a sealed X25519 key can never be opened as the signing key, or back. */
const ENCRYPTION_KEY_AAD = utf8ToBytes('parallax/v1/user-private-key');
const SIGNING_KEY_AAD = utf8ToBytes('parallax/v1/user-signing-key');

export function generateUserKeyPair(): UserKeyPair {
  const privateKey = x25519.utils.randomSecretKey();
  return { privateKey, publicKey: x25519.getPublicKey(privateKey) };
}

export function generateSigningKeyPair(): SigningKeyPair {
  const privateKey = ed25519.utils.randomSecretKey();
  return { privateKey, publicKey: ed25519.getPublicKey(privateKey) };
}

/** `version (1) || nonce (24) || XChaCha20-Poly1305 ciphertext`, under the password-derived key. */
function seal(secret: Uint8Array, encryptionKey: Uint8Array, aad: Uint8Array): Uint8Array {
  const nonce = randomBytes(NONCE_BYTES);
  const ct = xchacha20poly1305(encryptionKey, nonce, aad).encrypt(secret);
  return concatBytes(Uint8Array.of(BLOB_VERSION), nonce, ct);
}

function open(blob: Uint8Array, encryptionKey: Uint8Array, aad: Uint8Array): Uint8Array {
  if (blob.length < 1 + NONCE_BYTES + TAG_BYTES || blob[0] !== BLOB_VERSION) {
    throw new Error('Unrecognised private key blob');
  }
  const nonce = blob.subarray(1, 1 + NONCE_BYTES);
  return xchacha20poly1305(encryptionKey, nonce, aad).decrypt(blob.subarray(1 + NONCE_BYTES));
}

/**
 * Encrypts the X25519 private key under the password-derived key; the
 * server stores the blob opaque and hands it back at login.
 */
export function sealPrivateKey(privateKey: Uint8Array, encryptionKey: Uint8Array): Uint8Array {
  return seal(privateKey, encryptionKey, ENCRYPTION_KEY_AAD);
}

/** Throws when the key is wrong or the blob was altered. */
export function openPrivateKey(blob: Uint8Array, encryptionKey: Uint8Array): Uint8Array {
  return open(blob, encryptionKey, ENCRYPTION_KEY_AAD);
}

/** Encrypts the Ed25519 signing private key, like the X25519 one but under its own AAD. */
export function sealSigningKey(privateKey: Uint8Array, encryptionKey: Uint8Array): Uint8Array {
  return seal(privateKey, encryptionKey, SIGNING_KEY_AAD);
}

/** Throws when the key is wrong, the blob was altered, or it holds the encryption key instead. */
export function openSigningKey(blob: Uint8Array, encryptionKey: Uint8Array): Uint8Array {
  const key = open(blob, encryptionKey, SIGNING_KEY_AAD);
  if (key.length !== 32) throw new Error('A signing key is 32 bytes');
  return key;
}

/**
 * The signing key of an account made before signing keys existed: made
 * here, sealed under the same password-derived key, and sent with
 * `setSigningKey` (the hub accepts it only while the account has none).
 */
export function createSigningKeyMaterial(encryptionKey: Uint8Array): {
  signingPublicKey: Uint8Array;
  signingPrivateKey: Uint8Array;
  encryptedSigningKey: Uint8Array;
} {
  const { publicKey, privateKey } = generateSigningKeyPair();
  return {
    signingPublicKey: publicKey,
    signingPrivateKey: privateKey,
    encryptedSigningKey: sealSigningKey(privateKey, encryptionKey),
  };
}
