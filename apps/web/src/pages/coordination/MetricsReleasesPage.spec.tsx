import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { completePastMonths } from '../../features/metrics-releases/utils/periods';
import { fakeServer, graphqlError, ORG_ADMIN_VIEWER, type Handler } from '../../test/fake-server';
import { renderApp } from '../../test/render-app';
import { COORDINATOR } from './fixtures';

const SLOW = { timeout: 10_000 };
const PATH = '/coordination/group-1/metrics';
// Periods relative to today: the picker offers complete past months only.
const [LAST_MONTH = '', MONTH_BEFORE = ''] = completePastMonths(new Date(), 2);
const YEAR = Number(LAST_MONTH.slice(0, 4));

function release(period: string, status: string, version = 1) {
  return {
    __typename: 'MetricsRelease',
    id: `release-${period}`,
    workingGroupId: 'group-1',
    workingGroupName: 'Syria group',
    period,
    status,
    version,
    computedAt: '2026-11-01T02:00:00Z',
    publishedAt: status === 'published' ? '2026-11-03T09:00:00Z' : null,
    medianDaysToLead: null,
    method: {
      __typename: 'MetricsMethod',
      gridVersion: 1,
      epsilon: 1,
      threshold: 10,
      minOrganisations: 3,
      rounding: 5,
    },
    cells: [
      { __typename: 'MetricCell', metric: 'cases_active', key: null, value: 45, suppressed: false },
      {
        __typename: 'MetricCell',
        metric: 'overlaps_resolved',
        key: 'dismissed',
        value: null,
        suppressed: true,
      },
    ],
  };
}

function budget(spent: number, entries: Array<{ period: string; byJob: boolean }> = []) {
  return {
    data: {
      privacyBudget: {
        __typename: 'PrivacyBudget',
        workingGroupId: 'group-1',
        year: YEAR,
        cap: 12,
        spent,
        remaining: 12 - spent,
        entries: entries.map((e) => ({
          __typename: 'PrivacyBudgetEntry',
          releaseId: `release-${e.period}`,
          period: e.period,
          epsilon: 1,
          chargedAt: '2026-11-01T02:00:00Z',
          byJob: e.byJob,
        })),
      },
    },
  };
}

const GRID = {
  data: {
    metricsGrid: {
      __typename: 'MetricsGrid',
      version: 1,
      epsilonPerRelease: 1,
      epsilonCapPerYear: 12,
      threshold: 10,
      minOrganisations: 3,
      rounding: 5,
      metrics: [],
    },
  },
};

/** A coordinator's server whose release list is `list()` at each load. */
function coordinatorServer(list: () => unknown[], handlers: Record<string, Handler> = {}) {
  return fakeServer({
    viewer: COORDINATOR,
    handlers: {
      CoordinatorMetricsReleases: () => ({ data: { metricsReleases: list() } }),
      MetricsGrid: () => GRID,
      MetricsPrivacyBudget: () => budget(2),
      ...handlers,
    },
  });
}

const calls = (server: ReturnType<typeof fakeServer>, name: string) =>
  server.calls.filter((c) => c.operationName === name);

/** Confirms in the dialog after checking it says what donors will see. */
async function confirm(button: string, says: string) {
  const dialog = await screen.findByRole('dialog');
  expect(dialog.textContent).toContain(says);
  fireEvent.click(within(dialog).getByRole('button', { name: button }));
}

