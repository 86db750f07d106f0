import type { GroupKeyRefusal } from '@parallax/hub-client';
import type { UntrustReason } from '@parallax/identity';
import { createContext, useContext, useSyncExternalStore } from 'react';

/** Someone the hub lists, by name (names are the hub's word: shown, never trusted). */
export interface NamedUser {
  userId: string;
  displayName: string;
}

/** A member this device does not seal the key to (yet), and why. */
export interface WaitingHolder extends NamedUser {
  reason: UntrustReason;
  /** Their role: says who must verify them (a coordinator for an org admin, their admin otherwise). */
  role: string | null;
  isCoordinator: boolean;
  /** Their account has no signing key yet (made before verified keys; it gets one at its next unlock). */
  noSigningKey: boolean;
}

/** What this device knows of one working group's key K_group. */
export type GroupKeyState =
  | { status: 'unknown' }
  | { status: 'error'; code: string }
  /** No key epoch yet: a coordinator creates the first one. */
  | { status: 'no-epoch'; isCoordinator: boolean }
  /**
   * An epoch exists but nobody has sealed a copy for this user yet.
   * `schemaVersion`: the fingerprint rules of the epoch (see utils/schema.ts).
   */
  | { status: 'pending'; epoch: number; isCoordinator: boolean; schemaVersion: string | null }
  /**
   * This device refused its copy (it does not match the coordinator's
   * commitment, or is vouched for by nobody it trusts). `reported`: the hub
   * was told, dropped the copy and alerted the coordinators.
   */
  | {
      status: 'refused';
      epoch: number | null;
      isCoordinator: boolean;
      reason: GroupKeyRefusal;
      reported: boolean;
    }
  /** A pinned coordinator's key changed: nothing is accepted or sealed until the user verifies it again. */
  | { status: 'blocked'; epoch: number; isCoordinator: boolean; changedCoordinators: NamedUser[] }
  | {
      status: 'ready';
      epoch: number;
      /** The fingerprint rules of the epoch: cases are registered only when they are this app's. */
      schemaVersion: string | null;
      groupKey: Uint8Array;
      isCoordinator: boolean;
      /** Members this device does not seal the key to yet, with the reason (after the last sync). */
      waiting: WaitingHolder[];
      /** Pinned coordinators whose key changed: while any, this device seals for nobody. */
      changedCoordinators: NamedUser[];
    };

const UNKNOWN: GroupKeyState = { status: 'unknown' };

/**
 * Working-group keys opened on this device, in memory only: never in Web
 * Storage or IndexedDB (after a reload they are reopened from their sealed
 * copies with the user's restored private key). Locking the user's keys, or
 * signing out, wipes them.
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
