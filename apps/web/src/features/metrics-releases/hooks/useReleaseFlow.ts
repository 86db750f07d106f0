import type { ErrorCode } from '@parallax/domain';
import type { CombinedError } from '@urql/core';
import { useReducer, useState } from 'react';
import {
  ComputeMetricsReleaseDocument,
  PublishMetricsReleaseDocument,
  WithholdMetricsReleaseDocument,
} from '../../../gql/graphql';
import { errorCode } from '../../../graphql/errors';
import { useAction } from '../../../graphql/use-action';
import { completePastMonths, periodYear } from '../utils/periods';
import { initialReleaseFlow, releaseFlowReducer, type Decision } from '../utils/release-flow';
import { useMetricsReleases } from './useMetricsReleases';

/** Refusals that mean the list on screen is out of date: it is reloaded as well. */
const RELOAD_ON: ReadonlySet<ErrorCode | null> = new Set<ErrorCode | null>([
  'METRICS_RELEASE_EXISTS',
  'METRICS_RELEASE_NOT_DRAFT',
]);

/**
 * Compute, preview, publish or withhold: the page's long flow, with the data
 * it works on. Every change reloads the releases and the ledger; publishing and
 * withholding are compare-and-set on the version the coordinator previewed,
 * and a stale version reloads so the coordinator decides on what is there now.
 */
export function useReleaseFlow(workingGroupId: string) {
  const [state, dispatch] = useReducer(releaseFlowReducer, initialReleaseFlow);
  // The ledger shown is the one the chosen month is charged to.
  const year = periodYear(state.period ?? completePastMonths(new Date(), 1)[0] ?? '');
  const data = useMetricsReleases(workingGroupId, year);
  const onChanged = data.refresh;
  const compute = useAction(ComputeMetricsReleaseDocument);
  const publish = useAction(PublishMetricsReleaseDocument);
  const withhold = useAction(WithholdMetricsReleaseDocument);
  const [error, setError] = useState<CombinedError | undefined>(undefined);

  const computeRelease = async () => {
    if (!state.period) return;
    dispatch({ type: 'started' });
    setError(undefined);
    const result = await compute.run({ workingGroupId, period: state.period });
    setError(result.error);
    const release = result.data?.computeMetricsRelease;
    if (release) {
      dispatch({ type: 'computed', releaseId: release.id, period: release.period });
      onChanged();
    } else if (RELOAD_ON.has(errorCode(result.error))) onChanged();
  };

  const decide = async (release: { id: string; version: number }, decision: Decision) => {
    dispatch({ type: 'started' });
    setError(undefined);
    const variables = { releaseId: release.id, expectedVersion: release.version };
    const result =
      decision === 'publish'
        ? await publish.run(variables).then((r) => ({
            error: r.error,
            release: r.data?.publishMetricsRelease,
          }))
        : await withhold.run(variables).then((r) => ({
            error: r.error,
            release: r.data?.withholdMetricsRelease,
          }));
    if (errorCode(result.error) === 'METRICS_RELEASE_VERSION_STALE') {
      dispatch({ type: 'stale' });
      onChanged();
      return;
    }
    setError(result.error);
    if (result.release) {
      const status = result.release.status === 'published' ? 'published' : 'withheld';
      dispatch({
        type: 'decided',
        releaseId: result.release.id,
        period: result.release.period,
        status,
      });
      onChanged();
    } else if (RELOAD_ON.has(errorCode(result.error))) onChanged();
  };

  return {
    state,
    dispatch,
    data,
    error,
    busy: compute.fetching || publish.fetching || withhold.fetching,
    computeRelease,
    decide,
  };
}

export type ReleaseFlow = ReturnType<typeof useReleaseFlow>;
