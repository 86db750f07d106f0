import type { UntrustReason } from '@parallax/identity';
import { GroupKeyStatusDocument } from './gql/graphql.js';
import { send } from './operation.js';
import type { HubRequest } from './request.js';

/** The hub's view of a group's key epoch, as this user sees it: the hub's word, to be checked. */

export interface KeyRecipient {
  userId: string;
  displayName: string;
  publicKey: string;
  signingPublicKey: string | null;
  organisationId: string | null;
}

export interface EpochCommitmentView {
  tag: string;
  signature: string;
  coordinatorUserId: string;
}

export interface GroupKeyStatus {
  workingGroupId: string;
  epoch: number | null;
  /** The fingerprint rules of the current epoch (null before the first); see schema-version.ts. */
  schemaVersion: string | null;
  mySealedKey: string | null;
  mySealedKeySenderId: string | null;
  isCoordinator: boolean;
  epochCommitment: EpochCommitmentView | null;
  pendingRecipients: KeyRecipient[];
}

/** A holder this client will not seal K_group to yet, and why. */
export interface PendingHolder {
  userId: string;
  displayName: string;
  reason: UntrustReason;
}

export async function groupKeyStatus(
  request: HubRequest,
  workingGroupId: string,
): Promise<GroupKeyStatus> {
  const { groupKeyStatus: status } = await send(request, GroupKeyStatusDocument, {
    wg: workingGroupId,
  });
  return {
    ...status,
    epochCommitment: status.epochCommitment ? { ...status.epochCommitment } : null,
    pendingRecipients: status.pendingRecipients.map((r) => ({ ...r })),
  };
}
