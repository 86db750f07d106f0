import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { clusterFilterOf, type ClusterFilter } from '../utils/cluster-filter';

/** The URL parameter that keeps the dashboard's filter (reload, back button, shared link). */
export const CLUSTER_FILTER_PARAM = 'lead';

/** The dashboard's cluster filter, kept in the URL; "all" is the absence of the parameter. */
export function useClusterFilter(): [ClusterFilter, (next: ClusterFilter) => void] {
  const [params, setParams] = useSearchParams();
  const filter = clusterFilterOf(params.get(CLUSTER_FILTER_PARAM));
  const setFilter = useCallback(
    (next: ClusterFilter) =>
      setParams(
        (current) => {
          const updated = new URLSearchParams(current);
          if (next === 'all') updated.delete(CLUSTER_FILTER_PARAM);
          else updated.set(CLUSTER_FILTER_PARAM, next);
          return updated;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [filter, setFilter];
}
