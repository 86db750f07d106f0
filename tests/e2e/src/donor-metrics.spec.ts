import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAppProcess, type AppProcess } from '@parallax/test-support';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoLogins, type DemoLogin } from '../support/demo-logins.js';
import { periodMonthsAgo, seedMetricsApp } from '../support/metrics-seed.js';
import { downloadCsv, graphqlAs, lineEnds, type Answer } from '../support/metrics-ui.js';
import {
  demoLoginOf,
  launchSharedBrowser,
  newPersonPage,
  seriousViolations,
  signInThroughUi,
} from '../support/people.js';

/**
 * Donor metrics end to end (issue 12): the coordinator computes last month's
 * and the month before's releases over seeded activity, previews and
 * publishes them; the donor sees only Home, Metrics and Account, the group's
 * chart in Arabic (right to left, Arabic-Indic digits, "—" where a cell is
 * suppressed), exports the CSV with its HXL row and prints a one-page
 * report; the rest of the schema refuses the donor, and a draft stays the
 * coordinator's.
 *
 * The app runs without its job queue (the monthly sweep would otherwise
 * make last month's draft itself, racing the coordinator's "Compute") and
 * with ε = 4 per release: the noise law is the domain tests' business; here
 * the cells asserted on must be published whatever the noise draws.
 */
const GROUP = 'Syria accountability working group (demo)';
const COORDINATOR = 'coordinator@demo.parallax.test';
const DONOR = 'donor@fund.demo.parallax.test';
const EPSILON = 4;
const CAP = EPSILON * 6;
const [LAST, BEFORE, OLDER] = [1, 2, 3].map((n) => periodMonthsAgo(n)) as [string, string, string];
const HXL_ROW =
  '#date+month,#group+name,#indicator+code,#indicator+key,#indicator+num,#status+suppressed';

let app: AppProcess;
let dataDir: string;
let browser: Browser;
const contexts: BrowserContext[] = [];
let logins: Map<string, DemoLogin>;
let coordinator: Page;
let donor: Page;
let workingGroupId: string;

/** A GraphQL call with the page's own session, as its client makes it. */
const graphql = <T>(page: Page, query: string, variables = {}): Promise<Answer<T>> =>
  graphqlAs<T>(page, app.url, query, variables);

interface ReleaseRow {
  period: string;
  status: string;
  cells: Array<{ suppressed: boolean }>;
}

/** The group's releases as `page`'s user may see them, by period. */
async function releasesOf(page: Page): Promise<Record<string, ReleaseRow>> {
  const answer = await graphql<{ metricsReleases: ReleaseRow[] }>(
    page,
    'query ($wg: ID!) { metricsReleases(workingGroupId: $wg) { period status cells { suppressed } } }',
    { wg: workingGroupId },
  );
  expect(answer.errors ?? []).toEqual([]);
  return Object.fromEntries((answer.data?.metricsReleases ?? []).map((r) => [r.period, r]));
}

/** Computes `period` on the coordinator's page; answers once its draft is previewed. */
async function compute(period: string): Promise<Locator> {
  await coordinator.getByTestId('metrics-period').selectOption(period);
  await coordinator.getByTestId('metrics-compute').click();
  const row = coordinator.getByTestId(`metrics-release-${period}`);
  const failed = coordinator.getByTestId('action-error');
  await row.or(failed).first().waitFor({ timeout: 30_000 });
  if (await failed.isVisible()) {
    throw new Error(
      `Compute ${period} failed: ${await failed.textContent()}\n${app.output().slice(-4000)}`,
    );
  }
  const preview = coordinator.locator(`[data-testid="metrics-preview"][data-period="${period}"]`);
  await preview.waitFor();
  return preview;
}

