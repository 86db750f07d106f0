import { ORG_ADMIN_VIEWER, type FakeViewer } from '../../test/fake-server';

export { WORKING_GROUP } from '../../test/working-group-fixtures';

/** Test data of the coordinators' pages (specs only). */
export const COORDINATOR = {
  ...ORG_ADMIN_VIEWER,
  actor: { ...ORG_ADMIN_VIEWER.actor, coordinatorOf: ['group-1'], memberOf: [] },
} as FakeViewer;

/** A picture cluster of two organisations, with the lead status and referrals given. */
export function summary(
  index: number,
  leadStatus: string,
  clusterId: string | null,
  referrals = 0,
) {
  return {
    __typename: 'ClusterSummary',
    index,
    organisationCount: 2,
    organisationIds: ['a', 'b'],
    caseCount: 2,
    strongest: 'strong',
    unresolvedOverlaps: 0,
    oldestUnresolvedDays: 0,
    leadStatus,
    clusterId,
    referrals,
  };
}

export function picture(clusters: ReturnType<typeof summary>[]) {
  return {
    __typename: 'CoordinatorPicture',
    workingGroupId: 'group-1',
    organisations: [
      { __typename: 'MatrixOrganisation', id: 'a', name: 'Documentation Centre', cases: 12 },
      { __typename: 'MatrixOrganisation', id: 'b', name: 'Justice Archive', cases: 7 },
    ],
    clusters,
    matrix: [{ __typename: 'MatrixCell', a: 'a', b: 'b', overlaps: clusters.length }],
    ageing: [
      { __typename: 'AgeingBucket', bucket: 'under_7_days', count: 0 },
      { __typename: 'AgeingBucket', bucket: '7_to_30_days', count: 0 },
      { __typename: 'AgeingBucket', bucket: 'over_30_days', count: 0 },
    ],
  };
}
