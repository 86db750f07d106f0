import { AbilityProvider } from '@casl/react';
import { defineAbilityFor } from '@parallax/authz';
import type { CombinedError, OperationResult } from '@urql/core';
import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { useClient, useQuery } from 'urql';
import { useIdleKeyLock } from '../../../crypto/idle-lock';
import { useKeyStore } from '../../../crypto/key-store';
import {
  LogoutDocument,
  MeDocument,
  type MeQuery,
  type LogoutMutation,
} from '../../../gql/graphql';
import { useRetryOnReconnect } from '../../../graphql/network-status';

export type Viewer = NonNullable<MeQuery['me']>;

export type SessionState =
  | { status: 'loading' }
  | { status: 'unavailable'; error: CombinedError }
  | { status: 'signed-out' }
  | { status: 'signed-in'; viewer: Viewer };

export interface SessionContextValue {
  state: SessionState;
  viewer: Viewer | null;
  /** Asks the server again who is signed in (after login, sign-up, password change). */
  refresh(): Promise<Viewer | null>;
  /** Retries a `me` query that failed on the network. */
  retry(): void;
  signOut(): Promise<OperationResult<LogoutMutation>>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>.');
  return value;
}

/** The signed-in viewer; for components that only render behind <RequireAuth>. */
export function useViewer(): Viewer {
  const { viewer } = useSession();
  if (!viewer) throw new Error('useViewer needs a signed-in user.');
  return viewer;
}

function reloadHome(): void {
  window.location.assign('/');
}

export interface SessionProviderProps {
  children: ReactNode;
  /**
   * After logout. A full page load is the default: it drops every cached
   * query result and in-memory secret of the previous user at once.
   */
  onSignedOut?: () => void;
}

export function SessionProvider({ children, onSignedOut = reloadHome }: SessionProviderProps) {
  const client = useClient();
  const keyStore = useKeyStore();
  const [{ data, error }, reexecute] = useQuery({ query: MeDocument });
  const retry = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  useRetryOnReconnect(retry);

  const state = useMemo<SessionState>(() => {
    // `data` is null when the server answered with errors only.
    if (data) return data.me ? { status: 'signed-in', viewer: data.me } : { status: 'signed-out' };
    return error ? { status: 'unavailable', error } : { status: 'loading' };
  }, [data, error]);
  const viewer = state.status === 'signed-in' ? state.viewer : null;

  const userId = viewer?.user.id;
  useEffect(() => {
    if (!data) return;
    // Keys belong to one user: signed out (or the session ended), or someone
    // else, means locked, and this tab's saved copy deleted.
    const keys = keyStore.getSnapshot();
    if (!userId || (keys && keys.userId !== userId)) void keyStore.lock();
    // The same user after a reload: their keys come back without the password.
    if (userId) void keyStore.restore(userId);
  }, [keyStore, userId, data]);
  useIdleKeyLock(keyStore);

  const refresh = useCallback(async () => {
    const result = await client
      .query(MeDocument, {}, { requestPolicy: 'network-only' })
      .toPromise();
    return result.data?.me ?? null;
  }, [client]);

  const signOut = useCallback(async () => {
    const result = await client.mutation(LogoutDocument, {}).toPromise();
    const alreadyOut = result.error?.graphQLErrors.some(
      (e) => e.extensions?.['code'] === 'UNAUTHENTICATED',
    );
    if (!result.error || alreadyOut) {
      // Awaited: the page load that follows must not overtake the deletion.
      await keyStore.lock();
      onSignedOut();
    }
    return result;
  }, [client, keyStore, onSignedOut]);

  const ability = useMemo(() => defineAbilityFor(viewer?.actor ?? null), [viewer]);
  const value = useMemo<SessionContextValue>(
    () => ({ state, viewer, refresh, retry, signOut }),
    [state, viewer, refresh, retry, signOut],
  );

  return (
    <SessionContext.Provider value={value}>
      <AbilityProvider value={ability}>{children}</AbilityProvider>
    </SessionContext.Provider>
  );
}
