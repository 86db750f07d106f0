/** What the import did: the CLI's own timings, the matching jobs, the overlaps created. */
import type pg from 'pg';

export interface ImportFigures {
  /** the CLI's `time:` line: fingerprinting s, OPRF s, evaluations/s, registration s, cases/s */
  readonly cliTimes: RegExpExecArray | null;
  readonly evaluations: number;
  readonly created: number;
  readonly jobs: { n: number; failed: number; span: number; until_done: number };
  readonly overlapTotal: number;
  readonly byStrength: (s: string) => number;
  /** seconds from the start to the last overlap written */
  readonly lastOverlap: { s: number | null };
}

export async function importFigures(
  client: pg.Client,
  cliOut: string,
  dbStart: Date,
  orgId: string,
): Promise<ImportFigures> {
  const cliTimes =
    /time: ([\d.]+) s fingerprinting here, ([\d.]+) s waiting for the hub's OPRF \((\d+)\/s evaluations\), ([\d.]+) s waiting for registration \((\d+)\/s cases\)/u.exec(
      cliOut,
    );
  const evaluations = Number(/(\d+) OPRF evaluations/u.exec(cliOut)?.[1] ?? 0);
  const created = Number(/: (\d+) cases created/u.exec(cliOut)?.[1] ?? 0);
  const jobs = (
    await client.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE state = 'failed')::int AS failed,
              extract(epoch FROM max(completed_on) - min(created_on))::float AS span,
              extract(epoch FROM max(completed_on) - $1::timestamptz)::float AS until_done
       FROM pgboss.job WHERE name = 'match-case' AND created_on >= $1`,
      [dbStart],
    )
  ).rows[0] as { n: number; failed: number; span: number; until_done: number };
  const overlaps = (
    await client.query(
      `SELECT strength, count(*)::int AS n FROM overlap WHERE $1 IN (org_a, org_b) AND retracted_at IS NULL GROUP BY strength`,
      [orgId],
    )
  ).rows as Array<{ strength: string; n: number }>;
  const overlapTotal = overlaps.reduce((n, o) => n + o.n, 0);
  const lastOverlap = (
    await client.query(
      `SELECT extract(epoch FROM max(created_at) - $2::timestamptz)::float AS s FROM overlap WHERE $1 IN (org_a, org_b)`,
      [orgId, dbStart],
    )
  ).rows[0] as { s: number | null };
  const byStrength = (s: string): number => overlaps.find((o) => o.strength === s)?.n ?? 0;
  return { cliTimes, evaluations, created, jobs, overlapTotal, byStrength, lastOverlap };
}
