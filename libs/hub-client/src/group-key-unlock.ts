import {
  openGroupKey,
  pinMatches,
  verifyEpochCommitment,
  type GroupTrust,
} from '@parallax/identity';
import { fromBase64 } from './base64.js';
import { RejectGroupKeyGrantDocument } from './gql/graphql.js';
import { GroupKeyRefused, type GroupKeyRefusal } from './group-key-refused.js';
import { groupKeyStatus, type GroupKeyStatus } from './group-key-status.js';
import {
  directoryTrust,
  fetchKeyDirectory,
  keyBundleOf,
  type KeyDirectory,
} from './key-directory.js';
import type { KeyOwner } from './key-owner.js';
import { send } from './operation.js';
import type { PinStore } from './pins.js';
import type { HubRequest } from './request.js';

/**
 * A client accepts a K_group only when the epoch's commitment, signed by a
 * coordinator it trusts, matches it.
 */

export interface UnlockedGroupKey {
  epoch: number;
  groupKey: Uint8Array;
  status: GroupKeyStatus;
  directory: KeyDirectory;
  /** This client's view of the group after opening (pins updated on first use). */
  trust: GroupTrust;
}

/** Best effort: the hub drops the copy (so an honest holder re-seals) and alerts the coordinators. */
async function reject(
  request: HubRequest,
  workingGroupId: string,
  epoch: number,
): Promise<boolean> {
  try {
    return (await send(request, RejectGroupKeyGrantDocument, { wg: workingGroupId, epoch }))
      .rejectGroupKeyGrant;
  } catch {
    return false;
  }
}

/**
 * Checks that `groupKey` is the epoch's K_group: the commitment verifies
 * with it under the listed key of its signer, and the signer is a root of
 * this client (a pinned coordinator, one it certified, or — with no pin yet
 * for the group — pinned now, on first use). Throws GroupKeyRefused;
 * a key that contradicts the commitment is reported to the hub.
 */
async function verifyAgainstCommitment(
  request: HubRequest,
  workingGroupId: string,
  epoch: number,
  groupKey: Uint8Array,
  status: GroupKeyStatus,
  directory: KeyDirectory,
  me: KeyOwner,
  pinStore: PinStore,
): Promise<GroupTrust> {
  const commitment = status.epochCommitment;
  if (!commitment) throw new GroupKeyRefused('commitment_missing', workingGroupId, epoch);
  const signerId = commitment.coordinatorUserId;
  // Refusals about the signer are the user's to judge: the copy is not reported.
  const refuseSigner = (reason: GroupKeyRefusal) =>
    new GroupKeyRefused(reason, workingGroupId, epoch, false, [signerId]);
  const signerHolder = directory.holders.find((h) => h.userId === signerId && h.isCoordinator);
  const signer = signerHolder ? keyBundleOf(signerHolder) : null;
  const pins = await pinStore.load(me.userId, workingGroupId);
  const pin = pins[signerId];
  if (!signer) throw refuseSigner(pin ? 'coordinator_key_changed' : 'signer_untrusted');
  // A changed key is the user's to judge (safety number), not a reason to drop the copy.
  if (pin && !pinMatches(pin, signer)) throw refuseSigner('coordinator_key_changed');
  let tag: Uint8Array;
  let signature: Uint8Array;
  try {
    tag = fromBase64(commitment.tag);
    signature = fromBase64(commitment.signature);
  } catch {
    tag = new Uint8Array(0);
    signature = new Uint8Array(0);
  }
  if (
    !verifyEpochCommitment(
      groupKey,
      { workingGroupId, epoch, coordinatorUserId: signerId },
      { tag, signature },
      signer.signingPublicKey,
    )
  ) {
    const reported = status.mySealedKey !== null && (await reject(request, workingGroupId, epoch));
    throw new GroupKeyRefused('commitment_mismatch', workingGroupId, epoch, reported, [signerId]);
  }
  const trust = directoryTrust(directory, {
    viewerUserId: me.userId,
    workingGroupId,
    pins,
    commitmentSigner: signer,
  });
  if (!trust.roots.has(signerId)) {
    const changed = trust.changedCoordinators.includes(signerId);
    throw refuseSigner(changed ? 'coordinator_key_changed' : 'signer_untrusted');
  }
  // Pins are new only on first use (the signer pinned now).
  if (trust.newPins !== pins) await pinStore.save(me.userId, workingGroupId, trust.newPins);
  return trust;
}

/**
 * Opens the caller's copy of the current K_group (HPKE Auth mode, with the
 * sender's X25519 key as the directory lists it) and accepts it only if it
 * matches the epoch commitment of a coordinator this client trusts.
 * Null while no copy is there; GroupKeyRefused when the copy is refused.
 */
export async function unlockGroupKey(
  request: HubRequest,
  workingGroupId: string,
  me: KeyOwner,
  options: { pins: PinStore; known?: { epoch: number; groupKey: Uint8Array } | null | undefined },
): Promise<UnlockedGroupKey | null> {
  const status = await groupKeyStatus(request, workingGroupId);
  const epoch = status.epoch;
  if (epoch === null || !status.mySealedKey) return null;
  // Also checked in verifyAgainstCommitment; here first, so a copy that could
  // never be accepted is neither opened nor reported.
  if (!status.epochCommitment)
    throw new GroupKeyRefused('commitment_missing', workingGroupId, epoch);
  const directory = await fetchKeyDirectory(request, workingGroupId);
  let groupKey: Uint8Array;
  if (options.known && options.known.epoch === epoch) {
    groupKey = options.known.groupKey;
  } else {
    const sender = directory.holders.find((h) => h.userId === status.mySealedKeySenderId);
    if (!sender) {
      throw new GroupKeyRefused(
        'sender_unknown',
        workingGroupId,
        epoch,
        await reject(request, workingGroupId, epoch),
      );
    }
    // A pinned sender (a coordinator) is known by its pinned key, whatever
    // the hub lists now: a swapped listing then shows as a changed key
    // below, instead of making an honest copy look forged.
    const pinned = (await options.pins.load(me.userId, workingGroupId))[sender.userId];
    const senderKey = pinned?.encryptionPublicKey ?? sender.encryptionPublicKey;
    try {
      groupKey = await openGroupKey(
        fromBase64(status.mySealedKey),
        me.privateKey,
        { workingGroupId, epoch, recipientUserId: me.userId, senderUserId: sender.userId },
        fromBase64(senderKey),
      );
    } catch {
      throw new GroupKeyRefused(
        'grant_unopenable',
        workingGroupId,
        epoch,
        await reject(request, workingGroupId, epoch),
      );
    }
  }
  try {
    const trust = await verifyAgainstCommitment(
      request,
      workingGroupId,
      epoch,
      groupKey,
      status,
      directory,
      me,
      options.pins,
    );
    return { epoch, groupKey, status, directory, trust };
  } catch (error) {
    if (groupKey !== options.known?.groupKey) groupKey.fill(0);
    throw error;
  }
}
