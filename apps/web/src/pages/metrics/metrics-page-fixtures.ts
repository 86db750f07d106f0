import {
  SAHEL,
  SYRIA,
  metricsGridReply,
  publishedMetricsReply,
} from '../../features/metrics/metrics-test-fixtures';
import type { GroupMetricsView } from '../../features/metrics/types';
import { ORG_ADMIN_VIEWER, fakeServer, type FakeViewer } from '../../test/fake-server';

/** Someone at a donor organisation that funds two working groups. */
export const DONOR_VIEWER = {
  ...ORG_ADMIN_VIEWER,
  user: { ...ORG_ADMIN_VIEWER.user, id: 'user-d', email: 'dana@fund.example', displayName: 'Dana' },
  organisation: { __typename: 'Organisation', id: 'org-d', name: 'Example Fund', kind: 'donor' },
  actor: {
    ...ORG_ADMIN_VIEWER.actor,
    userId: 'user-d',
    organisationId: 'org-d',
    organisationKind: 'donor',
    memberOf: [],
    donorOf: ['group-1', 'group-2'],
  },
} as FakeViewer;

export function metricsServer(groups: readonly GroupMetricsView[] = [SYRIA, SAHEL]) {
  return fakeServer({
    viewer: DONOR_VIEWER,
    handlers: {
      PublishedMetrics: () => publishedMetricsReply(groups),
      MetricsGrid: () => metricsGridReply(),
    },
  });
}

/** The first visit to /metrics imports the chart library's chunk: slow on a busy 2-core machine. */
export const SLOW = { timeout: 15_000 };
