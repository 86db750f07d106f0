import type { GroupTrust } from '@parallax/identity';
import { sealPendingForTrusted } from './group-key-fulfil.js';
import { GroupKeyRefused } from './group-key-refused.js';
import { groupKeyStatus, type PendingHolder } from './group-key-status.js';
import { unlockGroupKey } from './group-key-unlock.js';
import type { KeyDirectory } from './key-directory.js';
import type { KeyOwner } from './key-owner.js';
import type { PinStore } from './pins.js';
import type { HubRequest } from './request.js';

/** What one sync round found for one group. */
export type GroupKeySyncOutcome =
  /** No key epoch yet: a coordinator creates the first one. */
  | { state: 'no-epoch'; isCoordinator: boolean }
  /** An epoch exists but no copy is sealed for this user yet. */
  | { state: 'pending'; epoch: number; isCoordinator: boolean; schemaVersion: string | null }
  /** The copy was refused (see GroupKeyRefused.reason); nothing is usable. */
  | { state: 'refused'; epoch: number; isCoordinator: boolean; refusal: GroupKeyRefused }
  | {
      state: 'ready';
      epoch: number;
      /** The fingerprint rules of the epoch: cases are registered only when they are this client's. */
      schemaVersion: string | null;
      /** The verified K_group (the `known` one when it was still current). */
      groupKey: Uint8Array;
      isCoordinator: boolean;
      /** Copies this round sealed for trusted newcomers. */
      sealed: number;
      /** Pending holders left waiting, with the reason. */
      untrusted: PendingHolder[];
      /** Pinned coordinators whose keys changed: sealing is blocked until re-verified. */
      changedCoordinators: string[];
      directory: KeyDirectory;
      trust: GroupTrust;
    };

/**
 * One round of a client's group-key upkeep, with verified keys: opens (or
 * re-checks) the user's copy of K_group against the epoch commitment and
 * this device's pins, then seals it for the pending holders this client
 * trusts. A refusal is an outcome, not an exception; hub and network
 * failures throw (the caller keeps its previous state and retries).
 */
export async function syncGroupKeyTrusted(
  request: HubRequest,
  args: {
    workingGroupId: string;
    me: KeyOwner;
    pins: PinStore;
    /** The key this device already opened, to skip re-opening it while its epoch is current. */
    known?: { epoch: number; groupKey: Uint8Array } | null | undefined;
    isCancelled?: () => boolean;
  },
): Promise<GroupKeySyncOutcome> {
  const { workingGroupId, me, pins } = args;
  const status = await groupKeyStatus(request, workingGroupId);
  const { isCoordinator, schemaVersion } = status;
  if (status.epoch === null) return { state: 'no-epoch', isCoordinator };
  if (!status.mySealedKey)
    return { state: 'pending', epoch: status.epoch, isCoordinator, schemaVersion };
  let unlocked;
  try {
    unlocked = await unlockGroupKey(request, workingGroupId, me, { pins, known: args.known });
  } catch (error) {
    if (error instanceof GroupKeyRefused)
      return {
        state: 'refused',
        epoch: error.epoch ?? status.epoch,
        isCoordinator,
        refusal: error,
      };
    throw error;
  }
  if (!unlocked) return { state: 'pending', epoch: status.epoch, isCoordinator, schemaVersion };
  const { epoch, groupKey, trust, directory } = unlocked;
  const result =
    args.isCancelled?.() === true
      ? { sealed: 0, untrusted: [], changedCoordinators: [...trust.changedCoordinators] }
      : await sealPendingForTrusted(
          request,
          workingGroupId,
          { epoch, groupKey },
          me,
          unlocked.status,
          trust,
        );
  return {
    state: 'ready',
    epoch,
    schemaVersion: unlocked.status.schemaVersion,
    groupKey,
    isCoordinator: unlocked.status.isCoordinator,
    sealed: result.sealed,
    untrusted: result.untrusted,
    changedCoordinators: result.changedCoordinators,
    directory,
    trust,
  };
}
