import { useEffect, useMemo } from 'react';
import { useClient } from 'urql';
import { useSession } from '../../auth/hooks/session';
import { useUnlockedKeys } from '../../../crypto/key-store';
import { urqlHubRequest } from '../../../hub/hub-request';
import { keyHolderGroups } from '../utils/eligibility';
import { useGroupKeyStore } from '../hooks/store';
import { browserPinStore } from '../utils/pin-store';

/** How often an open client looks for new members waiting for a key, and for rotations. */
const GROUP_KEY_SYNC_MS = 15_000;

/**
 * Runs while the app is open with the user's keys unlocked: for every group
 * whose key the user may hold, opens (and checks) their copy and shares it
 * with waiting members whose keys this device has verified. Renders nothing.
 */
export function GroupKeySync() {
  const { viewer } = useSession();
  const keys = useUnlockedKeys(viewer?.user.id);
  const store = useGroupKeyStore();
  const client = useClient();
  const groups = useMemo(() => (viewer ? keyHolderGroups(viewer.actor) : []), [viewer]);
  const groupList = groups.join(' ');

  useEffect(() => {
    if (!keys) store.clear();
  }, [keys, store]);

  useEffect(() => {
    if (!keys || groupList === '') return;
    // Background work never prompts for a second factor: no step-up here.
    const request = urqlHubRequest(client);
    const me = {
      userId: keys.userId,
      privateKey: keys.privateKey,
      signingPrivateKey: keys.signingPrivateKey,
    };
    const pins = browserPinStore();
    const ids = groupList.split(' ');
    let stopped = false;
    const running = new Set<string>();
    const again = new Set<string>();
    const syncOne = async (workingGroupId: string): Promise<void> => {
      if (stopped) return;
      if (running.has(workingGroupId)) {
        again.add(workingGroupId);
        return;
      }
      running.add(workingGroupId);
      try {
        // The HPKE code that opens and seals group keys loads only when needed.
        const { syncGroupKey } = await import('../utils/sync');
        await syncGroupKey(request, store, workingGroupId, me, pins, () => stopped);
      } finally {
        running.delete(workingGroupId);
        if (again.delete(workingGroupId)) void syncOne(workingGroupId);
      }
    };
    const syncAll = () => {
      if (document.visibilityState === 'hidden') return;
      for (const id of ids) void syncOne(id);
    };
    syncAll();
    const timer = window.setInterval(syncAll, GROUP_KEY_SYNC_MS);
    const offRequest = store.onSyncRequest((id) => void syncOne(id));
    const onVisibility = () => {
      if (document.visibilityState === 'visible') syncAll();
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stopped = true;
      window.clearInterval(timer);
      offRequest();
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [keys, groupList, client, store]);

  return null;
}
