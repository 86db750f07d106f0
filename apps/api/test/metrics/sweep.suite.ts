import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METRICS_RELEASES_QUEUE } from '../../src/modules/jobs/job-queues.js';
import { JobsService } from '../../src/modules/jobs/jobs.service.js';
import { eventually } from '../support/hub.js';
import { captureLogs, numbersIn, setClock, type MetricsContext } from './metrics-helpers.js';
import { DISTINCTIVE_TRUE_VALUES, FOUNDED, NOW } from './metrics-seed.js';

/**
 * The `metrics-releases` sweep, run by pg-boss with the hub's clock moved to
 * 10 August 2026: July is the last complete month and nobody computed it.
 */
export function sweepSuite(ctx: () => MetricsContext): void {
  describe('the metrics-releases sweep', () => {
    let c: MetricsContext;
    let fullGroup: string;
    let youngGroup: string;

    /** Queues a sweep now and waits until pg-boss has run it. */
    async function sweep(): Promise<void> {
      const jobs = c.t.app.get(JobsService);
      let id: string | null = null;
      // The queue keeps one sweep waiting: if the minute's sweep is queued, try again in a moment.
      for (let i = 0; i < 50 && !id; i++) {
        id = await jobs.triggerSweep(METRICS_RELEASES_QUEUE);
        if (!id) await new Promise((r) => setTimeout(r, 200));
      }
      expect(id).not.toBeNull();
      const rows = await eventually(
        () =>
          c.db.query<Array<{ state: string }>>('SELECT state FROM pgboss.job WHERE id = $1', [id]),
        (r) => r[0]?.state === 'completed' || r[0]?.state === 'failed',
      );
      expect(rows[0]?.state).toBe('completed');
    }

    const julyReleases = () =>
      c.db.query<
        Array<{ working_group_id: string; status: string; computed_by: string | null; id: string }>
      >(
        `SELECT working_group_id, status, computed_by, id FROM metrics_release WHERE period = '2026-07'`,
      );

    beforeAll(async () => {
      c = ctx();
      const one = async (sql: string, params: unknown[]) =>
        ((await c.db.query(sql, params)) as Array<{ id: string }>)[0]?.id ?? '';
      // A group whose 2026 budget is spent already, and one founded after July.
      fullGroup = await one(
        `INSERT INTO working_group (name, created_at) VALUES ('WG full', $1) RETURNING id`,
        [FOUNDED],
      );
      youngGroup = await one(
        `INSERT INTO working_group (name, created_at) VALUES ('WG young', '2026-08-02T00:00:00Z') RETURNING id`,
        [],
      );
      const spent = await one(
        `INSERT INTO metrics_release (working_group_id, period, status, grid_version, method, cells, computed_at, withheld_at)
         VALUES ($1, '2026-01', 'withheld', 1, '{}'::jsonb, '[]'::jsonb, $2, $2) RETURNING id`,
        [fullGroup, FOUNDED],
      );
      await c.db.query(
        `INSERT INTO privacy_budget_entry (working_group_id, year, release_id, epsilon_milli, charged_at)
         VALUES ($1, 2026, $2, 4000, $3)`,
        [fullGroup, spent, FOUNDED],
      );
      setClock(c.t, new Date('2026-08-10T06:00:00Z'));
    });

    afterAll(() => setClock(c.t, NOW));

    it('makes one draft of July per group that existed before its end, as the job; a second run makes none', async () => {
      const logs = captureLogs();
      try {
        await sweep();
        const groups = await c.db.query<Array<{ id: string }>>(
          `SELECT id FROM working_group WHERE created_at < '2026-08-01' AND id <> $1 ORDER BY id`,
          [fullGroup],
        );
        expect(groups.map((g) => g.id)).toEqual(expect.arrayContaining([c.w.wg1, c.w.wg2]));
        const made = await julyReleases();
        expect(made.map((r) => r.working_group_id).sort()).toEqual(groups.map((g) => g.id));
        for (const r of made) expect(r).toMatchObject({ status: 'draft', computed_by: null });

        const ledger = await c.db.query<Array<{ charged_by: string | null; year: number }>>(
          'SELECT charged_by, year FROM privacy_budget_entry WHERE release_id = ANY ($1::uuid[])',
          [made.map((r) => r.id)],
        );
        expect(ledger).toHaveLength(made.length);
        for (const e of ledger) expect(e).toEqual({ charged_by: null, year: 2026 });
        const audit = await c.db.query<Array<{ actor_user_id: string | null; change: unknown }>>(
          `SELECT actor_user_id, change FROM audit_log WHERE action = 'metrics.computed' AND subject_id = ANY ($1::text[])`,
          [made.map((r) => r.id)],
        );
        expect(audit).toHaveLength(made.length);
        for (const a of audit) expect(a.actor_user_id).toBeNull();

        await sweep();
        expect((await julyReleases()).map((r) => r.id).sort()).toEqual(
          made.map((r) => r.id).sort(),
        );

        // The group over its budget is skipped, said at info level without a number; the young one is left alone.
        expect(made.map((r) => r.working_group_id)).not.toContain(fullGroup);
        expect(made.map((r) => r.working_group_id)).not.toContain(youngGroup);
        const text = logs.text();
        expect(text).toContain(
          `privacy budget exhausted: no 2026-07 release for working group ${fullGroup}`,
        );
        for (const v of DISTINCTIVE_TRUE_VALUES) expect(text).not.toMatch(new RegExp(`\\b${v}\\b`));
      } finally {
        logs.stop();
      }
    });

    it('stores only published cells for the job’s releases too', async () => {
      const [row] = await c.db.query<Array<{ cells: Array<Record<string, unknown>> }>>(
        `SELECT cells FROM metrics_release WHERE period = '2026-07' AND working_group_id = $1`,
        [c.w.wg1],
      );
      for (const cell of row?.cells ?? [])
        expect(Object.keys(cell).sort()).toEqual(['key', 'metric', 'suppressed', 'value']);
      expect(numbersIn(row)).not.toContain(37);
    });
  });
}
