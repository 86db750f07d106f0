import { createContext, useContext, useSyncExternalStore } from 'react';

/** What this device knows of one working group's key K_group. */
export type GroupKeyState =
  | { status: 'unknown' }
  | { status: 'error'; code: string }
  /** No key epoch yet: a coordinator creates the first one. */
  | { status: 'no-epoch'; isCoordinator: boolean }
  /** An epoch exists but nobody has sealed a copy for this user yet. */
  | { status: 'pending'; epoch: number; isCoordinator: boolean }
  | {
      status: 'ready';
      epoch: number;
      groupKey: Uint8Array;
      isCoordinator: boolean;
      /** Members still waiting for a copy after the last sync (this client seals for them). */
      pendingCount: number;
    };

const UNKNOWN: GroupKeyState = { status: 'unknown' };

/**
 * Working-group keys opened on this device, in memory only (like the user's
 * private key in KeyStore): never in Web Storage or IndexedDB. Locking the
 * user's keys, or signing out, wipes them.
 */
export class GroupKeyStore {
  private readonly states = new Map<string, GroupKeyState>();
  private readonly listeners = new Set<() => void>();
  private readonly syncRequests = new Set<(workingGroupId: string) => void>();

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get(workingGroupId: string): GroupKeyState {
    return this.states.get(workingGroupId) ?? UNKNOWN;
  }

  set(workingGroupId: string, state: GroupKeyState): void {
    const previous = this.states.get(workingGroupId);
    if (
      previous?.status === 'ready' &&
      (state.status !== 'ready' || state.groupKey !== previous.groupKey)
    ) {
      previous.groupKey.fill(0);
    }
    this.states.set(workingGroupId, state);
    this.emit();
  }

  /** Wipes every key (the user's keys were locked, or someone else signed in). */
  clear(): void {
    if (this.states.size === 0) return;
    for (const state of this.states.values()) {
      if (state.status === 'ready') state.groupKey.fill(0);
    }
    this.states.clear();
    this.emit();
  }

  /** Asks the sync runner to look at a group again now (after creating or rotating its key). */
  requestSync(workingGroupId: string): void {
    for (const listener of [...this.syncRequests]) listener(workingGroupId);
  }

  onSyncRequest(listener: (workingGroupId: string) => void): () => void {
    this.syncRequests.add(listener);
    return () => this.syncRequests.delete(listener);
  }

  private emit(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

export const GroupKeyStoreContext = createContext<GroupKeyStore | null>(null);

export function useGroupKeyStore(): GroupKeyStore {
  const store = useContext(GroupKeyStoreContext);
  if (!store) throw new Error('GroupKeyStoreContext is not provided.');
  return store;
}

/** This device's view of a group's key; re-renders when it changes. */
export function useGroupKey(workingGroupId: string | undefined): GroupKeyState {
  const store = useGroupKeyStore();
  return useSyncExternalStore(store.subscribe, () =>
    workingGroupId ? store.get(workingGroupId) : UNKNOWN,
  );
}
