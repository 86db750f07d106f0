import { fetchKeyDirectory, type KeyDirectory } from '@parallax/hub-client';
import { useCallback, useEffect, useState } from 'react';
import { useClient } from 'urql';
import { hubErrorCode, urqlHubRequest } from '../../../hub/hub-request';
import { usePolling } from '../../../ui/usePolling';

/** How often a verification screen looks for new keys and certificates (a colleague may verify meanwhile). */
const DIRECTORY_POLL_MS = 15_000;

export type DirectoryState =
  | { status: 'loading' }
  | { status: 'error'; code: string }
  | { status: 'ready'; directory: KeyDirectory };

/** One working group's key directory (the hub's listing: keys and certificates, to be checked here). */
export function useKeyDirectory(workingGroupId: string | null) {
  const client = useClient();
  const [state, setState] = useState<DirectoryState>({ status: 'loading' });

  const refresh = useCallback(async () => {
    if (!workingGroupId) return;
    try {
      const directory = await fetchKeyDirectory(urqlHubRequest(client), workingGroupId);
      setState({ status: 'ready', directory });
    } catch (error) {
      // A directory already shown stays on screen through a bad connection.
      setState((previous) =>
        previous.status === 'ready' ? previous : { status: 'error', code: hubErrorCode(error) },
      );
    }
  }, [client, workingGroupId]);

  useEffect(() => {
    setState({ status: 'loading' });
    void refresh();
  }, [refresh]);
  usePolling(() => void refresh(), DIRECTORY_POLL_MS, workingGroupId !== null);

  return { state, refresh };
}
