import {
  startKeyEpoch,
  syncGroupKeyTrusted,
  type GroupKeyRefused,
  type HubRequest,
  type KeyDirectory,
  type KeyOwner,
  type PendingHolder,
  type PinStore,
} from '@parallax/hub-client';
import { hubErrorCode } from '../../../hub/hub-request';
import type { GroupKeyStore, NamedUser, WaitingHolder } from '../hooks/store';

/** The names the directory gives these users (an id the hub no longer lists keeps its id). */
function named(directory: KeyDirectory | null, userIds: readonly string[]): NamedUser[] {
  return userIds.map((userId) => ({
    userId,
    displayName: directory?.holders.find((h) => h.userId === userId)?.displayName ?? userId,
  }));
}

/** Pending holders with what the screen needs to say who must verify them. */
export function waitingHolders(
  directory: KeyDirectory,
  pending: readonly PendingHolder[],
): WaitingHolder[] {
  return pending.map((p) => {
    const holder = directory.holders.find((h) => h.userId === p.userId);
    return {
      userId: p.userId,
      displayName: p.displayName,
      reason: p.reason,
      role: holder?.role ?? null,
      isCoordinator: holder?.isCoordinator ?? false,
      noSigningKey: holder ? !holder.signingPublicKey : false,
    };
  });
}

/**
 * Brings this device's view of one group's key up to date with hub-client's
 * verified sync (`syncGroupKeyTrusted`), trusting only what it checks itself:
 * - opens the user's copy of K_group (HPKE Auth mode, sender's listed key)
 *   and accepts it only if it matches the epoch commitment of a coordinator
 *   this device trusts (pinned — on first use when it has no pin yet for
 *   the group — or certified by one); a copy that contradicts the
 *   commitment is refused and reported (the hub drops it so an honest
 *   holder re-seals, and alerts the coordinators), and shown;
 * - seals K_group only for pending members whose keys carry a valid
 *   certificate chain, never on the hub's word that they are eligible; the
 *   others stay waiting, with the reason shown;
 * - while a pinned coordinator's key has changed, seals for nobody.
 * Failures of the connection leave the previous state (a key already open
 * stays usable) and the next round tries again.
 */
export async function syncGroupKey(
  request: HubRequest,
  store: GroupKeyStore,
  workingGroupId: string,
  me: KeyOwner,
  pins: PinStore,
  isCancelled: () => boolean = () => false,
): Promise<void> {
  const set: GroupKeyStore['set'] = (wg, state) => {
    if (!isCancelled()) store.set(wg, state);
  };
  const current = store.get(workingGroupId);
  const known =
    current.status === 'ready' ? { epoch: current.epoch, groupKey: current.groupKey } : null;
  try {
    const outcome = await syncGroupKeyTrusted(request, {
      workingGroupId,
      me,
      pins,
      known,
      isCancelled,
    });
    switch (outcome.state) {
      case 'no-epoch':
        set(workingGroupId, { status: 'no-epoch', isCoordinator: outcome.isCoordinator });
        return;
      case 'pending':
        set(workingGroupId, {
          status: 'pending',
          epoch: outcome.epoch,
          isCoordinator: outcome.isCoordinator,
          schemaVersion: outcome.schemaVersion,
        });
        return;
      case 'refused':
        refused(store, set, workingGroupId, outcome.refusal, outcome.isCoordinator);
        return;
      case 'ready':
        set(workingGroupId, {
          status: 'ready',
          epoch: outcome.epoch,
          schemaVersion: outcome.schemaVersion,
          groupKey: outcome.groupKey,
          isCoordinator: outcome.isCoordinator,
          waiting: waitingHolders(outcome.directory, outcome.untrusted),
          changedCoordinators: named(outcome.directory, outcome.changedCoordinators),
        });
        return;
    }
  } catch (error) {
    // A key already open stays usable through a bad connection.
    if (store.get(workingGroupId).status !== 'ready') {
      set(workingGroupId, { status: 'error', code: hubErrorCode(error) });
    }
  }
}

function refused(
  store: GroupKeyStore,
  set: GroupKeyStore['set'],
  workingGroupId: string,
  error: GroupKeyRefused,
  isCoordinator: boolean,
): void {
  const current = store.get(workingGroupId);
  if (error.reason === 'coordinator_key_changed') {
    const changedCoordinators = named(null, error.coordinatorUserIds);
    if (current.status === 'ready' && current.epoch === error.epoch) {
      // The key was verified before the change: it stays usable here, but
      // this device seals it for nobody until the user verifies again.
      set(workingGroupId, { ...current, waiting: [], changedCoordinators });
    } else if (error.epoch !== null) {
      set(workingGroupId, {
        status: 'blocked',
        epoch: error.epoch,
        isCoordinator,
        changedCoordinators,
      });
    }
    return;
  }
  set(workingGroupId, {
    status: 'refused',
    epoch: error.epoch,
    isCoordinator,
    reason: error.reason,
    reported: error.reported,
  });
}

/**
 * Coordinator: makes a new K_group on this device and starts the next key
 * epoch, with a commitment signed by the coordinator's key, sealed at once
 * to every member this device trusts (the others wait until verified).
 */
export async function createGroupKey(
  request: HubRequest,
  store: GroupKeyStore,
  workingGroupId: string,
  me: KeyOwner,
  pins: PinStore,
): Promise<number> {
  const { epoch, groupKey } = await startKeyEpoch(request, workingGroupId, me, { pins });
  store.set(workingGroupId, {
    status: 'ready',
    epoch,
    // A new epoch takes the hub's rules; the sync that follows reads them.
    schemaVersion: null,
    groupKey,
    isCoordinator: true,
    // The sync that follows lists who waits, and why (with their roles from the directory).
    waiting: [],
    changedCoordinators: [],
  });
  store.requestSync(workingGroupId);
  return epoch;
}
