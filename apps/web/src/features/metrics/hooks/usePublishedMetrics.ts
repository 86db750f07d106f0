import { useCallback } from 'react';
import { useQuery } from 'urql';
import { MetricsGridDocument, PublishedMetricsDocument } from '../../../gql/graphql';
import { useRetryOnReconnect } from '../../../graphql/network-status';

/** The published releases of every group the viewer funds or coordinates (last 24 months). */
export function usePublishedMetrics() {
  const [result, reexecute] = useQuery({ query: PublishedMetricsDocument });
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  useRetryOnReconnect(refresh);
  return [result, refresh] as const;
}

/** The public grid and the protection parameters in force (for the explainer). */
export function useMetricsGrid() {
  const [result, reexecute] = useQuery({ query: MetricsGridDocument });
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  useRetryOnReconnect(refresh);
  return [result, refresh] as const;
}
