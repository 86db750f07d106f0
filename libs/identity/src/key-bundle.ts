/**
 * One user's public keys as a client sees them: what certificates, safety
 * numbers and pins are about. `organisationId` is '' for a user of no
 * organisation (a platform account), so it always compares as a string.
 */
export interface KeyBundle {
  userId: string;
  organisationId: string;
  /** X25519: K_group is sealed to it. */
  encryptionPublicKey: Uint8Array;
  /** Ed25519: certificates and epoch commitments are signed with it. */
  signingPublicKey: Uint8Array;
}
