import { useCallback, useMemo } from 'react';
import { useQuery } from 'urql';
import { MarkNotificationsReadDocument, NotificationsDocument } from '../../../gql/graphql';
import { useAction } from '../../../graphql/use-action';
import { POLL_MS, usePolling } from '../../../ui/usePolling';

const SHOWN = 20;

/** The viewer's latest notifications, polled while the tab is visible, and marking them read. */
export function useNotifications() {
  const variables = useMemo(() => ({ unreadOnly: false, limit: SHOWN }), []);
  const [{ data }, reexecute] = useQuery({ query: NotificationsDocument, variables });
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  usePolling(refresh, POLL_MS);
  const markRead = useAction(MarkNotificationsReadDocument);

  const list = data?.notifications ?? [];
  const read = async (ids: string[]) => {
    if (ids.length === 0) return;
    const result = await markRead.run({ ids });
    if (!result.error) refresh();
  };
  return { list, unread: list.filter((n) => !n.readAt), read, marking: markRead.fetching };
}
