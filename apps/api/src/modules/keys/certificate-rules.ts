import { ed25519 } from '@noble/curves/ed25519.js';
import { CERTIFICATE_KINDS, type CertificateKind } from '@parallax/identity';

export { CERTIFICATE_KINDS, type CertificateKind };

/** libs/identity refuses larger bodies; the input and the table use the same bound. */
export const MAX_CERTIFICATE_BODY_BYTES = 2048;

/**
 * The hub's sanity check on a new epoch's commitment: signed by the
 * coordinator starting the epoch, over this group and epoch number (as
 * libs/identity's makeEpochCommitment signs it). Only clients holding
 * K_group can check the tag itself.
 */
export function epochCommitmentSignedBy(
  commitment: { workingGroupId: string; epoch: number; tag: Uint8Array; signature: Uint8Array },
  coordinatorSigningPublicKey: Uint8Array,
): boolean {
  if (commitment.signature.length !== 64 || coordinatorSigningPublicKey.length !== 32) return false;
  const message = new TextEncoder().encode(
    `parallax/v1/epoch\n${commitment.workingGroupId}\n${commitment.epoch}\n${Buffer.from(commitment.tag).toString('base64')}`,
  );
  try {
    return ed25519.verify(commitment.signature, message, coordinatorSigningPublicKey, { zip215: false });
  } catch {
    return false;
  }
}
