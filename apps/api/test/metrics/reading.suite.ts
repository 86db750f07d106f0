import { beforeAll, describe, expect, it } from 'vitest';
import {
  codeOf,
  computed,
  decide,
  publishedMetrics,
  releasesOf,
  type MetricsContext,
  type ReleaseView,
} from './metrics-helpers.js';
import { TRUTH_MONTH } from './metrics-seed.js';

/**
 * Who reads which releases: group 1's coordinators all of them, its donor
 * the published ones, nobody else anything (after the releases suite has
 * withheld one October release of group 1 and published the next).
 */
export function readingSuite(ctx: () => MetricsContext): void {
  describe('who reads releases', () => {
    let c: MetricsContext;
    let first: { id: string };
    let second: ReleaseView;

    beforeAll(async () => {
      c = ctx();
      const rows = await c.db.query<Array<{ id: string; status: string }>>(
        `SELECT id, status FROM metrics_release WHERE working_group_id = $1 AND period = $2 ORDER BY status DESC`,
        [c.w.wg1, TRUTH_MONTH],
      );
      expect(rows.map((r) => r.status)).toEqual(['withheld', 'published']);
      first = { id: rows[0]?.id ?? '' };
      const all = (await releasesOf(c.w.coordinator1, c.w.wg1)).data?.metricsReleases ?? [];
      const published = all.find((r) => r.id === rows[1]?.id);
      if (!published)
        throw new Error('the published October release is not listed to its coordinator');
      second = published;
    });

    describe('reading releases', () => {
      let releaseB: ReleaseView;

      beforeAll(async () => {
        releaseB = await computed(c.w.coordinator2, c.w.wg2, TRUTH_MONTH);
        const r = await decide(c.w.coordinator2, 'publish', releaseB.id, 1);
        expect(r.errors).toBeUndefined();
      });

      it('gives coordinators every release of their group, newest month first, drafts and withheld ones included', async () => {
        const list = (await releasesOf(c.w.coordinator1, c.w.wg1)).data?.metricsReleases ?? [];
        const ids = list.map((r) => r.id);
        expect(ids).toEqual(expect.arrayContaining([first.id, second.id]));
        expect(list.map((r) => r.period)).toEqual([...list.map((r) => r.period)].sort().reverse());
        expect(new Set(list.map((r) => r.status))).toEqual(
          new Set(['draft', 'published', 'withheld']),
        );
        expect(codeOf(await releasesOf(c.w.coordinator2, c.w.wg1))).toBe('NOT_FOUND');
        expect(codeOf(await releasesOf(c.w.adminA, c.w.wg1))).toBe('NOT_FOUND');
      });

      it('shows a donor the published releases of the groups it funds only: never a draft, nothing of group 2', async () => {
        const list = (await releasesOf(c.w.donorViewer, c.w.wg1)).data?.metricsReleases ?? [];
        expect(list.map((r) => [r.id, r.status])).toEqual([[second.id, 'published']]);
        expect(list[0]?.cells).toEqual(second.cells);
        expect(codeOf(await releasesOf(c.w.donorViewer, c.w.wg2))).toBe('NOT_FOUND');

        const groups = (await publishedMetrics(c.w.donorViewer)).data?.publishedMetrics ?? [];
        expect(groups.map((g) => [g.workingGroupId, g.workingGroupName])).toEqual([
          [c.w.wg1, 'WG 1'],
        ]);
        expect(groups[0]?.releases.map((r) => r.id)).toEqual([second.id]);
        // Outside the asked range: nothing.
        const early =
          (await publishedMetrics(c.w.donorViewer, '2025-01', '2025-12')).data?.publishedMetrics ??
          [];
        expect(early.flatMap((g) => g.releases)).toEqual([]);
        expect(codeOf(await publishedMetrics(c.w.donorViewer, 'last year'))).toBe(
          'METRICS_PERIOD_INVALID',
        );

        // Group 2's coordinator sees its own group's published release, not group 1's.
        const b = (await publishedMetrics(c.w.coordinator2)).data?.publishedMetrics ?? [];
        expect(b.map((g) => g.workingGroupId)).toEqual([c.w.wg2]);
        expect(b[0]?.releases.map((r) => r.id)).toEqual([releaseB.id]);
        // A member organisation that neither funds nor coordinates sees none.
        expect((await publishedMetrics(c.w.adminA)).data?.publishedMetrics).toEqual([]);
      });

      it('audits a donor’s reads as metrics.read, at most once an hour per group', async () => {
        await releasesOf(c.w.donorViewer, c.w.wg1);
        await publishedMetrics(c.w.donorViewer);
        const rows = await c.db.query<Array<{ n: number }>>(
          `SELECT count(*)::int AS n FROM audit_log WHERE action = 'metrics.read' AND actor_user_id = $1 AND subject_id = $2`,
          [c.w.donorViewer.id, c.w.wg1],
        );
        expect(rows[0]?.n).toBe(1);
      });

      it('serves the public grid to every signed-in user, donors included', async () => {
        const r = await c.w.donorViewer.client.ok<{
          metricsGrid: {
            version: number;
            metrics: Array<{ id: string }>;
            epsilonCapPerYear: number;
          };
        }>(
          '{ metricsGrid { version metrics { id breakdown keys unit sensitivity shareMilli hxl sumsTo } epsilonPerRelease epsilonCapPerYear threshold minOrganisations rounding } }',
        );
        expect(r.metricsGrid.metrics).toHaveLength(11);
        expect(r.metricsGrid.epsilonCapPerYear).toBe(4);
      });
    });
  });
}
