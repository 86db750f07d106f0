import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeServer, graphqlError } from '../../test/fake-server';
import { renderApp } from '../../test/render-app';
import { COORDINATOR } from './fixtures';

const SLOW = { timeout: 10_000 };

const party = (
  organisationId: string,
  organisationName: string,
  role: string | null,
  leftAt: string | null = null,
) => ({
  __typename: 'ClusterParty',
  organisationId,
  organisationName,
  leftAt,
  role,
});

const event = (id: string, kind: string, at: string) => ({
  __typename: 'ArrangementEvent',
  id,
  kind,
  at,
});

function escalated(
  id: string,
  status: string,
  extra: { reason?: string; escalatedAt?: string; reopenRequestedBy?: string; history?: unknown[] },
  parties = [party('a', 'Documentation Centre', null), party('b', 'Justice Archive', null)],
) {
  return {
    __typename: 'Cluster',
    id,
    workingGroupId: 'group-1',
    createdAt: '2026-10-01T08:00:00Z',
    parties,
    arrangement: {
      __typename: 'LeadArrangement',
      clusterId: id,
      version: 4,
      status,
      escalationReason: extra.reason ?? null,
      escalatedAt: extra.escalatedAt ?? null,
      reopenRequestedBy: extra.reopenRequestedBy ?? null,
      history: extra.history ?? [],
    },
  };
}

const CLUSTERS = [
  escalated('k-new', 'escalated', {
    reason: 'rejected_twice',
    escalatedAt: '2026-11-20T10:00:00Z',
  }),
  escalated('k-old', 'escalated', { reason: 'deadline', escalatedAt: '2026-11-02T10:00:00Z' }),
  escalated(
    'k-reopen',
    'reopen_requested',
    {
      reopenRequestedBy: 'b',
      history: [
        event('e1', 'decided', '2026-11-01T10:00:00Z'),
        event('e2', 'reopen_requested', '2026-11-10T10:00:00Z'),
      ],
    },
    [
      party('a', 'Documentation Centre', 'lead'),
      party('b', 'Justice Archive', 'supporting'),
      party('c', 'Rights Watch', 'observer', '2026-11-05T00:00:00Z'),
    ],
  ),
];

describe('the coordinators’ escalations', () => {
  it('lists what waits on them, longest first, with reason, requester, date and parties', async () => {
    const server = fakeServer({
      viewer: COORDINATOR,
      handlers: { ClusterEscalations: () => ({ data: { clusterEscalations: CLUSTERS } }) },
    });
    await renderApp({ path: '/coordination/group-1/escalations', server });
    const cards = await screen.findAllByTestId('escalation', {}, SLOW);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Escalations');
    expect(cards.map((c) => c.getAttribute('data-status'))).toEqual([
      'escalated',
      'reopen_requested',
      'escalated',
    ]);
    const [old, reopen, recent] = cards as [HTMLElement, HTMLElement, HTMLElement];
    expect(within(old).getByRole('heading').textContent).toBe(
      'Cluster of Documentation Centre and Justice Archive',
    );
    expect(within(old).getByTestId('escalation-reason').textContent).toBe(
      'The proposal’s deadline passed before every party answered.',
    );
    expect(within(old).getByTestId('escalation-since').textContent).toContain('Nov 2, 2026');
    expect(within(recent).getByTestId('escalation-reason').textContent).toBe(
      'Proposals were rejected twice.',
    );

    expect(within(reopen).getByTestId('escalation-reason').textContent).toBe(
      'Justice Archive asks to reopen the coordinators’ decision.',
    );
    expect(within(reopen).getByTestId('escalation-since').textContent).toContain('Nov 10, 2026');
    // The party that left is not listed; the others with their role in force.
    const rows = within(reopen).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      'Documentation CentreLead',
      'Justice ArchiveSupporting',
    ]);
    expect(within(reopen).getByRole('link').getAttribute('href')).toBe('/clusters/k-reopen');
    expect(server.calls.find((c) => c.operationName === 'ClusterEscalations')?.variables).toEqual({
      workingGroupId: 'group-1',
    });
  });

  it('says when nothing waits', async () => {
    const server = fakeServer({
      viewer: COORDINATOR,
      handlers: { ClusterEscalations: () => ({ data: { clusterEscalations: [] } }) },
    });
    await renderApp({ path: '/coordination/group-1/escalations', server });
    expect((await screen.findByTestId('escalations-none', {}, SLOW)).textContent).toBe(
      'Nothing waits for the coordinators.',
    );
  });

  it('shows "not found" to someone who does not coordinate the group', async () => {
    const server = fakeServer({
      handlers: { ClusterEscalations: () => graphqlError('NOT_FOUND') },
    });
    await renderApp({ path: '/coordination/group-1/escalations', server });
    expect(await screen.findByTestId('not-found', {}, SLOW)).toBeTruthy();
    expect(screen.queryByTestId('escalation')).toBeNull();
  });

  it('reads right to left in Arabic', async () => {
    const server = fakeServer({
      viewer: COORDINATOR,
      handlers: { ClusterEscalations: () => ({ data: { clusterEscalations: CLUSTERS } }) },
    });
    await renderApp({ locale: 'ar', path: '/coordination/group-1/escalations', server });
    const cards = await screen.findAllByTestId('escalation', {}, SLOW);
    expect(document.documentElement.dir).toBe('rtl');
    expect(within(cards[0] as HTMLElement).getByTestId('escalation-reason').textContent).toBe(
      'انقضت مهلة الاقتراح قبل أن تجيب جميع الأطراف.',
    );
  });
});
