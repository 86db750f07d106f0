import { useCallback } from 'react';
import { useQuery } from 'urql';
import {
  CoordinatorMetricsReleasesDocument,
  MetricsGridDocument,
  MetricsPrivacyBudgetDocument,
} from '../../../gql/graphql';
import { useRetryOnReconnect } from '../../../graphql/network-status';

/** A group's releases, the public release settings, and one year's ledger; `refresh` reloads what changes. */
export function useMetricsReleases(workingGroupId: string, year: number) {
  const [releases, reexecuteReleases] = useQuery({
    query: CoordinatorMetricsReleasesDocument,
    variables: { workingGroupId },
  });
  const [settings, reexecuteSettings] = useQuery({ query: MetricsGridDocument });
  const [budget, reexecuteBudget] = useQuery({
    query: MetricsPrivacyBudgetDocument,
    variables: { workingGroupId, year },
  });
  const refresh = useCallback(() => {
    reexecuteReleases({ requestPolicy: 'network-only' });
    reexecuteBudget({ requestPolicy: 'network-only' });
  }, [reexecuteReleases, reexecuteBudget]);
  const retry = useCallback(() => {
    refresh();
    reexecuteSettings({ requestPolicy: 'network-only' });
  }, [refresh, reexecuteSettings]);
  useRetryOnReconnect(retry);
  return { releases, settings, budget, refresh, retry };
}
