import { generateGroupKey } from '@parallax/fingerprint';
import { openGroupKey, sealGroupKey } from '@parallax/identity';
import { fromBase64, toBase64 } from './base64.js';
import {
  FulfilGroupKeyGrantsDocument,
  GroupKeyStatusDocument,
  RotateGroupKeyDocument,
} from './gql/graphql.js';
import { send } from './operation.js';
import { HubError, type HubRequest } from './request.js';

export interface KeyRecipient {
  userId: string;
  displayName: string;
  publicKey: string;
}

export interface GroupKeyStatus {
  workingGroupId: string;
  epoch: number | null;
  mySealedKey: string | null;
  pendingRecipients: KeyRecipient[];
  isCoordinator: boolean;
}

export async function groupKeyStatus(
  request: HubRequest,
  workingGroupId: string,
): Promise<GroupKeyStatus> {
  const { groupKeyStatus: status } = await send(request, GroupKeyStatusDocument, {
    wg: workingGroupId,
  });
  return { ...status, pendingRecipients: [...status.pendingRecipients] };
}

async function sealFor(
  groupKey: Uint8Array,
  workingGroupId: string,
  epoch: number,
  recipients: KeyRecipient[],
) {
  return Promise.all(
    recipients.map(async (r) => ({
      userId: r.userId,
      sealedKey: toBase64(
        await sealGroupKey(groupKey, fromBase64(r.publicKey), {
          workingGroupId,
          epoch,
          recipientUserId: r.userId,
        }),
      ),
    })),
  );
}

/**
 * Coordinator: makes a new K_group here, on this machine, and starts the next
 * key epoch with a sealed copy for every eligible holder (including the
 * caller, whom the status lists when no epoch exists, or who is added).
 */
export async function startKeyEpoch(
  request: HubRequest,
  workingGroupId: string,
  me: { userId: string; publicKey: Uint8Array },
  recipients: KeyRecipient[],
): Promise<{ epoch: number; groupKey: Uint8Array }> {
  const status = await groupKeyStatus(request, workingGroupId);
  const epoch = (status.epoch ?? 0) + 1;
  const groupKey = generateGroupKey();
  const all = [
    ...recipients.filter((r) => r.userId !== me.userId),
    { userId: me.userId, displayName: '', publicKey: toBase64(me.publicKey) },
  ];
  const grants = await sealFor(groupKey, workingGroupId, epoch, all);
  const created = (await send(request, RotateGroupKeyDocument, { wg: workingGroupId, grants }))
    .rotateGroupKey;
  if (created !== epoch)
    throw new HubError(
      'CONFLICT',
      'Another coordinator started a key epoch at the same time; reload',
    );
  return { epoch, groupKey };
}

/** Opens the caller's sealed copy of the current K_group, or null while it is pending. */
export async function unlockGroupKey(
  request: HubRequest,
  workingGroupId: string,
  me: { userId: string; privateKey: Uint8Array },
): Promise<{ epoch: number; groupKey: Uint8Array; status: GroupKeyStatus } | null> {
  const status = await groupKeyStatus(request, workingGroupId);
  if (status.epoch === null || !status.mySealedKey) return null;
  const groupKey = await openGroupKey(fromBase64(status.mySealedKey), me.privateKey, {
    workingGroupId,
    epoch: status.epoch,
    recipientUserId: me.userId,
  });
  return { epoch: status.epoch, groupKey, status };
}

/**
 * Seals K_group for every eligible user still waiting. Any open client that
 * holds the key calls this, so new members get it without anyone acting.
 */
export async function fulfilPendingGrants(
  request: HubRequest,
  workingGroupId: string,
  epoch: number,
  groupKey: Uint8Array,
  pending: KeyRecipient[],
): Promise<number> {
  if (pending.length === 0) return 0;
  const grants = await sealFor(groupKey, workingGroupId, epoch, pending);
  return (await send(request, FulfilGroupKeyGrantsDocument, { wg: workingGroupId, epoch, grants }))
    .fulfilGroupKeyGrants;
}
