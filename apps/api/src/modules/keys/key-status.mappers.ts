import { b64 } from '../../common/graphql/validators.js';
import type {
  GroupKeyStatus,
  KeyRecipient,
  OprfEvaluation,
} from './models/group-key-status.model.js';

/*
 * What the keys module reads from the database, and how it becomes the
 * GraphQL models (bytes as base64). Kept apart from the repository, which
 * holds only SQL.
 */

/** A user who may hold a working group's key K_group. */
export interface Holder {
  id: string;
  displayName: string;
  publicKey: Buffer;
  signingPublicKey: Buffer | null;
  organisationId: string | null;
}

/** The coordinator's signed commitment to an epoch's K_group. */
export interface Commitment {
  tag: Buffer;
  signature: Buffer;
  coordinatorUserId: string;
}

/** What the service knows of the caller's key epoch, before encoding. */
export interface KeyStatusData {
  epoch: number | null;
  /** The fingerprint schema version of the current epoch (null before the first). */
  schemaVersion: string | null;
  mySealedKey: Buffer | null;
  pendingRecipients: Holder[];
  isCoordinator: boolean;
  epochCommitment: Commitment | null;
  mySealedKeySenderId: string | null;
}

export function toKeyRecipient(h: Holder): KeyRecipient {
  return {
    userId: h.id,
    displayName: h.displayName,
    publicKey: b64(h.publicKey),
    signingPublicKey: h.signingPublicKey ? b64(h.signingPublicKey) : null,
    organisationId: h.organisationId,
  };
}

export function toGroupKeyStatus(workingGroupId: string, s: KeyStatusData): GroupKeyStatus {
  return {
    workingGroupId,
    epoch: s.epoch,
    schemaVersion: s.schemaVersion,
    mySealedKey: s.mySealedKey ? b64(s.mySealedKey) : null,
    pendingRecipients: s.pendingRecipients.map(toKeyRecipient),
    isCoordinator: s.isCoordinator,
    epochCommitment: s.epochCommitment && {
      tag: b64(s.epochCommitment.tag),
      signature: b64(s.epochCommitment.signature),
      coordinatorUserId: s.epochCommitment.coordinatorUserId,
    },
    mySealedKeySenderId: s.mySealedKeySenderId,
  };
}

export function toOprfEvaluation(
  evaluated: Uint8Array[],
  budget: { used: number; allowed: number },
): OprfEvaluation {
  return {
    evaluatedElements: evaluated.map(b64),
    usedToday: budget.used,
    allowedToday: budget.allowed,
  };
}
