import { useCallback, useMemo } from 'react';
import { useQuery } from 'urql';
import { ClusterDocument, type ClusterQuery } from '../../../gql/graphql';
import { useRetryOnReconnect } from '../../../graphql/network-status';

export type ClusterData = ClusterQuery['cluster'];

/** One cluster as the viewer may see it (party, former party or coordinator); `refresh` after a change. */
export function useCluster(id: string) {
  const variables = useMemo(() => ({ id }), [id]);
  const context = useMemo(
    () => ({ additionalTypenames: ['Cluster', 'LeadArrangement', 'Referral'] }),
    [],
  );
  const [result, reexecute] = useQuery({ query: ClusterDocument, variables, context });
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  useRetryOnReconnect(refresh);
  return { result, cluster: result.data?.cluster, refresh };
}
