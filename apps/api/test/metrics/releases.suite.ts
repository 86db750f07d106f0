import { derivableSuppressedCells, gridCells } from '@parallax/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  budgetOf,
  captureLogs,
  codeOf,
  compute,
  computed,
  decide,
  numbersIn,
  type MetricsContext,
  type ReleaseView,
} from './metrics-helpers.js';
import { DISTINCTIVE_TRUE_VALUES, TRUTH, TRUTH_MONTH } from './metrics-seed.js';

const truthOf = (metric: string, key: string | null) =>
  TRUTH.find((x) => x.metric === metric && x.key === key) ?? { value: 0, organisations: 0 };

/** Every published cell of October passes the threshold and the organisations rule on the true counts. */
function expectProtected(release: ReleaseView): void {
  expect(release.cells.map(({ metric, key }) => ({ metric, key }))).toEqual(gridCells());
  for (const cell of release.cells) {
    if (cell.suppressed) {
      expect(cell.value).toBeNull();
      continue;
    }
    const truth = truthOf(cell.metric, cell.key);
    expect(truth.value, `${cell.metric}/${cell.key}`).toBeGreaterThanOrEqual(10);
    expect(truth.organisations, `${cell.metric}/${cell.key}`).toBeGreaterThanOrEqual(3);
    expect((cell.value ?? 1) % 5).toBe(0);
  }
  // Whatever the noise: cells below the threshold or fed by fewer than 3 organisations are suppressed.
  for (const [metric, key] of [
    ['cases_active_by_situation', 'ukraine'],
    ['cases_active_by_situation', 'syria'],
    ['cases_active_by_crime', 'torture'],
    ['overlaps_detected', null],
    ['referral_outcomes', 'arrest'],
    ['days_to_lead', '0_7'],
    ['member_organisations', null],
  ] as const) {
    expect(release.cells.find((x) => x.metric === metric && x.key === key)?.suppressed).toBe(true);
  }
  expect(derivableSuppressedCells(release.cells)).toEqual([]);
}

