import { useCallback, useState } from 'react';
import { useQuery } from 'urql';
import { AuditLogDocument, type AuditLogQuery } from '../../../gql/graphql';
import { useRetryOnReconnect } from '../../../graphql/network-status';
import type { AuditLogVariables } from './useAuditFilter';

export const AUDIT_PAGE_SIZE = 50;

export type AuditEntry = AuditLogQuery['auditLog']['entries'][number];

interface Loaded {
  /** The filters these pages were read with: new filters start again from the newest entry. */
  key: string;
  /** Entries of the pages loaded before the current one (older pages stay on screen). */
  older: readonly AuditEntry[];
  /** The current page starts before this sequence number (null: the newest page). */
  cursor: string | null;
}

/**
 * The audit log, newest first, a page at a time: "show more" appends the
 * next (older) page; changing a filter starts again from the newest entry.
 * Paused while the filters are invalid (a date range the wrong way round).
 */
export function useAuditLog(variables: AuditLogVariables, pause = false) {
  const key = JSON.stringify(variables);
  const [state, setState] = useState<Loaded>({ key, older: [], cursor: null });
  const loaded: Loaded = state.key === key ? state : { key, older: [], cursor: null };
  const [page, reexecute] = useQuery({
    query: AuditLogDocument,
    variables: { ...variables, beforeSeq: loaded.cursor, limit: AUDIT_PAGE_SIZE },
    pause,
  });
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  useRetryOnReconnect(refresh);

  // While the next page loads, the previous page's data is still in the state: not shown twice.
  const vars = page.operation?.variables;
  const current =
    !pause && page.data && vars?.beforeSeq === loaded.cursor && JSON.stringify(pick(vars)) === key
      ? page.data.auditLog
      : undefined;
  const entries = current ? [...loaded.older, ...current.entries] : loaded.older;
  const last = current?.entries.at(-1);
  const loadMore =
    current?.hasMore && last ? () => setState({ key, older: entries, cursor: last.seq }) : null;

  return {
    page,
    /** The current page, once loaded (not the previous page while this one loads). */
    current,
    entries,
    totalCount: current?.totalCount ?? null,
    /** Whether the newest page is loaded and empty. */
    empty: loaded.cursor === null && current?.entries.length === 0,
    loaded: current !== undefined || loaded.older.length > 0,
    loadMore,
    loadingMore: loaded.cursor !== null && page.fetching,
    refresh,
  };
}

/** The filter part of a page's variables, in the order `AuditLogVariables` has them. */
function pick(v: Record<string, unknown>): AuditLogVariables {
  return {
    organisationId: (v['organisationId'] as string | null) ?? null,
    workingGroupId: (v['workingGroupId'] as string | null) ?? null,
    actions: (v['actions'] as string[] | null) ?? null,
    since: (v['since'] as string | null) ?? null,
    until: (v['until'] as string | null) ?? null,
  };
}