describe('the coordinator’s metrics releases', () => {
  it('computes the chosen month, with its cost and what remains, and shows the draft', async () => {
    let releases: unknown[] = [];
    const server = coordinatorServer(() => releases, {
      ComputeMetricsRelease: (variables) => {
        releases = [release(String(variables['period']), 'draft')];
        return { data: { computeMetricsRelease: releases[0] } };
      },
    });
    await renderApp({ path: PATH, server });
    const picker = await screen.findByTestId('metrics-period', {}, SLOW);
    // The current month is not over: never offered.
    const offered = within(picker)
      .getAllByRole('option')
      .map((o) => o.getAttribute('value'));
    expect(offered).toContain(LAST_MONTH);
    expect(offered).not.toContain(new Date().toISOString().slice(0, 7));
    expect((await screen.findByTestId('metrics-cost', {}, SLOW)).textContent).toBe(
      `A release spends ε 1 of the privacy budget for ${YEAR}: ε 10 of 12 remains.`,
    );

    fireEvent.change(picker, { target: { value: MONTH_BEFORE } });
    fireEvent.click(screen.getByTestId('metrics-compute'));

    const preview = await screen.findByTestId('metrics-preview', {}, SLOW);
    expect(calls(server, 'ComputeMetricsRelease').map((c) => c.variables)).toEqual([
      { workingGroupId: 'group-1', period: MONTH_BEFORE },
    ]);
    expect(preview.getAttribute('data-period')).toBe(MONTH_BEFORE);
    const cells = within(preview).getAllByTestId('metrics-preview-cell');
    expect(cells.map((c) => [c.textContent, c.getAttribute('data-suppressed')])).toEqual([
      ['Cases activeOverall45', 'false'],
      ['Overlaps resolvedDismissed—', 'true'],
    ]);
    expect(screen.getByTestId('metrics-notice').textContent).toContain('is ready');
    const row = await screen.findByTestId(`metrics-release-${MONTH_BEFORE}`, {}, SLOW);
    expect(within(row).getByTestId('metrics-release-status').textContent).toBe('Draft');
  });

  it('publishes with the previewed version, after saying what donors will see', async () => {
    let releases = [release(LAST_MONTH, 'draft', 3)];
    const server = coordinatorServer(() => releases, {
      PublishMetricsRelease: () => {
        releases = [release(LAST_MONTH, 'published', 4)];
        return { data: { publishMetricsRelease: releases[0] } };
      },
    });
    await renderApp({ path: PATH, server });
    const row = await screen.findByTestId(`metrics-release-${LAST_MONTH}`, {}, SLOW);
    expect(within(row).getByTestId('metrics-release-status').textContent).toBe('Draft');

    fireEvent.click(await screen.findByTestId('metrics-publish', {}, SLOW));
    await confirm('Publish', 'donors will see the numbers');

    await waitFor(() =>
      expect(
        within(screen.getByTestId(`metrics-release-${LAST_MONTH}`)).getByTestId(
          'metrics-release-status',
        ).textContent,
      ).toBe('Published'),
    );
    expect(calls(server, 'PublishMetricsRelease').map((c) => c.variables)).toEqual([
      { releaseId: `release-${LAST_MONTH}`, expectedVersion: 3 },
    ]);
    expect(screen.queryByTestId('metrics-publish')).toBeNull();
  });

  it('reloads when someone changed the release meanwhile (stale version)', async () => {
    let releases = [release(LAST_MONTH, 'draft', 3)];
    const server = coordinatorServer(() => releases, {
      WithholdMetricsRelease: () => {
        // Another coordinator published it first.
        releases = [release(LAST_MONTH, 'published', 4)];
        return graphqlError('METRICS_RELEASE_VERSION_STALE');
      },
    });
    await renderApp({ path: PATH, server });
    fireEvent.click(await screen.findByTestId('metrics-withhold', {}, SLOW));
    const loads = calls(server, 'CoordinatorMetricsReleases').length;
    await confirm('Withhold', 'Donors will see nothing');

    expect((await screen.findByTestId('metrics-stale', {}, SLOW)).textContent).toBe(
      'Someone changed this release in the meantime. The list has been reloaded: check it and try again.',
    );
    await waitFor(() =>
      expect(
        within(screen.getByTestId(`metrics-release-${LAST_MONTH}`)).getByTestId(
          'metrics-release-status',
        ).textContent,
      ).toBe('Published'),
    );
    expect(calls(server, 'CoordinatorMetricsReleases').length).toBeGreaterThan(loads);
    expect(calls(server, 'WithholdMetricsRelease')[0]?.variables).toEqual({
      releaseId: `release-${LAST_MONTH}`,
      expectedVersion: 3,
    });
    expect(screen.queryByTestId('metrics-withhold')).toBeNull();
  });

  it('shows the translated refusal when the budget is exhausted', async () => {
    const server = coordinatorServer(() => [], {
      ComputeMetricsRelease: () => graphqlError('PRIVACY_BUDGET_EXHAUSTED'),
    });
    await renderApp({ path: PATH, server });
    fireEvent.change(await screen.findByTestId('metrics-period', {}, SLOW), {
      target: { value: LAST_MONTH },
    });
    await waitFor(() =>
      expect(screen.getByTestId('metrics-compute').hasAttribute('disabled')).toBe(false),
    );
    fireEvent.click(screen.getByTestId('metrics-compute'));
    expect((await screen.findByTestId('action-error', {}, SLOW)).textContent).toBe(
      "This release would exceed the working group's privacy budget for the year, so it was not made.",
    );
    expect(screen.queryByTestId('metrics-preview')).toBeNull();
  });

  it('refuses before asking when the year’s budget cannot pay for a release', async () => {
    const server = coordinatorServer(() => [], {
      MetricsPrivacyBudget: () => budget(11.5, [{ period: LAST_MONTH, byJob: true }]),
    });
    await renderApp({ path: PATH, server });
    fireEvent.change(await screen.findByTestId('metrics-period', {}, SLOW), {
      target: { value: LAST_MONTH },
    });
    expect((await screen.findByTestId('metrics-over-budget', {}, SLOW)).textContent).toContain(
      `Not enough privacy budget is left in ${YEAR}`,
    );
    expect(screen.getByTestId('metrics-compute').hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByTestId('metrics-compute'));
    expect(calls(server, 'ComputeMetricsRelease')).toEqual([]);
  });

  it('lists the year’s ledger: period, ε, when and by whom, with what the budget means', async () => {
    const server = coordinatorServer(() => [], {
      MetricsPrivacyBudget: () =>
        budget(2, [
          { period: MONTH_BEFORE, byJob: true },
          { period: LAST_MONTH, byJob: false },
        ]),
    });
    await renderApp({ path: PATH, server });
    const ledger = await screen.findByTestId('metrics-budget', {}, SLOW);
    expect(within(ledger).getByTestId('metrics-budget-summary').textContent).toBe(
      'Spent: ε 2 of 12. Remaining: ε 10.',
    );
    expect(ledger.textContent).toContain('ε (epsilon) measures the most a release could reveal');
    const rows = within(within(ledger).getByTestId('metrics-ledger')).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.querySelector('[data-column="by"]')?.textContent)).toEqual([
      'Monthly job',
      'A coordinator',
    ]);
    expect(calls(server, 'MetricsPrivacyBudget')[0]?.variables).toEqual({
      workingGroupId: 'group-1',
      year: YEAR,
    });
  });

  it('shows the not-allowed page to someone who does not coordinate the group', async () => {
    const server = fakeServer({ viewer: ORG_ADMIN_VIEWER });
    await renderApp({ path: PATH, server });
    expect(await screen.findByTestId('forbidden', {}, SLOW)).toBeTruthy();
    expect(calls(server, 'CoordinatorMetricsReleases')).toEqual([]);
    expect(screen.queryByTestId('metrics-compute')).toBeNull();
  });

  it('reads right to left in Arabic, with Arabic-Indic digits', async () => {
    const server = coordinatorServer(() => [release(LAST_MONTH, 'draft')]);
    await renderApp({ locale: 'ar', path: PATH, server });
    const summary = await screen.findByTestId('metrics-budget-summary', {}, SLOW);
    expect(document.documentElement.dir).toBe('rtl');
    expect(summary.textContent).toContain('١٢');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('مؤشرات المانحين');
  });
});
