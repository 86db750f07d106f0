import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeServer } from '../../test/fake-server';
import { renderApp } from '../../test/render-app';
import { shadeOf } from '../../features/coordination/utils/shades';
import { COORDINATOR, WORKING_GROUP } from './fixtures';

const PICTURE = {
  __typename: 'CoordinatorPicture',
  workingGroupId: 'group-1',
  organisations: [
    { __typename: 'MatrixOrganisation', id: 'a', name: 'Documentation Centre', cases: 12 },
    { __typename: 'MatrixOrganisation', id: 'b', name: 'Justice Archive', cases: 7 },
    { __typename: 'MatrixOrganisation', id: 'c', name: 'Rights Watch', cases: 3 },
  ],
  clusters: [
    {
      __typename: 'ClusterSummary',
      index: 1,
      organisationCount: 2,
      organisationIds: ['a', 'b'],
      caseCount: 2,
      strongest: 'probable',
      unresolvedOverlaps: 1,
      oldestUnresolvedDays: 12,
      leadStatus: 'none',
      clusterId: null,
      referrals: 0,
    },
  ],
  matrix: [{ __typename: 'MatrixCell', a: 'a', b: 'b', overlaps: 1 }],
  ageing: [
    { __typename: 'AgeingBucket', bucket: 'under_7_days', count: 0 },
    { __typename: 'AgeingBucket', bucket: '7_to_30_days', count: 1 },
    { __typename: 'AgeingBucket', bucket: 'over_30_days', count: 0 },
  ],
};

describe('the coordinator dashboard', () => {
  it('shows clusters, the organisation matrix as an accessible table, and ageing', async () => {
    const server = fakeServer({
      viewer: COORDINATOR,
      handlers: {
        CoordinatorPicture: () => ({ data: { coordinatorPicture: PICTURE } }),
        WorkingGroupDetail: () => ({ data: { workingGroup: WORKING_GROUP } }),
      },
    });
    await renderApp({ path: '/working-groups/group-1/dashboard', server });
    const cluster = await screen.findByTestId('dashboard-cluster', {}, { timeout: 10_000 });
    expect(
      within(cluster)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual([
      '1',
      '2Documentation Centre, Justice Archive',
      '2',
      'Probable',
      '1',
      '12 days',
      'Not agreed yet',
      '0',
    ]);

    const matrix = screen.getByTestId('overlap-matrix');
    expect(
      within(matrix)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Documentation Centre', 'Justice Archive', 'Rights Watch']);
    const rowOf = (name: string) =>
      within(matrix)
        .getAllByRole('row')
        .find((r) =>
          within(r).queryByRole('rowheader')?.textContent?.startsWith(name),
        ) as HTMLElement;
    expect(
      within(rowOf('Documentation Centre'))
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['—Same organisation', '1', '0']);
    expect(within(rowOf('Justice Archive')).getAllByRole('cell')[0]?.textContent).toBe('1');
    expect(screen.getByTestId('ageing').textContent).toContain('7 to 30 days1');
    // Aggregates only: the page never had a case reference to show.
    expect(server.calls.find((c) => c.operationName === 'CoordinatorPicture')?.variables).toEqual({
      workingGroupId: 'group-1',
    });
  });

  it('shades heat-map cells by their share of the busiest pair', () => {
    expect(shadeOf(0, 4)).toBeNull();
    expect(shadeOf(1, 4)?.background).toContain('blue-1');
    expect(shadeOf(4, 4)?.background).toContain('blue-9');
    expect(shadeOf(4, 4)?.color).toContain('white');
  });
});
