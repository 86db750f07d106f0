import { GRID_VERSION, METRICS, gridCells, type PublishedCell } from '@parallax/domain';
import pg from 'pg';
import type { TestApp } from './test-app.js';

/** Tenant B's metrics: what the cross-tenant suite aims at. */
export interface MetricsWorld {
  /** A published release of wg2, with its ledger entry. */
  releaseB: string;
  /** A draft release of wg2 (the target of publish/withhold attempts), with its ledger entry. */
  draftB: string;
  /** The year both releases are charged to. */
  year: number;
}

const EPSILON_MILLI = 1000;
const PARAMETERS = { epsilonMilli: EPSILON_MILLI, threshold: 10, minOrganisations: 3, rounding: 5 };

/** A release as the API stores it: the published form only, every cell of the grid. */
function storedRelease(): { method: object; cells: PublishedCell[] } {
  const cells = gridCells().map((c, i): PublishedCell =>
    i % 3 === 0
      ? { ...c, value: null, suppressed: true }
      : { ...c, value: 10 + 5 * i, suppressed: false },
  );
  const families = METRICS.map((m) => ({
    metric: m.id,
    shareMilli: m.shareMilli,
    sensitivity: m.sensitivity,
    scale: m.sensitivity / ((EPSILON_MILLI / 1000) * (m.shareMilli / 1000)),
  }));
  return { method: { ...PARAMETERS, gridVersion: GRID_VERSION, families }, cells };
}

/**
 * Writes, as the database owner (the metrics service has its own tests), a
 * published and a draft release of tenant B's working group, each charged to
 * the group's ledger as computing it would have been, by B's coordinator.
 * Periods are long past, so the monthly sweep never competes for them.
 */
export async function addMetricsReleases(
  t: TestApp,
  workingGroupId: string,
  coordinatorUserId: string,
): Promise<MetricsWorld> {
  const year = 2025;
  const db = new pg.Client({ connectionString: t.db.url });
  await db.connect();
  try {
    const release = async (period: string, published: boolean): Promise<string> => {
      const { method, cells } = storedRelease();
      const { rows } = await db.query<{ id: string }>(
        `INSERT INTO metrics_release (working_group_id, period, status, version, grid_version, method, cells,
           median_days_to_lead, computed_at, computed_by, published_at, published_by)
         VALUES ($1, $2, $3, 1, $4, $5::jsonb, $6::jsonb, NULL, now(), $7, $8, $9) RETURNING id`,
        [
          workingGroupId,
          period,
          published ? 'published' : 'draft',
          GRID_VERSION,
          JSON.stringify(method),
          JSON.stringify(cells),
          coordinatorUserId,
          published ? new Date() : null,
          published ? coordinatorUserId : null,
        ],
      );
      const id = rows[0]?.id;
      if (!id) throw new Error('metrics fixture: no release inserted');
      await db.query(
        `INSERT INTO privacy_budget_entry (working_group_id, year, release_id, epsilon_milli, charged_at, charged_by)
         VALUES ($1, $2, $3, $4, now(), $5)`,
        [workingGroupId, year, id, EPSILON_MILLI, coordinatorUserId],
      );
      return id;
    };
    const releaseB = await release(`${year}-05`, true);
    const draftB = await release(`${year}-06`, false);
    return { releaseB, draftB, year };
  } finally {
    await db.end();
  }
}
