import type { GroupPins } from '@parallax/identity';
import { useMemo, useSyncExternalStore } from 'react';
import { useSession } from '../../auth/hooks/session';
import { browserPinStore } from '../utils/pin-store';

const NO_PINS: GroupPins = {};

/** This device's pins of the signed-in user for one group; re-renders when they change. */
export function useGroupPins(workingGroupId: string | null): GroupPins {
  const { viewer } = useSession();
  const store = browserPinStore();
  const version = useSyncExternalStore(store.subscribe, () => store.version);
  const userId = viewer?.user.id;
  return useMemo(
    () => (userId && workingGroupId ? store.read(userId, workingGroupId) : NO_PINS),
    // `version` changes whenever the stored pins do.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [store, userId, workingGroupId, version],
  );
}