/** Computing, previewing, publishing and withholding releases; who reads what; the yearly cap. */
export function releasesSuite(ctx: () => MetricsContext): void {
  let c: MetricsContext;
  let first: ReleaseView;
  let second: ReleaseView;

  const rowsOf = async (workingGroupId: string, period: string) => ({
    releases: await c.db.query<Array<{ id: string; status: string }>>(
      'SELECT id, status FROM metrics_release WHERE working_group_id = $1 AND period = $2 ORDER BY computed_at, status DESC',
      [workingGroupId, period],
    ),
    ledger: await c.db.query<Array<{ id: string }>>(
      `SELECT e.id FROM privacy_budget_entry e JOIN metrics_release r ON r.id = e.release_id
       WHERE r.working_group_id = $1 AND r.period = $2`,
      [workingGroupId, period],
    ),
  });
  const auditOf = (subjectId: string) =>
    c.db.query<
      Array<{
        action: string;
        actor_user_id: string | null;
        working_group_id: string;
        change: unknown;
      }>
    >(
      'SELECT action, actor_user_id, working_group_id, change FROM audit_log WHERE subject_id = $1 ORDER BY seq',
      [subjectId],
    );

  beforeAll(() => {
    c = ctx();
  });

  describe('computing a release', () => {
    it('makes a draft of every grid cell, one ledger charge and a metrics.computed entry; no true count is stored or logged', async () => {
      const logs = captureLogs();
      try {
        first = await computed(c.w.coordinator1, c.w.wg1, TRUTH_MONTH);
      } finally {
        logs.stop();
      }
      expect(first).toMatchObject({
        workingGroupId: c.w.wg1,
        workingGroupName: 'WG 1',
        period: TRUTH_MONTH,
        status: 'draft',
        version: 1,
        publishedAt: null,
        method: { epsilon: 1, threshold: 10, minOrganisations: 3, rounding: 5, gridVersion: 1 },
      });
      expect(first.method.families).toHaveLength(11);
      expectProtected(first);

      const [row] = await c.db.query<Array<Record<string, unknown>>>(
        'SELECT * FROM metrics_release WHERE id = $1',
        [first.id],
      );
      expect(row).toMatchObject({
        status: 'draft',
        version: 1,
        computed_by: c.w.coordinator1.id,
        grid_version: 1,
      });
      for (const cell of row?.['cells'] as Array<Record<string, unknown>>)
        expect(Object.keys(cell).sort()).toEqual(['key', 'metric', 'suppressed', 'value']);
      const ledger = await c.db.query<Array<Record<string, unknown>>>(
        'SELECT * FROM privacy_budget_entry WHERE release_id = $1',
        [first.id],
      );
      expect(ledger).toEqual([
        expect.objectContaining({
          working_group_id: c.w.wg1,
          year: 2026,
          epsilon_milli: 1000,
          charged_by: c.w.coordinator1.id,
        }),
      ]);
      const audit = await auditOf(first.id);
      expect(audit).toEqual([
        expect.objectContaining({
          action: 'metrics.computed',
          actor_user_id: c.w.coordinator1.id,
          working_group_id: c.w.wg1,
        }),
      ]);
      const notes = await c.db.query<Array<{ recipient_user_id: string }>>(
        `SELECT recipient_user_id FROM notification WHERE kind = 'metrics.draft_ready' AND payload ->> 'releaseId' = $1`,
        [first.id],
      );
      expect(notes.map((n) => n.recipient_user_id)).toEqual([c.w.coordinator1.id]);

      // The true counts that no rounded noisy value can equal appear nowhere: stored rows, audit, logs, answer.
      const stored = numbersIn([row, ledger, audit, first]);
      for (const v of DISTINCTIVE_TRUE_VALUES) expect(stored, `true value ${v}`).not.toContain(v);
      for (const v of DISTINCTIVE_TRUE_VALUES)
        expect(logs.text()).not.toMatch(new RegExp(`\\b${v}\\b`));
    });

    it('refuses a second computation of the same month (METRICS_RELEASE_EXISTS) and stores nothing', async () => {
      const before = await rowsOf(c.w.wg1, TRUTH_MONTH);
      const r = await compute(c.w.coordinator1, c.w.wg1, TRUTH_MONTH);
      expect(codeOf(r)).toBe('METRICS_RELEASE_EXISTS');
      expect(await rowsOf(c.w.wg1, TRUTH_MONTH)).toEqual(before);
    });

    it('refuses a month that is not a complete past month of the group (METRICS_PERIOD_INVALID)', async () => {
      // The clock says 15 December 2026; the groups were founded in January 2025.
      for (const period of ['2026-12', '2027-01', '2024-12', '2026-13', 'October', '2026-1']) {
        const r = await compute(c.w.coordinator1, c.w.wg1, period);
        expect(codeOf(r), period).toBe('METRICS_PERIOD_INVALID');
      }
      const [n] = await c.db.query<Array<{ n: number }>>(
        `SELECT count(*)::int AS n FROM metrics_release WHERE period IN ('2026-12', '2027-01', '2024-12')`,
      );
      expect(n?.n).toBe(0);
    });

    it('is for the group’s coordinators only: another group’s coordinator and a member get NOT_FOUND', async () => {
      expect(codeOf(await compute(c.w.coordinator2, c.w.wg1, '2026-09'))).toBe('NOT_FOUND');
      expect(codeOf(await compute(c.w.adminA, c.w.wg1, '2026-09'))).toBe('NOT_FOUND');
      expect((await rowsOf(c.w.wg1, '2026-09')).releases).toEqual([]);
    });
  });

  describe('publishing and withholding', () => {
    it('refuses a stale version (METRICS_RELEASE_VERSION_STALE) and another group’s coordinator (NOT_FOUND), changing nothing', async () => {
      expect(codeOf(await decide(c.w.coordinator1, 'publish', first.id, 2))).toBe(
        'METRICS_RELEASE_VERSION_STALE',
      );
      expect(codeOf(await decide(c.w.coordinator2, 'publish', first.id, 1))).toBe('NOT_FOUND');
      expect(codeOf(await decide(c.w.coordinator2, 'withhold', first.id, 1))).toBe('NOT_FOUND');
      expect(codeOf(await decide(c.w.adminA, 'publish', first.id, 1))).toBe('NOT_FOUND');
      expect((await rowsOf(c.w.wg1, TRUTH_MONTH)).releases).toEqual([
        { id: first.id, status: 'draft' },
      ]);
      expect((await auditOf(first.id)).map((a) => a.action)).toEqual(['metrics.computed']);
    });

    it('withholds a draft; computing the month again is a second charge to the ledger', async () => {
      const r = await decide(c.w.coordinator1, 'withhold', first.id, 1);
      expect(r.data?.['withholdMetricsRelease']).toMatchObject({ status: 'withheld', version: 2 });
      expect(codeOf(await decide(c.w.coordinator1, 'publish', first.id, 2))).toBe(
        'METRICS_RELEASE_NOT_DRAFT',
      );
      second = await computed(c.w.coordinator1, c.w.wg1, TRUTH_MONTH);
      expect(second.id).not.toBe(first.id);
      expectProtected(second);
      const rows = await rowsOf(c.w.wg1, TRUTH_MONTH);
      expect(rows.releases).toEqual([
        { id: first.id, status: 'withheld' },
        { id: second.id, status: 'draft' },
      ]);
      expect(rows.ledger).toHaveLength(2);
      expect((await auditOf(first.id)).map((a) => a.action)).toEqual([
        'metrics.computed',
        'metrics.withheld',
      ]);
    });

    it('publishes a draft once: version 2, metrics.published; a published release is no draft any more', async () => {
      const r = await decide(c.w.coordinator1, 'publish', second.id, 1);
      expect(r.data?.['publishMetricsRelease']).toMatchObject({ status: 'published', version: 2 });
      expect(r.data?.['publishMetricsRelease']?.publishedAt).toBeTruthy();
      expect(codeOf(await decide(c.w.coordinator1, 'withhold', second.id, 2))).toBe(
        'METRICS_RELEASE_NOT_DRAFT',
      );
      expect((await auditOf(second.id)).map((a) => [a.action, a.actor_user_id])).toEqual([
        ['metrics.computed', c.w.coordinator1.id],
        ['metrics.published', c.w.coordinator1.id],
      ]);
    });
  });

  describe('the yearly cap', () => {
    it('refuses the release that would take the year over the cap (PRIVACY_BUDGET_EXHAUSTED), storing nothing', async () => {
      // The cap is ε 4 a year in this file: four releases of 2025, then a refusal.
      for (const period of ['2025-01', '2025-02', '2025-03', '2025-04'])
        await computed(c.w.coordinator1, c.w.wg1, period);
      const r = await compute(c.w.coordinator1, c.w.wg1, '2025-05');
      expect(codeOf(r)).toBe('PRIVACY_BUDGET_EXHAUSTED');
      expect(await rowsOf(c.w.wg1, '2025-05')).toEqual({ releases: [], ledger: [] });
      const budget = (await budgetOf(c.w.coordinator1, c.w.wg1, 2025)).data?.privacyBudget;
      expect(budget).toMatchObject({
        workingGroupId: c.w.wg1,
        year: 2025,
        cap: 4,
        spent: 4,
        remaining: 0,
      });
      expect(budget?.entries.map((e) => [e.period, e.epsilon, e.byJob])).toEqual([
        ['2025-01', 1, false],
        ['2025-02', 1, false],
        ['2025-03', 1, false],
        ['2025-04', 1, false],
      ]);
      // Another year, another budget; another group, another ledger.
      expect((await budgetOf(c.w.coordinator1, c.w.wg1, 2024)).data?.privacyBudget).toMatchObject({
        spent: 0,
        remaining: 4,
      });
    });

    it('shows the ledger to the group’s coordinators only', async () => {
      expect(codeOf(await budgetOf(c.w.coordinator2, c.w.wg1, 2025))).toBe('NOT_FOUND');
      expect(codeOf(await budgetOf(c.w.adminA, c.w.wg1, 2025))).toBe('NOT_FOUND');
      expect(codeOf(await budgetOf(c.w.donorViewer, c.w.wg1, 2025))).toMatch(
        /^(FORBIDDEN|NOT_FOUND)$/,
      );
    });
  });
}
