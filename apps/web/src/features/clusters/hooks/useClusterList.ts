import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { MyClustersDocument, type ArrangementStatus } from '../../../gql/graphql';
import { useRetryOnReconnect } from '../../../graphql/network-status';
import { useCursorList } from '../../../ui/pagination/useCursorList';
import { isArrangementStatus } from '../utils/cluster-labels';

/**
 * The clusters my organisation is (or was) a party to, page by page, with the
 * arrangement status filter kept in the URL (`status`) so a filtered list
 * can be bookmarked and reloaded.
 */
export function useClusterList() {
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status = isArrangementStatus(raw) ? raw : null;
  const variables = useMemo(
    () => ({ status: status ? [status as ArrangementStatus] : null }),
    [status],
  );
  const context = useMemo(() => ({ additionalTypenames: ['Cluster'] }), []);
  const list = useCursorList({
    query: MyClustersDocument,
    variables,
    select: (data) => data.myClusters,
    context,
  });
  useRetryOnReconnect(list.refresh);

  const setStatus = useCallback(
    (next: string | null) =>
      setParams(
        (current) => {
          const copy = new URLSearchParams(current);
          if (next) copy.set('status', next);
          else copy.delete('status');
          return copy;
        },
        { replace: true },
      ),
    [setParams],
  );
  return { list, status, setStatus };
}
