import { gridCells, type TrueCell } from '@parallax/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { MetricsMeasureRepository } from '../../src/modules/metrics/metrics-measure.repository.js';
import { OverlapsRepository } from '../../src/modules/overlaps/overlaps.repository.js';
import type { MetricsContext } from './metrics-helpers.js';
import { TRUTH } from './metrics-seed.js';

/** The true cells of a month, as the snapshot job measures them (the repository, called directly). */
export function measurementSuite(ctx: () => MetricsContext): void {
  describe('measuring a month', () => {
    let c: MetricsContext;
    const measure = (workingGroupId: string, start: string, end: string): Promise<TrueCell[]> =>
      c.db.transaction((m) =>
        c.t.app
          .get(MetricsMeasureRepository)
          .measure(m, workingGroupId, new Date(start), new Date(end)),
      );
    const expected = (
      truth: ReadonlyArray<{
        metric: string;
        key: string | null;
        value: number;
        organisations: number;
      }>,
    ) =>
      gridCells().map(({ metric, key }) => {
        const cell = truth.find((x) => x.metric === metric && x.key === key);
        return { metric, key, value: cell?.value ?? 0, organisations: cell?.organisations ?? 0 };
      });

    beforeAll(() => {
      c = ctx();
    });

    it('counts October of the handcrafted group exactly as counted by hand, every grid cell in grid order', async () => {
      const cells = await measure(c.w.wg1, '2026-10-01T00:00:00Z', '2026-11-01T00:00:00Z');
      expect(cells).toEqual(expected(TRUTH));
    });

    it('counts nothing of group 1 in group 2 (its two members only)', async () => {
      const cells = await measure(c.w.wg2, '2026-10-01T00:00:00Z', '2026-11-01T00:00:00Z');
      expect(cells).toEqual(
        expected([{ metric: 'member_organisations', key: null, value: 2, organisations: 2 }]),
      );
    });

    it('dates a month by its own bounds: September sees its cases, overlaps and its first agreement', async () => {
      const cells = await measure(c.w.wg1, '2026-09-01T00:00:00Z', '2026-10-01T00:00:00Z');
      const cell = (metric: string, key: string | null = null) =>
        cells.find((x) => x.metric === metric && x.key === key);
      // 5 + 3 + 1 of September, and A's case withdrawn on 20 September (active on the 1st).
      expect(cell('cases_active')).toEqual({
        metric: 'cases_active',
        key: null,
        value: 10,
        organisations: 2,
      });
      expect(cell('cases_registered')?.value).toBe(10);
      expect(cell('overlaps_detected')?.value).toBe(2);
      expect(cell('overlaps_resolved', 'dismissed')?.value).toBe(1);
      expect(cell('overlaps_resolved', 'confirmed')?.value).toBe(0);
      expect(cell('clusters_lead_agreed')?.value).toBe(1);
      expect(cell('referrals_made')).toMatchObject({ value: 1, organisations: 1 });
    });

    it('stamps each side’s verdict with its time (the month an overlap is resolved in)', async () => {
      const [o] = await c.db.query<Array<{ id: string }>>(
        `SELECT id FROM overlap WHERE working_group_id = $1 AND verdict_a IS NULL AND verdict_b IS NULL LIMIT 1`,
        [c.w.wg1],
      );
      await c.db.transaction((m) =>
        c.t.app.get(OverlapsRepository).setVerdict(m, o?.id ?? '', 'b', 'confirmed', null),
      );
      const [row] = await c.db.query<Array<{ a: Date | null; b: Date | null }>>(
        'SELECT verdict_a_at AS a, verdict_b_at AS b FROM overlap WHERE id = $1',
        [o?.id],
      );
      expect(row?.a).toBeNull();
      expect(row?.b).toBeInstanceOf(Date);
      // Put back: October's truth does not count it (a half-confirmed overlap is not resolved anyway).
      await c.db.query('UPDATE overlap SET verdict_b = NULL, verdict_b_at = NULL WHERE id = $1', [
        o?.id,
      ]);
    });
  });
}
