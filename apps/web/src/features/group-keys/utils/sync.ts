import {
  fulfilPendingGrants,
  groupKeyStatus,
  startKeyEpoch,
  unlockGroupKey,
  type HubRequest,
} from '@parallax/hub-client';
import { hubErrorCode } from '../../../hub/hub-request';
import type { GroupKeyStore } from '../hooks/store';

interface Holder {
  userId: string;
  privateKey: Uint8Array;
}

/**
 * Brings this device's view of one group's key up to date: opens the user's
 * sealed copy of K_group when there is one (once per epoch), and seals it for
 * eligible members still waiting ("pending grants are fulfilled
 * automatically when such a client is open"). Silent: failures leave the
 * previous state (a key already open stays usable) and the next round tries again.
 */
export async function syncGroupKey(
  request: HubRequest,
  store: GroupKeyStore,
  workingGroupId: string,
  me: Holder,
  isCancelled: () => boolean = () => false,
): Promise<void> {
  const set: GroupKeyStore['set'] = (wg, state) => {
    if (!isCancelled()) store.set(wg, state);
  };
  const current = store.get(workingGroupId);
  try {
    const status = await groupKeyStatus(request, workingGroupId);
    const { isCoordinator } = status;
    if (status.epoch === null) {
      set(workingGroupId, { status: 'no-epoch', isCoordinator });
      return;
    }
    if (!status.mySealedKey) {
      set(workingGroupId, { status: 'pending', epoch: status.epoch, isCoordinator });
      return;
    }
    let epoch = status.epoch;
    let groupKey = current.status === 'ready' && current.epoch === epoch ? current.groupKey : null;
    let pending = status.pendingRecipients;
    if (!groupKey) {
      const unlocked = await unlockGroupKey(request, workingGroupId, me);
      if (!unlocked) {
        set(workingGroupId, { status: 'pending', epoch, isCoordinator });
        return;
      }
      ({ epoch, groupKey } = unlocked);
      pending = unlocked.status.pendingRecipients;
    }
    set(workingGroupId, {
      status: 'ready',
      epoch,
      groupKey,
      isCoordinator,
      pendingCount: pending.length,
    });
    if (pending.length > 0 && !isCancelled()) {
      await fulfilPendingGrants(request, workingGroupId, epoch, groupKey, pending);
      set(workingGroupId, { status: 'ready', epoch, groupKey, isCoordinator, pendingCount: 0 });
    }
  } catch (error) {
    // A key already open stays usable through a bad connection.
    if (store.get(workingGroupId).status !== 'ready') {
      set(workingGroupId, { status: 'error', code: hubErrorCode(error) });
    }
  }
}

/**
 * Coordinator: makes a new K_group on this device and starts the next key
 * epoch. The first epoch is sealed at once to every eligible holder; a
 * rotation seals the caller's copy, and the sync that follows seals it for
 * everyone else (the same path as any pending grant).
 */
export async function createGroupKey(
  request: HubRequest,
  store: GroupKeyStore,
  workingGroupId: string,
  me: { userId: string; publicKey: Uint8Array },
): Promise<number> {
  const status = await groupKeyStatus(request, workingGroupId);
  const recipients = status.epoch === null ? status.pendingRecipients : [];
  const { epoch, groupKey } = await startKeyEpoch(request, workingGroupId, me, recipients);
  store.set(workingGroupId, {
    status: 'ready',
    epoch,
    groupKey,
    isCoordinator: true,
    pendingCount: 0,
  });
  store.requestSync(workingGroupId);
  return epoch;
}
