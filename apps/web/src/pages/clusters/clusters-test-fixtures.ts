import {
  fakeServer,
  ORG_ADMIN_VIEWER,
  type FakeViewer,
  type Handler,
} from '../../test/fake-server';

// The clusters pages' fake hub, shared by their spec files.

/** The page is loaded lazily: on a busy machine the first render takes a while. */
export const SLOW = { timeout: 10_000 };

const role = (organisationId: string, r: string, mayRefer = false) => ({
  __typename: 'PartyRoleEntry',
  organisationId,
  role: r,
  mayRefer,
});

export const party = (
  organisationId: string,
  organisationName: string,
  extra: Record<string, unknown> = {},
) => ({
  __typename: 'ClusterParty',
  organisationId,
  organisationName,
  joinedAt: '2025-03-01T10:00:00Z',
  leftAt: null,
  role: null,
  mayRefer: false,
  ...extra,
});

export const PARTIES = [
  party('org-1', 'Example Centre', { role: 'lead', mayRefer: true }),
  party('org-2', 'Justice Archive', { role: 'supporting' }),
  party('org-3', 'Rights Watch', { leftAt: '2025-03-05T09:00:00Z', role: 'withdrawn' }),
];

export const ARRANGEMENT = {
  __typename: 'LeadArrangement',
  clusterId: 'cluster-1',
  version: 4,
  status: 'agreed',
  parties: ['org-1', 'org-2'],
  scope: [],
  inForce: [role('org-1', 'lead', true), role('org-2', 'supporting'), role('org-3', 'withdrawn')],
  inForceBy: 'agreement',
  proposal: null,
  rejections: 0,
  escalationReason: null,
  escalatedAt: null,
  reopenRequestedBy: null,
  history: [
    {
      __typename: 'ArrangementEvent',
      id: 'ev-1',
      version: 2,
      kind: 'proposed',
      at: '2025-03-02T10:00:00Z',
      actorOrganisationId: 'org-1',
      byCoordinator: false,
      roles: [role('org-1', 'lead', true), role('org-2', 'supporting')],
      proposalNumber: 1,
      noteMessageId: null,
    },
  ],
  availableActions: [],
};

export const CLUSTER = {
  __typename: 'Cluster',
  id: 'cluster-1',
  workingGroupId: 'group-1',
  workingGroupName: 'Syria Working Group',
  createdAt: '2025-03-01T10:00:00Z',
  parties: PARTIES,
  myCases: [{ __typename: 'ClusterCaseRef', id: 'c3', reference: 'SYR-003' }],
  viewerAccess: 'party',
  arrangement: ARRANGEMENT,
  referrals: [],
  unreadMessages: 2,
};

export const listPage = (nodes: unknown[], hasNextPage = false) => ({
  __typename: 'ClusterPage',
  nodes,
  totalCount: nodes.length + (hasNextPage ? 1 : 0),
  pageInfo: { __typename: 'PageInfo', endCursor: hasNextPage ? 'next' : null, hasNextPage },
});

export const OPEN_CLUSTER = {
  ...CLUSTER,
  id: 'cluster-2',
  workingGroupName: 'Ukraine Working Group',
  parties: [party('org-1', 'Example Centre'), party('org-4', 'Memorial Archive')],
  arrangement: { ...ARRANGEMENT, clusterId: 'cluster-2', status: 'open', inForce: null },
  unreadMessages: 0,
};

export function clustersServer({
  viewer = ORG_ADMIN_VIEWER,
  cluster = CLUSTER,
  handlers = {},
}: { viewer?: FakeViewer; cluster?: typeof CLUSTER; handlers?: Record<string, Handler> } = {}) {
  return fakeServer({
    viewer,
    handlers: {
      MyClusters: (v) => {
        const status = v['status'] as string[] | null;
        const nodes = [CLUSTER, OPEN_CLUSTER].filter(
          (c) => !status || status.includes(c.arrangement.status),
        );
        return { data: { myClusters: listPage(nodes) } };
      },
      Cluster: (v) =>
        v['id'] === cluster.id
          ? { data: { cluster } }
          : { data: null, errors: [{ message: 'NOT_FOUND', extensions: { code: 'NOT_FOUND' } }] },
      MarkClusterMessagesRead: () => ({ data: { markClusterMessagesRead: 2 } }),
      ...handlers,
    },
  });
}

/** A coordinator of group-1 (a secretariat's user, member of no group). */
export const COORDINATOR_VIEWER = {
  ...ORG_ADMIN_VIEWER,
  user: { ...ORG_ADMIN_VIEWER.user, id: 'coord-1', organisationId: 'org-9' },
  organisation: { ...ORG_ADMIN_VIEWER.organisation, id: 'org-9', kind: 'secretariat' },
  actor: {
    ...ORG_ADMIN_VIEWER.actor,
    userId: 'coord-1',
    organisationId: 'org-9',
    organisationKind: 'secretariat',
    coordinatorOf: ['group-1'],
    memberOf: [],
  },
} as FakeViewer;
