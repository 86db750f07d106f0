import { ed25519, x25519 } from '@noble/curves/ed25519.js';
import type { KeyBundle } from '@parallax/identity';
import type { UnlockedKeys } from '../../../crypto/key-store';

/**
 * The viewer's own keys, computed from the private keys unlocked on this
 * device, never taken from the hub's listing: a hub that listed other keys
 * for the viewer would then change the safety number, and be caught.
 */
export function ownBundle(keys: UnlockedKeys, organisationId: string | null): KeyBundle | null {
  if (!keys.signingPrivateKey) return null;
  return {
    userId: keys.userId,
    organisationId: organisationId ?? '',
    encryptionPublicKey: x25519.getPublicKey(keys.privateKey),
    signingPublicKey: ed25519.getPublicKey(keys.signingPrivateKey),
  };
}
