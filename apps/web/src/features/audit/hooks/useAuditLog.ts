import { useCallback, useReducer } from 'react';
import { useQuery } from 'urql';
import { AuditLogDocument, type AuditLogQuery } from '../../../gql/graphql';
import { useRetryOnReconnect } from '../../../graphql/network-status';

export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilter {
  organisationId: string | null;
  workingGroupId: string | null;
}

export type AuditEntry = AuditLogQuery['auditLog']['entries'][number];

interface State {
  filter: AuditFilter;
  /** Entries of the pages loaded before the current one (older pages stay on screen). */
  older: readonly AuditEntry[];
  /** The current page starts before this sequence number (null: the newest page). */
  cursor: string | null;
}

type Event =
  | { type: 'filter'; patch: Partial<AuditFilter> }
  | { type: 'more'; loaded: readonly AuditEntry[]; cursor: string };

const INITIAL: State = {
  filter: { organisationId: null, workingGroupId: null },
  older: [],
  cursor: null,
};

function reducer(state: State, event: Event): State {
  switch (event.type) {
    case 'filter':
      return { ...INITIAL, filter: { ...state.filter, ...event.patch } };
    case 'more':
      return { ...state, older: event.loaded, cursor: event.cursor };
  }
}

/**
 * The audit log, newest first, a page at a time: "load more" appends the
 * next page; changing the filter starts again from the newest entry.
 */
export function useAuditLog() {
  const [state, dispatch] = useReducer(reducer, INITIAL);
  const [page, reexecute] = useQuery({
    query: AuditLogDocument,
    variables: { ...state.filter, beforeSeq: state.cursor, limit: AUDIT_PAGE_SIZE },
  });
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  useRetryOnReconnect(refresh);

  // While the next page loads, the previous page's data is still in the state: not shown twice.
  const current =
    page.data && page.operation?.variables.beforeSeq === state.cursor
      ? page.data.auditLog
      : undefined;
  const entries = current ? [...state.older, ...current.entries] : state.older;
  const last = current?.entries.at(-1);
  const loadMore =
    current?.hasMore && last
      ? () => dispatch({ type: 'more', loaded: entries, cursor: last.seq })
      : null;

  return {
    filter: state.filter,
    setFilter: (patch: Partial<AuditFilter>) => dispatch({ type: 'filter', patch }),
    page,
    /** The current page, once loaded (not the previous page while this one loads). */
    current,
    entries,
    /** Whether the newest page is loaded and empty. */
    empty: state.cursor === null && current?.entries.length === 0,
    loaded: current !== undefined || state.older.length > 0,
    loadMore,
    refresh,
  };
}
