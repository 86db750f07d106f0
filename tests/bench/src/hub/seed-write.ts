/**
 * The seed written with set-based INSERTs (registering the cases through
 * the API would only measure the seeding): no audit entries, no overlaps.
 */
import type pg from 'pg';
import type { CaseFingerprints } from './seed-keys.js';
import { fmt, say } from './log.js';

export interface SeedRow {
  id: string;
  org: string;
  user: string;
  ref: string;
  fps: CaseFingerprints;
}

/** Writes the cases that have fingerprints, and returns the fingerprint rows in the database. */
export async function writeSeed(
  client: pg.Client,
  wg: string,
  epoch: number,
  seeded: readonly SeedRow[],
): Promise<number> {
  for (let i = 0; i < seeded.length; i += 5_000) {
    const batch = seeded.slice(i, i + 5_000).filter((c) => c.fps.length > 0);
    await client.query(
      `INSERT INTO tracking_case (id, working_group_id, organisation_id, reference, status, situation_tags, crime_tags,
           epoch, fingerprint_count, idempotency_key, created_by)
         SELECT id, $1, org, ref, 'active', '{syria}', '{torture}', $2, n, 'seed-' || ref, usr
         FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::int[], $7::uuid[]) AS t(id, org, ref, n, usr)`,
      [
        wg,
        epoch,
        batch.map((c) => c.id),
        batch.map((c) => c.org),
        batch.map((c) => c.ref),
        batch.map((c) => c.fps.length),
        batch.map((c) => c.user),
      ],
    );
    const rows = batch.flatMap((c) => c.fps.map((f) => [c.id, f.kind, f.fp] as const));
    for (let j = 0; j < rows.length; j += 100_000) {
      const part = rows.slice(j, j + 100_000);
      await client.query(
        `INSERT INTO case_fingerprint (case_id, working_group_id, epoch, kind, fp)
           SELECT c, $1, $2, k, f FROM unnest($3::uuid[], $4::text[], $5::bytea[]) AS t(c, k, f)`,
        [wg, epoch, part.map((r) => r[0]), part.map((r) => r[1]), part.map((r) => r[2])],
      );
    }
    if (i % 100_000 === 0 && i > 0) say(`  ${fmt(i)} cases written`);
  }
  await client.query('ANALYZE tracking_case; ANALYZE case_fingerprint');
  const seedRows = (await client.query('SELECT count(*)::int AS n FROM case_fingerprint'))
    .rows[0] as { n: number };
  return seedRows.n;
}