async function openDonorMetrics(): Promise<Locator> {
  await donor.goto(`${app.url}/metrics`);
  const group = donor.getByTestId(`metrics-group-${workingGroupId}`);
  await group
    .getByTestId('metrics-chart-cases')
    .locator('svg')
    .first()
    .waitFor({ timeout: 30_000 });
  return group;
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'parallax-donor-metrics-'));
  app = await startAppProcess({
    dataDir,
    args: ['--demo'],
    env: {
      JOBS_ENABLED: 'false',
      METRICS_EPSILON: String(EPSILON),
      METRICS_EPSILON_CAP_PER_YEAR: String(CAP),
    },
  });
  workingGroupId = await seedMetricsApp(app.databaseUrl(), GROUP);
  logins = demoLogins(dataDir);
  browser = await launchSharedBrowser();
  coordinator = await newPersonPage(browser, contexts);
  donor = await newPersonPage(browser, contexts);
  // Charts drawn without animation: a path read is the final one.
  for (const page of [coordinator, donor]) await page.emulateMedia({ reducedMotion: 'reduce' });
  await signInThroughUi(coordinator, app.url, demoLoginOf(logins, COORDINATOR));
  await signInThroughUi(donor, app.url, demoLoginOf(logins, DONOR));
}, 240_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await app?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('donor metrics', () => {
  it('the coordinator computes two months, previews each draft, publishes it; the budget is spent', async () => {
    await coordinator.goto(`${app.url}/coordination/${workingGroupId}/metrics`);
    await coordinator.getByTestId('metrics-budget').waitFor({ timeout: 30_000 });
    for (const period of [BEFORE, LAST]) {
      const preview = await compute(period);
      const draft = (await releasesOf(coordinator))[period];
      expect(draft?.status).toBe('draft');
      // What donors would see: every cell, numbers where published, "—" where suppressed.
      const cells = preview.getByTestId('metrics-preview-cell');
      expect(await cells.count()).toBe(draft?.cells.length);
      const shown = preview.locator(
        '[data-testid="metrics-preview-cell"][data-suppressed="false"]',
      );
      const hidden = preview.locator(
        '[data-testid="metrics-preview-cell"][data-suppressed="true"]',
      );
      expect(await shown.count()).toBe(draft?.cells.filter((c) => !c.suppressed).length);
      expect(await shown.count()).toBeGreaterThan(0);
      expect(await hidden.count()).toBeGreaterThan(0);
      expect(await shown.first().textContent()).toMatch(/\d/);
      expect(await hidden.first().textContent()).toContain('—');

      await preview.getByTestId('metrics-publish').click();
      await coordinator.getByRole('dialog').getByRole('button', { name: 'Publish' }).click();
      // Publish and Withhold are for drafts only: gone once it is published.
      await preview.getByTestId('metrics-publish').waitFor({ state: 'detached', timeout: 30_000 });
      expect((await releasesOf(coordinator))[period]?.status).toBe('published');
    }
    const year = Number(LAST.slice(0, 4));
    const spent = EPSILON * [BEFORE, LAST].filter((p) => p.startsWith(`${year}-`)).length;
    const budget = await graphql<{ privacyBudget: { spent: number } }>(
      coordinator,
      'query ($wg: ID!, $y: Int!) { privacyBudget(workingGroupId: $wg, year: $y) { spent } }',
      { wg: workingGroupId, y: year },
    );
    expect(budget.data?.privacyBudget.spent).toBe(spent);
    await coordinator
      .getByTestId('metrics-budget-summary')
      .getByText(new RegExp(`ε ${spent} of ${CAP}`))
      .waitFor();
    expect(await seriousViolations(coordinator)).toEqual([]);
  });

  it('the donor sees Home, Metrics and Account only, and no link of Home leads nowhere', async () => {
    await donor.goto(`${app.url}/`);
    await donor.getByTestId(`home-donor-group-${workingGroupId}`).waitFor({ timeout: 30_000 });
    const nav = donor.locator('#main-navigation a');
    expect(await nav.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
      '/',
      '/metrics',
      '/account',
    ]);
    expect((await nav.allTextContents()).map((t) => t.trim())).toEqual([
      'Home',
      'Metrics',
      'Account',
    ]);
    const main = donor.locator('main');
    expect(await main.getByTestId('group-members').count()).toBe(0);
    expect(await main.textContent()).not.toMatch(/active members?\b|Member organisations/);
    const hrefs = await donor
      .locator('a[href^="/"]')
      .evaluateAll((as) => [...new Set(as.map((a) => a.getAttribute('href') ?? ''))]);
    expect(hrefs).toContain('/metrics');
    for (const href of hrefs) {
      await donor.goto(`${app.url}${href}`);
      await donor.locator('main h1').first().waitFor({ timeout: 30_000 });
      await donor.waitForLoadState('networkidle');
      expect(await donor.getByTestId('not-found').count(), href).toBe(0);
    }
  });

  it('shows the group chart in Arabic, right to left, its table in Arabic digits, axe-clean', async () => {
    const group = await openDonorMetrics();
    const chart = group.getByTestId('metrics-chart-cases');
    const ltr = await lineEnds(chart);
    expect(ltr.left).not.toBe(ltr.right);
    await donor.getByTestId('language-switch').selectOption('ar');
    await donor.waitForFunction(() => document.documentElement.dir === 'rtl');
    // Time runs right to left: the earliest month's point moves to the right.
    await expect
      .poll(async () => {
        const rtl = await lineEnds(chart);
        return Math.sign(rtl.left - rtl.right);
      })
      .toBe(-Math.sign(ltr.left - ltr.right));
    expect(await seriousViolations(donor)).toEqual([]);
    await chart.getByTestId('metrics-table-toggle').click();
    const table = chart.getByTestId('metrics-table');
    await table.waitFor();
    expect(await table.getByTestId('metrics-table-row').count()).toBe(2);
    const text = (await table.textContent()) ?? '';
    expect(text).toMatch(/[٠-٩]/);
    expect(text).not.toMatch(/[0-9]/);
    // The month before had 4 overlaps: below the threshold, whatever the noise.
    expect(text).toContain('—');
    expect(await seriousViolations(donor)).toEqual([]);
  });

  it('exports a CSV whose second row holds the HXL hashtags', async () => {
    const rows = await downloadCsv(donor);
    expect(rows[1]?.join(',')).toBe(HXL_ROW);
    expect(new Set(rows.slice(2).map((r) => r[0]))).toEqual(new Set([BEFORE, LAST]));
    // A suppressed cell has no number, never a 0.
    for (const row of rows.slice(2)) expect(row[5] === 'true').toBe(row[4] === '');
  });

  it('prints the report in Arabic on exactly one A4 page', async () => {
    const link = donor
      .getByTestId(`metrics-group-${workingGroupId}`)
      .getByTestId('metrics-report-link');
    await link.click();
    await donor.waitForURL(`**/metrics/report/${workingGroupId}`);
    const report = donor.getByTestId('metrics-report');
    await report.locator('svg .recharts-line-curve').first().waitFor({ timeout: 30_000 });
    expect(await donor.getAttribute('html', 'dir')).toBe('rtl');
    const pdf = (await donor.pdf({ format: 'A4' })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page(?!s)/g)?.length).toBe(1);
  });

  it("refuses the donor's direct calls beyond metrics with FORBIDDEN", async () => {
    const refused = [
      '{ workingGroups { id } }',
      '{ cases { totalCount } }',
      `{ privacyBudget(workingGroupId: "${workingGroupId}", year: ${LAST.slice(0, 4)}) { spent } }`,
      `mutation { computeMetricsRelease(workingGroupId: "${workingGroupId}", period: "${OLDER}") { id } }`,
    ];
    for (const query of refused) {
      const answer = await graphql(donor, query);
      expect(answer.errors?.[0]?.extensions?.code, query).toBe('FORBIDDEN');
      expect(answer.data ?? null, query).toBeNull();
    }
    const open = await graphql<{ publishedMetrics: Array<{ workingGroupId: string }> }>(
      donor,
      '{ publishedMetrics { workingGroupId } }',
    );
    expect(open.errors ?? []).toEqual([]);
    expect(open.data?.publishedMetrics.map((g) => g.workingGroupId)).toEqual([workingGroupId]);
  });

  it('never shows the donor a draft', async () => {
    await compute(OLDER);
    const seen = async (page: Page) =>
      Object.values(await releasesOf(page)).map((r) => `${r.period} ${r.status}`);
    expect(await seen(coordinator)).toEqual([
      `${LAST} published`,
      `${BEFORE} published`,
      `${OLDER} draft`,
    ]);
    expect(await seen(donor)).toEqual([`${LAST} published`, `${BEFORE} published`]);
    const group = await openDonorMetrics();
    const chart = group.getByTestId('metrics-chart-cases');
    await chart.getByTestId('metrics-table-toggle').click();
    await chart.getByTestId('metrics-table').waitFor();
    expect(await chart.getByTestId('metrics-table-row').count()).toBe(2);
    const periods = (await downloadCsv(donor)).slice(2).map((r) => r[0]);
    expect(new Set(periods)).toEqual(new Set([BEFORE, LAST]));
  });
});
