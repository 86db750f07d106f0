import {
  DEFAULT_KDF_PARAMS,
  deriveCredentials,
  newKdfSalt,
  type KdfParams,
} from './credentials.js';
import {
  generateSigningKeyPair,
  generateUserKeyPair,
  sealPrivateKey,
  sealSigningKey,
} from './user-keys.js';

/** What a client sends to create an account: nothing the server could decrypt with. */
export interface AccountMaterial {
  kdfSalt: Uint8Array;
  kdfParams: KdfParams;
  loginKey: Uint8Array;
  /** X25519: K_group is sealed to it. */
  publicKey: Uint8Array;
  encryptedPrivateKey: Uint8Array;
  /** Ed25519: certificates and epoch commitments are signed with it. */
  signingPublicKey: Uint8Array;
  encryptedSigningKey: Uint8Array;
}

/**
 * Client side of sign-up: derive both keys from the password, make the user's
 * X25519 and Ed25519 key pairs, and seal both private halves under the
 * encryption key.
 */
export async function createAccountMaterial(
  password: string,
  kdfParams: KdfParams = DEFAULT_KDF_PARAMS,
): Promise<AccountMaterial> {
  const kdfSalt = newKdfSalt();
  const { loginKey, encryptionKey } = await deriveCredentials(password, kdfSalt, kdfParams);
  const { publicKey, privateKey } = generateUserKeyPair();
  const signing = generateSigningKeyPair();
  const encryptedPrivateKey = sealPrivateKey(privateKey, encryptionKey);
  const encryptedSigningKey = sealSigningKey(signing.privateKey, encryptionKey);
  privateKey.fill(0);
  signing.privateKey.fill(0);
  encryptionKey.fill(0);
  return {
    kdfSalt,
    kdfParams,
    loginKey,
    publicKey,
    encryptedPrivateKey,
    signingPublicKey: signing.publicKey,
    encryptedSigningKey,
  };
}
