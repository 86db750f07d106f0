import { DEFAULT_KDF_PARAMS, deriveCredentials, newKdfSalt, type KdfParams } from './credentials.js';
import { generateUserKeyPair, sealPrivateKey } from './user-keys.js';

/** What a client sends to create an account: nothing the server could decrypt with. */
export interface AccountMaterial {
  kdfSalt: Uint8Array;
  kdfParams: KdfParams;
  loginKey: Uint8Array;
  publicKey: Uint8Array;
  encryptedPrivateKey: Uint8Array;
}

/**
 * Client side of sign-up: derive both keys from the password, make the user's
 * X25519 key pair, and seal the private half under the encryption key.
 */
export async function createAccountMaterial(
  password: string,
  kdfParams: KdfParams = DEFAULT_KDF_PARAMS,
): Promise<AccountMaterial> {
  const kdfSalt = newKdfSalt();
  const { loginKey, encryptionKey } = await deriveCredentials(password, kdfSalt, kdfParams);
  const { publicKey, privateKey } = generateUserKeyPair();
  const encryptedPrivateKey = sealPrivateKey(privateKey, encryptionKey);
  privateKey.fill(0);
  encryptionKey.fill(0);
  return { kdfSalt, kdfParams, loginKey, publicKey, encryptedPrivateKey };
}
