import Papa from 'papaparse';
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SAHEL, SYRIA } from '../../features/metrics/metrics-test-fixtures';
import { renderApp } from '../../test/render-app';
import { SLOW, metricsServer } from './metrics-page-fixtures';

const tableRows = (table: HTMLElement) =>
  within(table)
    .getAllByTestId('metrics-table-row')
    .map((row) => Array.from(row.querySelectorAll('td')).map((td) => td.textContent));

async function openCasesTable(groupId: string) {
  const group = await screen.findByTestId(`metrics-group-${groupId}`, {}, SLOW);
  const chart = within(group).getByTestId('metrics-chart-cases');
  fireEvent.click(within(chart).getByTestId('metrics-table-toggle'));
  return within(chart).getByTestId('metrics-table');
}

describe('the donor metrics dashboard', { timeout: 40_000 }, () => {
  afterEach(() => vi.restoreAllMocks());

  it('shows a line chart per funded group, named and described for assistive technology', async () => {
    await renderApp({ path: '/metrics', server: metricsServer() });
    await screen.findByTestId('metrics-dashboard', {}, SLOW);
    for (const group of [SYRIA, SAHEL]) {
      const section = screen.getByTestId(`metrics-group-${group.workingGroupId}`);
      expect(within(section).getByRole('heading', { level: 2 }).textContent).toBe(
        group.workingGroupName,
      );
      const chart = within(section).getByTestId('metrics-chart-cases');
      expect(within(section).getByRole('figure', { name: 'Cases and overlaps' })).toBe(chart);
      expect(within(section).getByTestId('metrics-chart-outcomes')).toBeTruthy();
    }
  });

  it('shows the same numbers in the table view, a suppressed one as "—" with a legend', async () => {
    await renderApp({ path: '/metrics', server: metricsServer() });
    const table = await openCasesTable('group-1');
    expect(tableRows(table)).toEqual([
      ['Aug 2026', '1,234', '40'],
      ['Sep 2026', '1,250', '—'],
    ]);
    expect(screen.getByTestId('metrics-suppressed-legend').textContent).toBe(
      '—suppressed to protect small numbers (a gap in a chart)',
    );
    // And back to the chart.
    const chart = within(screen.getByTestId('metrics-group-group-1')).getByTestId(
      'metrics-chart-cases',
    );
    fireEvent.click(within(chart).getByTestId('metrics-table-toggle'));
    expect(within(chart).queryByTestId('metrics-table')).toBeNull();
  });

  it('renders the bar chart table with every suppressed cell as "—", never 0', async () => {
    await renderApp({ path: '/metrics', server: metricsServer() });
    const section = await screen.findByTestId('metrics-group-group-2', {}, SLOW);
    const chart = within(section).getByTestId('metrics-chart-outcomes');
    fireEvent.click(within(chart).getByTestId('metrics-table-toggle'));
    expect(tableRows(within(chart).getByTestId('metrics-table'))).toEqual([
      ['Sep 2026', '—', '—', '—'],
    ]);
  });

  it('reads in Arabic with Arabic-Indic digits, the time axis reversed and values on the right', async () => {
    await renderApp({ locale: 'ar', path: '/metrics', server: metricsServer() });
    const table = await openCasesTable('group-1');
    expect(document.documentElement.dir).toBe('rtl');
    const [first] = tableRows(table);
    expect(first?.[1]).toBe('١٬٢٣٤');
    expect(first?.[2]).toBe('٤٠');
    expect(first?.[0]).toMatch(/٢٠٢٦/);
    const chart = within(screen.getByTestId('metrics-group-group-2')).getByTestId(
      'metrics-chart-cases',
    );
    const figure = within(chart).getByTestId('metrics-chart-plot');
    expect(figure.getAttribute('data-x-axis')).toBe('reversed');
    expect(figure.getAttribute('data-y-axis')).toBe('right');
    expect(screen.getByTestId('metrics-protection').textContent).toContain('١٢');
  });

  it('draws the axes left to right in English', async () => {
    await renderApp({ path: '/metrics', server: metricsServer() });
    const section = await screen.findByTestId('metrics-group-group-1', {}, SLOW);
    const figure = within(within(section).getByTestId('metrics-chart-cases')).getByTestId(
      'metrics-chart-plot',
    );
    expect(figure.getAttribute('data-x-axis')).toBe('forward');
    expect(figure.getAttribute('data-y-axis')).toBe('left');
  });

  it('explains the protection with the parameters in force', async () => {
    await renderApp({ path: '/metrics', server: metricsServer() });
    const explainer = await screen.findByTestId('metrics-protection', {}, SLOW);
    const text = explainer.textContent ?? '';
    expect(text).toContain('ε (epsilon) = 1 per monthly release');
    expect(text).toContain('at most ε = 12 in a calendar year');
    expect(text).toContain('below 10, or based on fewer than 3 organisations');
    expect(text).toContain('rounded to the nearest 5');
    expect(explainer.querySelector('a')).toBeNull();
  });

  it('exports every published cell as CSV with the HXL row', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:metrics';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const click = vi
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => undefined);
    await renderApp({ path: '/metrics', server: metricsServer() });
    fireEvent.click(await screen.findByTestId('metrics-export-csv', {}, SLOW));
    const link = click.mock.instances[0] as unknown as HTMLAnchorElement;
    expect(link.download).toMatch(/^parallax-metrics-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = Papa.parse<string[]>(
      (await blobs[0]?.text())?.replace(/^\uFEFF/, '').trim() ?? '',
    ).data;
    expect(rows[1]?.[0]).toBe('#date+month');
    expect(rows).toHaveLength(2 + 5 + 5 + 5);
  });

  it('links each group to its one-page report', async () => {
    await renderApp({ path: '/metrics', server: metricsServer() });
    const section = await screen.findByTestId('metrics-group-group-2', {}, SLOW);
    expect(within(section).getByTestId('metrics-report-link').getAttribute('href')).toBe(
      '/metrics/report/group-2',
    );
  });

  it('says so when no group has granted its numbers yet', async () => {
    await renderApp({ path: '/metrics', server: metricsServer([]) });
    expect((await screen.findByTestId('metrics-no-groups', {}, SLOW)).textContent).toBe(
      'No working group has granted you its numbers yet.',
    );
    expect(screen.queryByTestId('metrics-export-csv')).toBeNull();
  });
});

describe('the printable report', { timeout: 40_000 }, () => {
  afterEach(() => vi.restoreAllMocks());

  it('shows the latest numbers on one page and prints', async () => {
    // happy-dom has no print dialog to open.
    const print = vi.fn();
    window.print = print;
    await renderApp({ path: '/metrics/report/group-1', server: metricsServer() });
    const report = await screen.findByTestId('metrics-report', {}, SLOW);
    expect(within(report).getByRole('heading', { level: 1 }).textContent).toBe('Syria group');
    const value = (id: string) =>
      within(report).getByTestId(`metrics-report-${id}`).querySelector('[data-column="value"]')
        ?.textContent;
    expect(value('cases_active')).toBe('1,250');
    expect(value('referrals_made')).toBe('—');
    fireEvent.click(within(report).getByTestId('metrics-print'));
    expect(print).toHaveBeenCalledOnce();
  });

  it('answers "not found" for a group the viewer does not fund', async () => {
    await renderApp({ path: '/metrics/report/group-9', server: metricsServer() });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Page not found' }, SLOW),
    ).toBeTruthy();
  });
});
