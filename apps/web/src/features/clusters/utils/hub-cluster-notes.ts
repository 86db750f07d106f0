import {
  listClusterMessages,
  sealNote,
  type HubRequest,
  type KeyOwner,
} from '@parallax/hub-client';
import type { GroupPins } from '@parallax/identity';
import type { ClusterNotes } from '../hooks/useArrangementNotes';
import { NotesLockedError } from './notes-locked';

/** Notes are found among the conversation's messages; a long one is paged through, within reason. */
const PAGE = 100;
const MAX_PAGES = 20;

/**
 * The arrangement notes over @parallax/hub-client: sealed and opened on this
 * device with keys whose certificates it checked itself. Opened texts are
 * kept in memory per cluster (the history and each referral ask for theirs),
 * so one page load reads the conversation once.
 */
export function hubClusterNotes({
  request,
  owner,
  pins,
}: {
  request: HubRequest;
  /** Null while the user's keys are locked in this tab. */
  owner: KeyOwner | null;
  pins: GroupPins;
}): ClusterNotes {
  const opened = new Map<string, Map<string, string>>();
  const reading = new Map<string, Promise<void>>();

  async function readUntil(clusterId: string, workingGroupId: string, wanted: readonly string[]) {
    if (!owner) return;
    const texts = opened.get(clusterId) ?? new Map<string, string>();
    opened.set(clusterId, texts);
    const missing = new Set(wanted.filter((id) => !texts.has(id)));
    let after: string | null = null;
    for (let page = 0; page < MAX_PAGES && missing.size > 0; page++) {
      const result = await listClusterMessages(request, owner, {
        clusterId,
        workingGroupId,
        pins,
        first: PAGE,
        after,
      });
      for (const node of result.nodes) {
        if ('verified' in node && node.body.kind === 'note') texts.set(node.id, node.body.text);
        missing.delete(node.id);
      }
      if (!result.pageInfo.hasNextPage) break;
      after = result.pageInfo.endCursor;
    }
  }

  return {
    ready: owner !== null,
    async seal({ clusterId, workingGroupId }, text, about) {
      if (!owner) throw new NotesLockedError();
      const input = await sealNote(request, owner, {
        clusterId,
        workingGroupId,
        pins,
        text,
        about,
      });
      return {
        messageId: String(input.messageId),
        audience: 'parties_and_coordinators',
        copies: input.copies.map((c) => ({ userId: String(c.userId), sealed: c.sealed })),
      };
    },
    async open({ clusterId, workingGroupId }, messageIds) {
      // One reading at a time per cluster: the panels ask together on load.
      const previous = reading.get(clusterId) ?? Promise.resolve();
      const next = previous
        .catch(() => undefined)
        .then(() => readUntil(clusterId, workingGroupId, messageIds));
      reading.set(clusterId, next);
      await next;
      const texts = opened.get(clusterId);
      return new Map(
        messageIds.flatMap((id) => (texts?.has(id) ? [[id, texts.get(id) ?? '']] : [])),
      );
    },
  };
}
