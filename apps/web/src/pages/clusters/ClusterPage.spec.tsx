import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render-app';
import { CLUSTER, COORDINATOR_VIEWER, SLOW, clustersServer } from './clusters-test-fixtures';

const partyRows = () =>
  screen
    .getAllByTestId('cluster-party')
    .map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent));

describe('the cluster page', { timeout: 30_000 }, () => {
  it('shows the working group, our cases, and the parties with their role in force', async () => {
    await renderApp({ path: '/clusters/cluster-1', server: clustersServer() });
    const header = await screen.findByTestId('cluster-header', {}, SLOW);
    expect(within(header).getByRole('heading', { level: 1 }).textContent).toBe(
      'Coordination in Syria Working Group',
    );
    expect(within(header).getByTestId('cluster-access').textContent).toBe('You are a party');
    const myCase = within(header).getByRole('link', { name: 'SYR-003' });
    expect(myCase.getAttribute('href')).toBe('/cases/c3');
    const rows = partyRows();
    expect(rows.map((r) => [r[0], r[1], r[2]])).toEqual([
      ['Example Centre', 'Lead', 'Yes'],
      ['Justice Archive', 'Supporting', '—'],
      ['Rights Watch', 'Withdrawn', '—'],
    ]);
    expect(rows[2]?.[4]).toMatch(/^Left on .*2025/);
    expect(rows[0]?.[4]).toBe('—');
  });

  it('asks for the keys before opening the conversation', async () => {
    await renderApp({ path: '/clusters/cluster-1', server: clustersServer() });
    const conversation = await screen.findByTestId('conversation', {}, SLOW);
    expect(within(conversation).getByTestId('unlock-keys')).toBeTruthy();
    expect(within(conversation).queryByTestId('conversation-composer')).toBeNull();
  });

  it('tells a coordinator the conversation is private to the parties', async () => {
    const server = clustersServer({
      viewer: COORDINATOR_VIEWER,
      cluster: { ...CLUSTER, viewerAccess: 'coordinator', myCases: [] },
    });
    await renderApp({ path: '/clusters/cluster-1', server });
    const conversation = await screen.findByTestId('conversation', {}, SLOW);
    expect(within(conversation).getByTestId('conversation-private').textContent).toMatch(
      /^The conversation is private to the parties/,
    );
    expect(within(conversation).queryByTestId('unlock-keys')).toBeNull();
    expect(screen.getByTestId('cluster-access').textContent).toBe('Coordinator view');
    expect(screen.queryByTestId('cluster-my-cases')).toBeNull();
    expect(screen.getByRole('link', { name: 'Coordinator dashboard' }).getAttribute('href')).toBe(
      '/working-groups/group-1/dashboard',
    );
    expect(server.calls.some((c) => c.operationName === 'MarkClusterMessagesRead')).toBe(false);
  });

  it('answers "not found" for a cluster the hub does not show us', async () => {
    await renderApp({ path: '/clusters/someone-elses', server: clustersServer() });
    expect(await screen.findByText('Page not found', {}, SLOW)).toBeTruthy();
  });

  it('reads in Arabic, right to left', async () => {
    await renderApp({ locale: 'ar', path: '/clusters/cluster-1', server: clustersServer() });
    const header = await screen.findByTestId('cluster-header', {}, SLOW);
    expect(document.documentElement.dir).toBe('rtl');
    expect(within(header).getByRole('heading', { level: 1 }).textContent).toBe(
      'التنسيق في Syria Working Group',
    );
    expect(partyRows()[0]?.[1]).toBe('قائد');
  });
});
