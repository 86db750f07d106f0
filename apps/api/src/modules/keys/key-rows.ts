import type { Commitment, Holder } from './key-status.mappers.js';

/*
 * The rows KeysRepository reads (snake_case, as PostgreSQL returns them) and
 * how each becomes the shape the services pass around. Kept apart from the
 * repository, which holds only SQL.
 */

export interface Grant {
  userId: string;
  sealedKey: Buffer;
}

/** A stored grant: who sealed it, and whether its recipient has fetched it yet. */
export interface StoredGrant extends Grant {
  grantedBy: string | null;
  firstReadAt: Date | null;
}

export interface HolderRow {
  id: string;
  display_name: string;
  public_key: Buffer;
  signing_public_key: Buffer | null;
  organisation_id: string | null;
}

export interface CommitmentRow {
  commitment_tag: Buffer | null;
  commitment_signature: Buffer | null;
  commitment_user_id: string | null;
}

export interface GrantRow {
  user_id: string;
  sealed_key: Buffer;
  granted_by: string | null;
  first_read_at: Date | null;
}

export function toHolder(r: HolderRow): Holder {
  return {
    id: r.id,
    displayName: r.display_name,
    publicKey: r.public_key,
    signingPublicKey: r.signing_public_key,
    organisationId: r.organisation_id,
  };
}

/** Null for an epoch made before commitments existed (or a missing row). */
export function toCommitment(row: CommitmentRow | undefined): Commitment | null {
  if (!row?.commitment_tag || !row.commitment_signature || !row.commitment_user_id) return null;
  return {
    tag: row.commitment_tag,
    signature: row.commitment_signature,
    coordinatorUserId: row.commitment_user_id,
  };
}

export function toStoredGrant(r: GrantRow): StoredGrant {
  return {
    userId: r.user_id,
    sealedKey: r.sealed_key,
    grantedBy: r.granted_by,
    firstReadAt: r.first_read_at,
  };
}
