import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ORG_ADMIN_VIEWER, type FakeViewer } from '../../test/fake-server';
import { renderApp } from '../../test/render-app';
import { card, expandAll, inboxServer } from '../overlaps/overlaps-test-fixtures';
import { COORDINATOR_VIEWER, SLOW, clustersServer } from './clusters-test-fixtures';

const rows = () => screen.getAllByTestId('cluster-row');
const cell = (row: HTMLElement, column: string) =>
  row.querySelector(`[data-column="${column}"]`)?.textContent;

describe('the clusters list', { timeout: 30_000 }, () => {
  it('lists my clusters with parties, lead in force, status and unread messages', async () => {
    await renderApp({ path: '/clusters', server: clustersServer() });
    await screen.findAllByTestId('cluster-row', {}, SLOW);
    const [agreed, open] = rows() as [HTMLElement, HTMLElement];
    expect(cell(agreed, 'parties')).toBe(
      'Example Centre, Justice Archive, and Rights Watch (left)',
    );
    expect(cell(agreed, 'lead')).toBe('Example Centre');
    expect(cell(agreed, 'status')).toBe('Agreed');
    expect(cell(agreed, 'unread')).toBe('2 unread');
    expect(cell(open, 'lead')).toBe('—');
    expect(cell(open, 'status')).toBe('Open: no lead agreed');
    expect(cell(open, 'unread')).toBe('0');
    expect(within(agreed).getByTestId('cluster-link').getAttribute('href')).toBe(
      '/clusters/cluster-1',
    );
    expect(screen.getByTestId('clusters-footer-count').textContent).toBe('Showing 2 of 2');
  });

  it('filters by arrangement status, in the URL and the query', async () => {
    const server = clustersServer();
    const { router } = await renderApp({ path: '/clusters', server });
    await screen.findAllByTestId('cluster-row', {}, SLOW);
    fireEvent.change(screen.getByTestId('clusters-filter-status'), { target: { value: 'open' } });
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(rows()[0]?.getAttribute('data-status')).toBe('open');
    expect(router.state.location.search).toBe('?status=open');
    expect(server.calls.filter((c) => c.operationName === 'MyClusters').at(-1)?.variables).toEqual({
      status: ['open'],
      first: 50,
      after: null,
    });
    fireEvent.change(screen.getByTestId('clusters-filter-status'), {
      target: { value: 'escalated' },
    });
    expect((await screen.findByTestId('clusters-table-empty', {}, SLOW)).textContent).toBe(
      'No cluster has this arrangement status.',
    );
  });

  it('shows the navigation item to members only', async () => {
    await renderApp({ path: '/', server: clustersServer() });
    expect(await screen.findByRole('link', { name: 'Clusters' }, SLOW)).toBeTruthy();
  });

  it('hides the navigation item from a coordinator with no membership', async () => {
    await renderApp({ path: '/', server: clustersServer({ viewer: COORDINATOR_VIEWER }) });
    await screen.findByRole('link', { name: 'Working groups' }, SLOW);
    expect(screen.queryByRole('link', { name: 'Clusters' })).toBeNull();
  });

  it('reads in Arabic, right to left', async () => {
    const viewer = { ...ORG_ADMIN_VIEWER } as FakeViewer;
    await renderApp({ locale: 'ar', path: '/clusters', server: clustersServer({ viewer }) });
    await screen.findAllByTestId('cluster-row', {}, SLOW);
    expect(document.documentElement.dir).toBe('rtl');
    const [agreed] = rows() as [HTMLElement];
    expect(cell(agreed, 'status')).toBe('متفق عليه');
    expect(cell(agreed, 'unread')).toBe('رسالتان غير مقروءتين');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('المجموعات');
  });

  it('links a revealed overlap to its cluster, and says accepting joins the cluster', async () => {
    await renderApp({ path: '/overlaps', server: inboxServer() });
    await expandAll(['c2', 'c3']);
    const link = within(card('o-revealed')).getByTestId('overlap-open-coordination');
    expect(link.textContent).toBe('Open coordination');
    expect(link.getAttribute('href')).toBe('/clusters/cluster-1');
    expect(within(card('o-asked')).queryByTestId('overlap-open-coordination')).toBeNull();
    fireEvent.click(within(card('o-asked')).getByRole('button', { name: 'Accept contact' }));
    const dialog = await screen.findByRole('dialog', { name: 'Accept contact?' }, SLOW);
    expect(dialog.textContent).toMatch(/all its parties see your organisation’s name/);
  });
});
