import type { DocumentInput, OperationContext, UseQueryState } from 'urql';
import { useCallback, useMemo, useState } from 'react';
import { useQuery } from 'urql';

/** The shape every paginated list of the API has (see the API's `Paginated`). */
export interface CursorPage<N> {
  nodes: readonly N[];
  totalCount: number;
  pageInfo: { endCursor?: string | null; hasNextPage: boolean };
}

export interface CursorListOptions<N, D, V extends Record<string, unknown>> {
  query: DocumentInput<D, V & { first: number; after: string | null }>;
  /** The list's filters; changing them starts again from the first page. */
  variables: V;
  select: (data: D) => CursorPage<N> | null | undefined;
  pageSize?: number;
  context?: Partial<OperationContext>;
  pause?: boolean;
}

export interface CursorList<N, D> {
  /** The first page's query state (loading, error, data) for QueryStatus. */
  result: UseQueryState<D>;
  /** Every row loaded so far, in the list's order. */
  nodes: readonly N[];
  totalCount: number | null;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
  /** Reads the list again from its first page (after a change, or on reconnect). */
  refresh: () => void;
}

interface Accumulated<N> {
  key: string;
  after: string | null;
  earlier: readonly N[];
  /** The total as the last page said it, shown while the next page loads. */
  total: number | null;
}

/**
 * A server-paginated list read page by page ("Show more"): the rows already
 * shown stay, the next page is appended, and the total comes from the hub so
 * the user always knows how much is left. Filters are part of the key: a new
 * filter starts from the first page (the hub refuses an old cursor anyway).
 */
export function useCursorList<N, D, V extends Record<string, unknown>>(
  options: CursorListOptions<N, D, V>,
): CursorList<N, D> {
  const { query, variables, select, pageSize = 50, context, pause } = options;
  const key = JSON.stringify(variables);
  const [state, setState] = useState<Accumulated<N>>({ key, after: null, earlier: [], total: null });
  const current: Accumulated<N> =
    state.key === key ? state : { key, after: null, earlier: [], total: null };
  const pageVariables = useMemo(
    () => ({ ...variables, first: pageSize, after: current.after }),
    // `key` stands for `variables` (compared by value, not identity).
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key, pageSize, current.after],
  );
  const [result, reexecute] = useQuery<D, V & { first: number; after: string | null }>({
    query,
    variables: pageVariables as V & { first: number; after: string | null },
    context,
    pause,
  });
  // While the next page loads, urql still holds the previous one: not shown twice.
  const answeredAfter = (result.operation?.variables as { after?: string | null } | undefined)?.after;
  const page =
    result.data && (answeredAfter ?? null) === current.after ? select(result.data) : undefined;
  const nodes = useMemo(
    () => [...current.earlier, ...(page?.nodes ?? [])],
    [current.earlier, page?.nodes],
  );
  const hasMore = page?.pageInfo.hasNextPage ?? false;
  const endCursor = page?.pageInfo.endCursor ?? null;

  const loadMore = useCallback(() => {
    if (!hasMore || !endCursor) return;
    setState({ key, after: endCursor, earlier: nodes, total: page?.totalCount ?? null });
  }, [hasMore, endCursor, key, nodes, page?.totalCount]);

  const refresh = useCallback(() => {
    if (current.after === null) reexecute({ requestPolicy: 'network-only' });
    else setState({ key, after: null, earlier: [], total: null });
  }, [current.after, key, reexecute]);

  return {
    result,
    nodes,
    totalCount: page?.totalCount ?? current.total,
    hasMore,
    loadingMore: result.fetching && current.after !== null,
    loadMore,
    refresh,
  };
}
