import type { GroupTrust, KeyBundle } from '@parallax/identity';
import { toBase64 } from './base64.js';
import { FulfilGroupKeyGrantsDocument } from './gql/graphql.js';
import { sealTo } from './group-key-seal.js';
import { groupKeyStatus, type GroupKeyStatus, type PendingHolder } from './group-key-status.js';
import { directoryTrust, fetchKeyDirectory } from './key-directory.js';
import type { KeyOwner } from './key-owner.js';
import { send } from './operation.js';
import type { PinStore } from './pins.js';
import type { HubRequest } from './request.js';

export interface FulfilResult {
  /** How many copies this call sealed. */
  sealed: number;
  /** Pending holders left waiting, with the reason (not certified, key changed…). */
  untrusted: PendingHolder[];
  changedCoordinators: string[];
}

/**
 * Seals K_group for the pending holders this client trusts (any open
 * client holding the key does this, so certified newcomers get it without
 * anyone acting). Never for an uncertified one, and for nobody while a
 * coordinator key changed.
 */
export async function sealPendingForTrusted(
  request: HubRequest,
  workingGroupId: string,
  key: { epoch: number; groupKey: Uint8Array },
  me: KeyOwner,
  status: GroupKeyStatus,
  trust: GroupTrust,
): Promise<FulfilResult> {
  const pending = status.pendingRecipients.filter((r) => r.userId !== me.userId);
  const untrusted: PendingHolder[] = [];
  const recipients: KeyBundle[] = [];
  for (const r of pending) {
    const bundle = trust.trusted.get(r.userId);
    // The pending list is the hub's too: seal only to the key the chain vouches for.
    if (bundle && toBase64(bundle.encryptionPublicKey) === r.publicKey) recipients.push(bundle);
    else
      untrusted.push({
        userId: r.userId,
        displayName: r.displayName,
        reason: bundle ? 'key_mismatch' : (trust.untrusted.get(r.userId) ?? 'uncertified'),
      });
  }
  let sealed = 0;
  if (recipients.length > 0) {
    const grants = await sealTo(key.groupKey, workingGroupId, key.epoch, me, recipients);
    sealed = (
      await send(request, FulfilGroupKeyGrantsDocument, {
        wg: workingGroupId,
        epoch: key.epoch,
        grants,
      })
    ).fulfilGroupKeyGrants;
  }
  return { sealed, untrusted, changedCoordinators: [...trust.changedCoordinators] };
}

/**
 * Seals the current K_group (already opened and verified by this client)
 * for the pending holders it trusts; reads the status and directory afresh.
 */
export async function fulfilPendingGrants(
  request: HubRequest,
  workingGroupId: string,
  key: { epoch: number; groupKey: Uint8Array },
  me: KeyOwner,
  options: { pins: PinStore },
): Promise<FulfilResult> {
  const status = await groupKeyStatus(request, workingGroupId);
  if (status.epoch !== key.epoch) return { sealed: 0, untrusted: [], changedCoordinators: [] };
  const directory = await fetchKeyDirectory(request, workingGroupId);
  const pins = await options.pins.load(me.userId, workingGroupId);
  const trust = directoryTrust(directory, { viewerUserId: me.userId, workingGroupId, pins });
  return sealPendingForTrusted(request, workingGroupId, key, me, status, trust);
}
