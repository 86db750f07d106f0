import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { expect } from 'vitest';
import { fakeServer, ORG_ADMIN_VIEWER, type FakeViewer } from '../../test/fake-server';

// The overlaps inbox's fake hub and helpers, shared by its two spec files.

export const base = {
  __typename: 'Overlap',
  workingGroupId: 'group-1',
  contactRequestedByMe: false,
  revealed: false,
  otherOrganisation: null,
  myVerdict: null,
  myReason: null,
  createdAt: '2025-03-01T10:00:00Z',
  retractedAt: null,
  counterpartChange: null,
  clusterId: null,
};
export const ref = (id: string, reference: string) => ({ __typename: 'OwnCaseRef', id, reference });

export const OVERLAPS = [
  {
    ...base,
    id: 'o-new',
    myCase: ref('c1', 'SYR-001'),
    strength: 'probable',
    matchedKinds: ['name.pair', 'name.pair+yob'],
    contactStatus: 'none',
  },
  {
    ...base,
    id: 'o-asked',
    myCase: ref('c2', 'SYR-002'),
    strength: 'strong',
    matchedKinds: ['id.passport', 'name.full+dob'],
    contactStatus: 'requested',
  },
  {
    ...base,
    id: 'o-revealed',
    myCase: ref('c3', 'SYR-003'),
    strength: 'possible',
    matchedKinds: ['handle.telegram'],
    contactStatus: 'accepted',
    contactRequestedByMe: true,
    revealed: true,
    otherOrganisation: { __typename: 'Organisation', id: 'org-2', name: 'Justice Archive' },
    myVerdict: 'confirmed',
    clusterId: 'cluster-1',
  },
  {
    ...base,
    id: 'o-retracted',
    myCase: ref('c4', 'SYR-004'),
    strength: 'probable',
    matchedKinds: ['name.full'],
    contactStatus: 'none',
    retractedAt: '2025-03-02T10:00:00Z',
    counterpartChange: {
      __typename: 'CounterpartChange',
      kind: 'changed',
      at: '2025-03-02T09:59:00Z',
    },
  },
];

/** The page is loaded lazily: on a busy machine the first render takes a while. */
export const SLOW = { timeout: 10_000 };

export const group = (caseId: string, reference: string, extra: Record<string, unknown> = {}) => ({
  __typename: 'OverlapGroup',
  myCase: ref(caseId, reference),
  total: 1,
  byStrength: { __typename: 'StrengthCounts', strong: 0, probable: 1, possible: 0 },
  needsAnswer: 1,
  newestAt: '2025-03-01T10:00:00Z',
  clusterKey: caseId,
  clusterNumber: null,
  clusterSize: 1,
  ...extra,
});

export const GROUPS = [
  group('c1', 'SYR-001', { clusterKey: 'c1', clusterNumber: 1, clusterSize: 2 }),
  group('c2', 'SYR-002', {
    clusterKey: 'c1',
    clusterNumber: 1,
    clusterSize: 2,
    byStrength: { __typename: 'StrengthCounts', strong: 1, probable: 0, possible: 0 },
  }),
  group('c3', 'SYR-003', { needsAnswer: 0 }),
  group('c4', 'SYR-004', { needsAnswer: 0 }),
];

export const page = (
  nodes: unknown[],
  totalCount: number,
  endCursor: string | null,
  hasNextPage: boolean,
) => ({
  __typename: 'OverlapGroupPage',
  nodes,
  totalCount,
  pageInfo: { __typename: 'PageInfo', endCursor, hasNextPage },
});

export function inboxServer(viewer: FakeViewer = ORG_ADMIN_VIEWER, groups = GROUPS) {
  return fakeServer({
    viewer,
    handlers: {
      OverlapGroups: () => ({
        data: {
          overlapTotal: { __typename: 'OverlapPage', totalCount: OVERLAPS.length },
          overlapGroups: page(groups, groups.length, 'g-end', false),
        },
      }),
      OverlapList: (v) => {
        const nodes = OVERLAPS.filter((o) => o.myCase.id === v['caseId']);
        return {
          data: {
            overlaps: {
              __typename: 'OverlapPage',
              nodes,
              totalCount: nodes.length,
              pageInfo: { __typename: 'PageInfo', endCursor: 'o-end', hasNextPage: false },
            },
          },
        };
      },
      SetOverlapVerdict: (v) => ({
        data: {
          setOverlapVerdict: {
            ...OVERLAPS[0],
            myVerdict: v['verdict'],
            myReason: v['reason'] ?? null,
          },
        },
      }),
      RequestContact: () => ({
        data: {
          requestContact: {
            ...OVERLAPS[0],
            contactStatus: 'requested',
            contactRequestedByMe: true,
          },
        },
      }),
      RespondToContact: (v) => ({
        data: {
          respondToContact: {
            ...OVERLAPS[1],
            contactStatus: v['accept'] ? 'accepted' : 'declined',
          },
        },
      }),
    },
  });
}

export const card = (id: string) =>
  screen
    .getAllByTestId('overlap')
    .find((c) => c.getAttribute('data-overlap-id') === id) as HTMLElement;
export const buttons = (id: string) =>
  within(card(id))
    .queryAllByRole('button')
    .map((b) => b.textContent);
export const groupOf = (caseId: string) =>
  screen
    .getAllByTestId('overlap-group')
    .find((g) => g.getAttribute('data-case-id') === caseId) as HTMLElement;

/** Opens the groups of `caseIds` (all by default) and waits for their overlaps. */
export async function expandAll(caseIds = ['c1', 'c2', 'c3', 'c4']) {
  await screen.findAllByTestId('overlap-group-toggle', {}, SLOW);
  for (const id of caseIds)
    fireEvent.click(within(groupOf(id)).getByTestId('overlap-group-toggle'));
  await waitFor(() => expect(screen.getAllByTestId('overlap')).toHaveLength(caseIds.length), SLOW);
}
export const groupCalls = (server: ReturnType<typeof inboxServer>) =>
  server.calls.filter((c) => c.operationName === 'OverlapGroups');
export const NO_FILTER = {
  strengths: null,
  verdicts: null,
  statuses: null,
  createdFrom: null,
  createdTo: null,
  search: null,
};
