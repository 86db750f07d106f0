import type { ClusterMessageBody } from '@parallax/identity';
import {
  clusterMessagesHead,
  fetchKeyDirectory,
  listClusterMessages,
  sendClusterMessage,
  type OpenedClusterMessage,
} from '@parallax/hub-client';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { useUnlockedKeys } from '../../../crypto/key-store';
import { MarkClusterMessagesReadDocument } from '../../../gql/graphql';
import { hubErrorMessageId, useHubRequest } from '../../../hub/hub-request';
import type { MessageId } from '../../../i18n/messages';
import { usePolling } from '../../../ui/usePolling';
import { useViewer } from '../../auth/hooks/session';
import { useGroupPins } from '../../group-keys/hooks/pins';

/** The newest messages shown (the hub lists newest first); older ones are rarely needed in a cluster. */
const PAGE = 50;

/** One message as this device opened it; `body` is null when it could not be verified. */
export interface ConversationEntry {
  id: string;
  createdAt: string;
  senderUserId: string;
  /** The sender's organisation per its verified key; null when unverified or a coordinator. */
  senderOrganisationId: string | null;
  mine: boolean;
  verified: boolean;
  read: boolean;
  body: ClusterMessageBody | null;
}

export interface SkippedName {
  userId: string;
  /** The hub's listing of their name (shown, never trusted). */
  name: string;
}

export interface SendOutcome {
  skipped: SkippedName[];
}

export interface ConversationSend {
  busy: boolean;
  error: MessageId | null;
  /** Seals and sends; the outcome, or null when it failed (the error says why). */
  run: (body: ClusterMessageBody) => Promise<SendOutcome | null>;
}

export function toEntry(message: OpenedClusterMessage, userId: string): ConversationEntry {
  if ('problem' in message) {
    return {
      id: message.id,
      createdAt: message.createdAt,
      senderUserId: message.senderUserId,
      senderOrganisationId: null,
      mine: message.senderUserId === userId,
      verified: false,
      read: message.read,
      body: null,
    };
  }
  return {
    id: message.id,
    createdAt: message.createdAt,
    senderUserId: message.sender.userId,
    senderOrganisationId: message.sender.organisationId || null,
    mine: message.sender.userId === userId,
    verified: true,
    read: message.read,
    body: message.body,
  };
}

interface ConversationCluster {
  id: string;
  workingGroupId: string;
  viewerAccess: string;
}

/**
 * The cluster's conversation on this device: lists and opens the viewer's
 * copies (polled while the tab is visible), marks them read once shown, and
 * seals new messages to the participants whose keys this device verified.
 * Needs the user's unlocked keys (the caller shows the unlock prompt otherwise).
 */
export function useConversation(cluster: ConversationCluster) {
  const viewer = useViewer();
  const keys = useUnlockedKeys(viewer.user.id);
  const request = useHubRequest();
  const pins = useGroupPins(cluster.workingGroupId);
  const [entries, setEntries] = useState<ConversationEntry[]>([]);
  const [error, setError] = useState(false);
  const [busy, setBusy] = useState(false);
  const [sendError, setSendError] = useState<MessageId | null>(null);
  const [, markRead] = useMutation(MarkClusterMessagesReadDocument);
  const loading = useRef(false);
  const markedUpTo = useRef<string | null>(null);
  /** The conversation's state at the last full load (see clusterMessagesHead). */
  const loadedHead = useRef<string | null>(null);

  const owner = useMemo(
    () =>
      keys
        ? {
            userId: keys.userId,
            privateKey: keys.privateKey,
            signingPrivateKey: keys.signingPrivateKey,
          }
        : null,
    [keys],
  );
  const scope = useMemo(
    () => ({ clusterId: cluster.id, workingGroupId: cluster.workingGroupId, pins }),
    [cluster.id, cluster.workingGroupId, pins],
  );

  const load = useCallback(async () => {
    if (!owner || loading.current) return;
    loading.current = true;
    try {
      const head = await clusterMessagesHead(request, scope.clusterId);
      if (head === loadedHead.current) return;
      const page = await listClusterMessages(request, owner, { ...scope, first: PAGE });
      loadedHead.current = head;
      // The hub lists newest first; a conversation reads oldest first.
      setEntries(page.nodes.map((m) => toEntry(m, owner.userId)).reverse());
      setError(false);
    } catch {
      setError(true);
    } finally {
      loading.current = false;
    }
  }, [owner, request, scope]);

  useEffect(() => {
    loadedHead.current = null;
    void load();
  }, [load]);
  usePolling(() => void load(), undefined, owner !== null);

  // Shown means read: once per newest unread message, while the tab is visible.
  const newestUnread = [...entries].reverse().find((e) => !e.read && !e.mine)?.id ?? null;
  useEffect(() => {
    if (!newestUnread || markedUpTo.current === newestUnread) return;
    if (document.visibilityState === 'hidden') return;
    markedUpTo.current = newestUnread;
    void markRead({ clusterId: cluster.id }).then((result) => {
      if (!result.error) setEntries((current) => current.map((e) => ({ ...e, read: true })));
    });
  }, [newestUnread, cluster.id, markRead]);

  const run = useCallback(
    async (body: ClusterMessageBody): Promise<SendOutcome | null> => {
      if (!owner) return null;
      setBusy(true);
      setSendError(null);
      try {
        const sent = await sendClusterMessage(request, owner, {
          ...scope,
          audience: 'parties',
          body,
        });
        // Coordinators never get the conversation: leaving them out is not a key problem.
        const skipped = sent.skipped.filter((s) => s.reason !== 'coordinator_for_parties');
        let names: SkippedName[] = skipped.map((s) => ({ userId: s.userId, name: s.userId }));
        if (skipped.length > 0) {
          const directory = await fetchKeyDirectory(request, cluster.workingGroupId).catch(
            () => null,
          );
          names = skipped.map((s) => ({
            userId: s.userId,
            name: directory?.holders.find((h) => h.userId === s.userId)?.displayName ?? s.userId,
          }));
        }
        await load();
        return { skipped: names };
      } catch (e) {
        setSendError(hubErrorMessageId(e));
        return null;
      } finally {
        setBusy(false);
      }
    },
    [owner, request, scope, cluster.workingGroupId, load],
  );

  const send: ConversationSend = { busy, error: sendError, run };
  return { entries, error, send };
}
