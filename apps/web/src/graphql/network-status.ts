import { createContext, useContext, useEffect, useSyncExternalStore } from 'react';
import { PendingMutations, type PendingMutation } from './pending-mutations';

export interface NetworkState {
  /** What the browser believes (navigator.onLine): false means certainly offline. */
  online: boolean;
  /** The last GraphQL request failed at the network level (timeout, DNS, 502…). */
  serverUnreachable: boolean;
}

/**
 * A small store joining the browser's online/offline events with what the
 * GraphQL client observes, so the shell can tell people on bad connections
 * what is happening, and queries can be re-run when the connection returns.
 */
export class NetworkStatus {
  private state: NetworkState;
  private readonly listeners = new Set<() => void>();
  private readonly retryListeners = new Set<() => void>();
  /** Changes waiting to be sent again (filled by the GraphQL client's mutation exchange). */
  readonly pending = new PendingMutations();

  constructor(
    target: Pick<Window, 'addEventListener'> & { navigator: Pick<Navigator, 'onLine'> } = window,
  ) {
    this.state = { online: target.navigator.onLine !== false, serverUnreachable: false };
    target.addEventListener('online', () => {
      this.update({ online: true });
      this.requestRetry();
    });
    target.addEventListener('offline', () => this.update({ online: false }));
  }

  readonly getSnapshot = (): NetworkState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  reportNetworkError(): void {
    this.update({ serverUnreachable: true });
  }

  reportSuccess(): void {
    this.update({ serverUnreachable: false, online: true });
  }

  /** Asks every subscribed query, and every pending change, to be sent again now (button, or connection back). */
  requestRetry(): void {
    for (const listener of [...this.retryListeners]) listener();
  }

  onRetry(listener: () => void): () => void {
    this.retryListeners.add(listener);
    return () => this.retryListeners.delete(listener);
  }

  private update(patch: Partial<NetworkState>): void {
    const next = { ...this.state, ...patch };
    if (
      next.online === this.state.online &&
      next.serverUnreachable === this.state.serverUnreachable
    )
      return;
    this.state = next;
    for (const listener of [...this.listeners]) listener();
  }
}

export const NetworkStatusContext = createContext<NetworkStatus | null>(null);

function useNetworkStatusStore(): NetworkStatus {
  const store = useContext(NetworkStatusContext);
  if (!store) throw new Error('NetworkStatusContext is not provided.');
  return store;
}

export function useNetworkState(): NetworkState {
  const store = useNetworkStatusStore();
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

/** The changes the user made that are waiting to be sent. */
export function usePendingMutations(): readonly PendingMutation[] {
  const { pending } = useNetworkStatusStore();
  return useSyncExternalStore(pending.subscribe, pending.getSnapshot);
}

/** Returns a function asking every query registered with useRetryOnReconnect to re-run. */
export function useRequestRetry(): () => void {
  const store = useNetworkStatusStore();
  return () => store.requestRetry();
}

/** Runs `retry` when the connection comes back or the user presses "Try again". */
export function useRetryOnReconnect(retry: () => void): void {
  const store = useNetworkStatusStore();
  useEffect(() => store.onRetry(retry), [store, retry]);
}
