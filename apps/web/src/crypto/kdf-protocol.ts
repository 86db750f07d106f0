import type { KdfParams } from '@parallax/identity';

/** Messages to and from kdf.worker.ts. */
export type KdfRequest =
  | { kind: 'derive'; password: string; salt: Uint8Array; params: KdfParams }
  | { kind: 'create-account'; password: string };

export interface DerivedKeys {
  loginKey: Uint8Array;
  encryptionKey: Uint8Array;
}

/**
 * What sign-up sends to the server, plus the secrets the client keeps in
 * memory so the new user's keys are unlocked at once.
 */
export interface NewAccountKeys extends DerivedKeys {
  kdfSalt: Uint8Array;
  kdfParams: KdfParams;
  /** X25519: working-group keys are sealed to it. */
  publicKey: Uint8Array;
  privateKey: Uint8Array;
  encryptedPrivateKey: Uint8Array;
  /** Ed25519: signs key certificates and epoch commitments. */
  signingPublicKey: Uint8Array;
  signingPrivateKey: Uint8Array;
  encryptedSigningKey: Uint8Array;
}

export type KdfResponse =
  | { ok: true; kind: 'derive'; keys: DerivedKeys }
  | { ok: true; kind: 'create-account'; keys: NewAccountKeys }
  | { ok: false; message: string };
