import type { GroupMetricsView, MetricsGridView, MetricsReleaseView } from './types';

/** Test fixtures: published releases as the API sends them (noisy, rounded, some suppressed). */
const METHOD = {
  __typename: 'MetricsMethod',
  gridVersion: 1,
  epsilon: 1,
  threshold: 10,
  minOrganisations: 3,
  rounding: 5,
  families: [],
};

export function release(
  workingGroupId: string,
  period: string,
  values: Record<string, number | null>,
): MetricsReleaseView & { __typename: string } {
  return {
    __typename: 'MetricsRelease',
    id: `${workingGroupId}-${period}`,
    workingGroupId,
    workingGroupName: workingGroupId === 'group-1' ? 'Syria group' : 'Sahel group',
    period,
    status: 'published',
    version: 2,
    computedAt: `${period}-02T00:00:00.000Z`,
    publishedAt: `${period}-03T00:00:00.000Z`,
    medianDaysToLead: null,
    method: METHOD,
    cells: Object.entries(values).map(([id, value]) => {
      const [metric, key = null] = id.split(':');
      return { __typename: 'MetricCell', metric, key, value, suppressed: value === null };
    }),
  } as MetricsReleaseView & { __typename: string };
}

export const SYRIA: GroupMetricsView = {
  workingGroupId: 'group-1',
  workingGroupName: 'Syria group',
  releases: [
    release('group-1', '2026-08', {
      cases_active: 1234,
      overlaps_detected: 40,
      'overlaps_resolved:confirmed': 15,
      'overlaps_resolved:dismissed': null,
      referrals_made: 10,
    }),
    release('group-1', '2026-09', {
      cases_active: 1250,
      overlaps_detected: null,
      'overlaps_resolved:confirmed': 20,
      'overlaps_resolved:dismissed': 10,
      referrals_made: null,
    }),
  ],
};

export const SAHEL: GroupMetricsView = {
  workingGroupId: 'group-2',
  workingGroupName: 'Sahel group',
  releases: [
    release('group-2', '2026-09', {
      cases_active: 35,
      overlaps_detected: 15,
      'overlaps_resolved:confirmed': null,
      'overlaps_resolved:dismissed': null,
      referrals_made: null,
    }),
  ],
};

export const GRID: MetricsGridView = {
  epsilonPerRelease: 1,
  epsilonCapPerYear: 12,
  threshold: 10,
  minOrganisations: 3,
  rounding: 5,
  metrics: [],
};

/** The GraphQL answers, with type names, for the fake server. */
export function publishedMetricsReply(groups: readonly GroupMetricsView[]) {
  return {
    data: {
      publishedMetrics: groups.map((g) => ({ __typename: 'WorkingGroupMetrics', ...g })),
    },
  };
}

export function metricsGridReply() {
  return {
    data: {
      metricsGrid: {
        __typename: 'MetricsGrid',
        version: 1,
        ...GRID,
        metrics: [],
      },
    },
  };
}
