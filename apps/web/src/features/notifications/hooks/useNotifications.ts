import { useCallback, useMemo } from 'react';
import { useQuery } from 'urql';
import {
  BellUnreadMessageCountDocument,
  MarkNotificationsReadDocument,
  NotificationsDocument,
} from '../../../gql/graphql';
import { useAction } from '../../../graphql/use-action';
import { POLL_MS, usePolling } from '../../../ui/usePolling';

const SHOWN = 20;

/**
 * The viewer's latest notifications and unread conversation messages, polled
 * together while the tab is visible, and marking notifications read. The
 * message count is its own query: when it fails the alerts still show.
 */
export function useNotifications() {
  const variables = useMemo(() => ({ unreadOnly: false, limit: SHOWN }), []);
  const [{ data }, reexecute] = useQuery({ query: NotificationsDocument, variables });
  const [messages, reexecuteMessages] = useQuery({ query: BellUnreadMessageCountDocument });
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const poll = useCallback(() => {
    refresh();
    reexecuteMessages({ requestPolicy: 'network-only' });
  }, [refresh, reexecuteMessages]);
  usePolling(poll, POLL_MS);
  const markRead = useAction(MarkNotificationsReadDocument);

  const list = data?.notifications ?? [];
  const read = async (ids: string[]) => {
    if (ids.length === 0) return;
    const result = await markRead.run({ ids });
    if (!result.error) refresh();
  };
  return {
    list,
    unread: list.filter((n) => !n.readAt),
    unreadMessages: messages.data?.unreadMessageCount ?? 0,
    read,
    marking: markRead.fetching,
  };
}
