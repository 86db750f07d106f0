import { ed25519, x25519 } from '@noble/curves/ed25519.js';
import type { KeyBundle } from '@parallax/identity';

/**
 * The signed-in user's own private keys. Public keys are always derived
 * from these, never taken from the hub: a hub that lists other keys for
 * the user cannot make the client trust or seal to them.
 */
export interface KeyOwner {
  userId: string;
  /** X25519: opens the user's sealed copies, and is the static sender key of the copies it seals. */
  privateKey: Uint8Array;
  /** Ed25519: signs epoch commitments and certificates. Null for an account not yet upgraded. */
  signingPrivateKey?: Uint8Array | null | undefined;
}

export function ownEncryptionPublicKey(me: KeyOwner): Uint8Array {
  return x25519.getPublicKey(me.privateKey);
}

/** The owner's real key bundle, or null without a signing key. */
export function ownKeyBundle(me: KeyOwner, organisationId: string | null): KeyBundle | null {
  if (!me.signingPrivateKey) return null;
  return {
    userId: me.userId,
    organisationId: organisationId ?? '',
    encryptionPublicKey: ownEncryptionPublicKey(me),
    signingPublicKey: ed25519.getPublicKey(me.signingPrivateKey),
  };
}
