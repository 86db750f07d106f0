import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeServer, ORG_ADMIN_VIEWER } from '../../test/fake-server';
import { renderApp } from '../../test/render-app';
import {
  SLOW,
  groupOf,
  groupCalls,
  NO_FILTER,
  inboxServer,
  GROUPS,
  page,
} from './overlaps-test-fixtures';

// Several steps each, on a machine shared with other test runs.
describe('the overlaps inbox at any size', { timeout: 30_000 }, () => {
  it('groups overlaps by our case, marks clusters, and says exactly how many there are', async () => {
    const server = inboxServer();
    await renderApp({ path: '/overlaps', server });
    expect((await screen.findByTestId('overlaps-total', {}, SLOW)).textContent).toBe(
      '4 overlaps on 4 of your cases',
    );
    expect(screen.getByTestId('overlaps-footer-count').textContent).toBe('Showing 4 of 4');
    expect(groupCalls(server)[0]?.variables).toEqual({ ...NO_FILTER, first: 25, after: null });
    const c1 = groupOf('c1');
    expect(within(c1).getByTestId('overlap-group-cluster').textContent).toBe('Cluster 1 · 2 cases');
    expect(within(c1).getByTestId('overlap-group-cluster-hint').textContent).toMatch(
      /^1 other case of yours overlaps the same case of another organisation/,
    );
    expect(within(groupOf('c2')).getByTestId('overlap-group-counts').textContent).toBe(
      '1 overlap: 1 strong, 0 probable, 0 possible',
    );
    expect(within(c1).getByTestId('overlap-group-pending').textContent).toBe(
      '1 awaits your answer',
    );
    expect(within(groupOf('c3')).queryByTestId('overlap-group-cluster')).toBeNull();
    expect(within(groupOf('c3')).queryByTestId('overlap-group-pending')).toBeNull();
    // Nothing of the overlaps themselves until a case is opened.
    expect(screen.queryByTestId('overlap')).toBeNull();
    fireEvent.click(within(c1).getByTestId('overlap-group-toggle'));
    await within(c1).findByTestId('overlap');
    expect(server.calls.find((c) => c.operationName === 'OverlapList')?.variables).toEqual({
      ...NO_FILTER,
      caseId: 'c1',
      first: 20,
      after: null,
    });
  });

  it('reads the next page of cases on "Show more", keeping the rows shown', async () => {
    const server = fakeServer({
      handlers: {
        OverlapGroups: (v) => ({
          data: {
            overlapTotal: { __typename: 'OverlapPage', totalCount: 1234 },
            overlapGroups:
              v['after'] === null
                ? page(GROUPS.slice(0, 2), 3, 'cursor-2', true)
                : page(GROUPS.slice(2, 3), 3, 'cursor-3', false),
          },
        }),
      },
    });
    await renderApp({ path: '/overlaps', server });
    expect((await screen.findByTestId('overlaps-total', {}, SLOW)).textContent).toBe(
      '1,234 overlaps on 3 of your cases',
    );
    expect(screen.getByTestId('overlaps-footer-count').textContent).toBe('Showing 2 of 3');
    fireEvent.click(screen.getByTestId('overlaps-footer-more'));
    await waitFor(() => expect(screen.getAllByTestId('overlap-group')).toHaveLength(3));
    expect(screen.getByTestId('overlaps-footer-count').textContent).toBe('Showing 3 of 3');
    expect(screen.queryByTestId('overlaps-footer-more')).toBeNull();
    expect(groupCalls(server).at(-1)?.variables).toMatchObject({ after: 'cursor-2', first: 25 });
  });

  it('keeps the filters in the URL: read on load, changed by the controls, cleared', async () => {
    const server = inboxServer();
    const { router } = await renderApp({
      path: '/overlaps?strength=strong&strength=bogus&status=open&from=2025-01-01&q=SYR',
      server,
    });
    await screen.findAllByTestId('overlap-group', {}, SLOW);
    expect(groupCalls(server)[0]?.variables).toEqual({
      ...NO_FILTER,
      strengths: ['strong'],
      statuses: ['open'],
      createdFrom: '2025-01-01',
      search: 'SYR',
      first: 25,
      after: null,
    });
    expect(screen.getByRole('checkbox', { name: 'Strong' })).toHaveProperty('checked', true);
    expect((screen.getByTestId('overlaps-search') as HTMLInputElement).value).toBe('SYR');

    fireEvent.click(screen.getByRole('checkbox', { name: 'Not given yet' }));
    await waitFor(() => expect(groupCalls(server).at(-1)?.variables['verdicts']).toEqual(['none']));
    expect(new URLSearchParams(router.state.location.search).getAll('verdict')).toEqual(['none']);

    fireEvent.change(screen.getByTestId('overlaps-search'), { target: { value: ' SYR-00 ' } });
    await waitFor(() =>
      expect(new URLSearchParams(router.state.location.search).get('q')).toBe('SYR-00'),
    );
    await waitFor(() => expect(groupCalls(server).at(-1)?.variables['search']).toBe('SYR-00'));

    // An opened case lists its overlaps under the same filters.
    fireEvent.click(within(groupOf('c1')).getByTestId('overlap-group-toggle'));
    await waitFor(() =>
      expect(server.calls.find((c) => c.operationName === 'OverlapList')?.variables).toMatchObject({
        caseId: 'c1',
        strengths: ['strong'],
        verdicts: ['none'],
        search: 'SYR-00',
      }),
    );

    fireEvent.click(screen.getByTestId('overlaps-filter-clear'));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    await waitFor(() =>
      expect(groupCalls(server).at(-1)?.variables).toEqual({
        ...NO_FILTER,
        first: 25,
        after: null,
      }),
    );
  });

  it('says when no overlap matches the filters', async () => {
    await renderApp({
      path: '/overlaps?strength=possible',
      server: inboxServer(ORG_ADMIN_VIEWER, []),
    });
    expect((await screen.findByTestId('overlaps-empty', {}, SLOW)).textContent).toBe(
      'No overlap matches these filters.',
    );
  });
});
