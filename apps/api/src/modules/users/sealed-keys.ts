import { ErrorCode } from '@parallax/domain';
import type { UserEntity } from './user.entity.js';
import { UsersException } from './users.exception.js';

/** The hub cannot check sealed blobs, only that public keys are keys and a blob can hold one. */
export function assertKeySizes(keys: {
  publicKey: Uint8Array;
  signingPublicKey: Uint8Array;
  encryptedSigningKey: Uint8Array;
}): void {
  if (keys.publicKey.length !== 32 || keys.signingPublicKey.length !== 32) {
    throw new UsersException(ErrorCode.BadUserInput, 'A public key is 32 bytes');
  }
  if (keys.encryptedSigningKey.length < 33) {
    throw new UsersException(ErrorCode.BadUserInput, 'The sealed signing key is too short');
  }
}

/**
 * A password change re-seals the same keys under the new password; an
 * account made before signing keys gets its first signing key here. A
 * signing key other than the stored one is a key change: the caller then
 * deletes what was bound to the old key (`UsersRepository.forgetKeyTrust`).
 */
export function resealedKeys(
  user: UserEntity,
  keys: { encryptedPrivateKey: Uint8Array; signingPublicKey: Uint8Array; encryptedSigningKey: Uint8Array },
): {
  patch: Pick<UserEntity, 'encryptedPrivateKey' | 'signingPublicKey' | 'encryptedSigningKey'>;
  signingKeyChanged: boolean;
} {
  assertKeySizes({ publicKey: user.publicKey, ...keys });
  return {
    patch: {
      encryptedPrivateKey: Buffer.from(keys.encryptedPrivateKey),
      signingPublicKey: Buffer.from(keys.signingPublicKey),
      encryptedSigningKey: Buffer.from(keys.encryptedSigningKey),
    },
    signingKeyChanged:
      user.signingPublicKey !== null && !Buffer.from(keys.signingPublicKey).equals(user.signingPublicKey),
  };
}
