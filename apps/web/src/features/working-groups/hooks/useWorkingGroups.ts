import { useMemo } from 'react';
import { useQuery } from 'urql';
import { useViewer } from '../../auth/hooks/session';
import { WorkingGroupsDocument } from '../../../gql/graphql';
import { fingerprintingGroups } from '../../group-keys/utils/eligibility';

interface GroupOption {
  id: string;
  name: string;
}

/** The viewer's working groups by id, and those where they register cases. */
export function useWorkingGroups() {
  const viewer = useViewer();
  const [result, reexecute] = useQuery({ query: WorkingGroupsDocument });
  return useMemo(() => {
    const all = result.data?.workingGroups ?? [];
    const names = new Map(all.map((g) => [g.id, g.name]));
    const mine = new Set(fingerprintingGroups(viewer.actor));
    const fingerprinting: GroupOption[] = all
      .filter((g) => mine.has(g.id))
      .map((g) => ({ id: g.id, name: g.name }));
    return {
      names,
      fingerprinting,
      fetching: result.fetching,
      error: result.error,
      loaded: result.data !== undefined,
      refresh: () => reexecute({ requestPolicy: 'network-only' }),
    };
  }, [result, viewer.actor, reexecute]);
}
