import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeServer } from '../../test/fake-server';
import { renderApp } from '../../test/render-app';
import { COORDINATOR, WORKING_GROUP, picture, summary } from './fixtures';

// The first render of a page loads its lazy chunk: slow on a busy machine.
const SLOW = { timeout: 20_000 };

/** Five clusters, one per lead state the filters tell apart. */
const CLUSTERS = [
  summary(1, 'none', null),
  summary(2, 'escalated', 'k-2'),
  summary(3, 'agreed', 'k-3', 2),
  summary(4, 'decided', 'k-4'),
  summary(5, 'reopen_requested', 'k-5'),
  summary(6, 'proposed', 'k-6'),
];

function server() {
  return fakeServer({
    viewer: COORDINATOR,
    handlers: {
      CoordinatorPicture: () => ({ data: { coordinatorPicture: picture(CLUSTERS) } }),
      WorkingGroupDetail: () => ({ data: { workingGroup: WORKING_GROUP } }),
    },
  });
}

// Plain selectors, not role queries: the dashboard is a large DOM and role queries are slow.
const shownIndexes = () =>
  screen
    .getAllByTestId('dashboard-cluster')
    .map((row) => row.querySelector('[data-column="cluster"]')?.textContent);

const chip = (value: string) =>
  screen
    .getByTestId('dashboard-filter')
    .querySelector(`input[value="${value}"]`) as HTMLInputElement;

const leadColumn = () =>
  screen
    .getAllByTestId('dashboard-cluster')
    .map((row) => row.querySelector('[data-column="lead"]')?.textContent);

describe('the dashboard’s cluster filters', { timeout: 40_000 }, () => {
  it('words each lead status and links revealed clusters to their page', async () => {
    await renderApp({ path: '/working-groups/group-1/dashboard', server: server() });
    await screen.findAllByTestId('dashboard-cluster', {}, SLOW);
    expect(leadColumn()).toEqual([
      'Not agreed yet',
      'Escalated',
      'Agreed',
      'Decided by the coordinators',
      'Reopening requested',
      'Proposal pending',
    ]);
    const links = screen.getAllByTestId('dashboard-cluster-link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      '/clusters/k-2',
      '/clusters/k-3',
      '/clusters/k-4',
      '/clusters/k-5',
      '/clusters/k-6',
    ]);
    expect(links[0]?.getAttribute('aria-label')).toBe('Open cluster 2');
    // Not revealed yet: no page to open.
    expect(
      within(screen.getAllByTestId('dashboard-cluster')[0] as HTMLElement).queryByRole('link'),
    ).toBeNull();
  });

  it('filters by lead state and keeps the filter in the URL', async () => {
    const { router } = await renderApp({
      path: '/working-groups/group-1/dashboard',
      server: server(),
    });
    await screen.findAllByTestId('dashboard-cluster', {}, SLOW);
    const filter = screen.getByTestId('dashboard-filter');
    expect(filter.getAttribute('role')).toBe('group');
    expect(document.getElementById(filter.getAttribute('aria-labelledby') ?? '')?.textContent).toBe(
      'Show clusters',
    );
    expect(chip('escalated').closest('div')?.textContent).toBe('Escalated2');
    const counts = within(filter)
      .getAllByTestId('dashboard-filter-count')
      .map((c) => c.textContent);
    expect(counts).toEqual(['6', '1', '2', '2', '1']);

    fireEvent.click(chip('escalated'));
    await waitFor(() => expect(shownIndexes()).toEqual(['2', '5']));
    expect(router.state.location.search).toBe('?lead=escalated');

    fireEvent.click(chip('agreed'));
    await waitFor(() => expect(shownIndexes()).toEqual(['3', '4']));
    expect(router.state.location.search).toBe('?lead=agreed');

    fireEvent.click(chip('referred'));
    await waitFor(() => expect(shownIndexes()).toEqual(['3']));

    fireEvent.click(chip('no_lead'));
    await waitFor(() => expect(shownIndexes()).toEqual(['1']));

    fireEvent.click(chip('all'));
    await waitFor(() => expect(shownIndexes()).toHaveLength(6));
    expect(router.state.location.search).toBe('');
  });

  it('opens with the filter of a shared link, and ignores an unknown one', async () => {
    await renderApp({ path: '/working-groups/group-1/dashboard?lead=referred', server: server() });
    await screen.findAllByTestId('dashboard-cluster', {}, SLOW);
    expect(shownIndexes()).toEqual(['3']);
    expect(chip('referred').checked).toBe(true);
  });

  it('shows all clusters for an unknown filter value', async () => {
    await renderApp({ path: '/working-groups/group-1/dashboard?lead=bogus', server: server() });
    await screen.findAllByTestId('dashboard-cluster', {}, SLOW);
    expect(shownIndexes()).toHaveLength(6);
  });

  it('says when no cluster matches, and points to the waiting escalations', async () => {
    const only = fakeServer({
      viewer: COORDINATOR,
      handlers: {
        CoordinatorPicture: () => ({
          data: { coordinatorPicture: picture([summary(1, 'escalated', 'k-1')]) },
        }),
        WorkingGroupDetail: () => ({ data: { workingGroup: WORKING_GROUP } }),
      },
    });
    await renderApp({ path: '/working-groups/group-1/dashboard?lead=referred', server: only });
    expect((await screen.findByTestId('dashboard-no-clusters', {}, SLOW)).textContent).toBe(
      'No cluster matches this filter.',
    );
    const pointer = screen.getByTestId('dashboard-escalations');
    expect(pointer.textContent).toContain('1 cluster waits for the coordinators');
    expect(within(pointer).getByRole('link').getAttribute('href')).toBe(
      '/coordination/group-1/escalations',
    );
  });
});
