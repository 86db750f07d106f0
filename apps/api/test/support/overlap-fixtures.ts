import type { DataSource } from 'typeorm';
import { AuditRepository } from '../../src/modules/audit/audit.repository.js';
import { AuditService } from '../../src/modules/audit/audit.service.js';
import { OverlapPagesRepository } from '../../src/modules/overlaps/overlap-pages.repository.js';
import { OverlapPagesService } from '../../src/modules/overlaps/overlap-pages.service.js';

/** The overlaps list's service over a test database (owner connection; it acts as the tenant itself). */
export function overlapPagesService(db: DataSource): OverlapPagesService {
  return new OverlapPagesService(
    db,
    new OverlapPagesRepository(),
    new AuditService(new AuditRepository()),
  );
}

/** `count` cases of one organisation in one statement, referenced `${prefix}001`…; their ids in that order. */
export async function bulkCases(
  db: DataSource,
  workingGroupId: string,
  organisationId: string,
  prefix: string,
  count: number,
): Promise<string[]> {
  const rows = await db.query<Array<{ id: string }>>(
    `INSERT INTO tracking_case (working_group_id, organisation_id, reference, status, epoch, fingerprint_count, idempotency_key)
     SELECT $1::uuid, $2::uuid, $3::text || lpad(i::text, 3, '0'), 'active', 1, 0, 'bulk-' || $3::text || i || '-' || $2::text
     FROM generate_series(1, $4::int) i ORDER BY i
     RETURNING id, reference`,
    [workingGroupId, organisationId, prefix, count],
  );
  return rows.map((r) => r.id);
}

/**
 * One overlap per pair of `mine` × `theirs`, in one statement. The n-th pair
 * (0-based) is `strengths[n % 3]` and found at 2026-01-01 + (n / 3) hours;
 * of every three, two share that time exactly and the third is one
 * microsecond later, so ties and sub-millisecond order are both exercised.
 */
export async function bulkOverlaps(
  db: DataSource,
  workingGroupId: string,
  mine: { org: string; cases: string[] },
  theirs: { org: string; cases: string[] },
): Promise<void> {
  await db.query(
    `WITH pairs AS (
       SELECT m.id AS mc, t.id AS tc, row_number() OVER (ORDER BY m.ord, t.ord) - 1 AS n
       FROM unnest($2::uuid[]) WITH ORDINALITY m(id, ord)
       CROSS JOIN unnest($4::uuid[]) WITH ORDINALITY t(id, ord))
     INSERT INTO overlap (working_group_id, case_a, case_b, org_a, org_b, score, strength, matched_kinds, created_at)
     SELECT $1, least(mc, tc), greatest(mc, tc),
            CASE WHEN mc < tc THEN $3::uuid ELSE $5::uuid END,
            CASE WHEN mc < tc THEN $5::uuid ELSE $3::uuid END,
            0.9, (ARRAY['strong', 'probable', 'possible'])[1 + n % 3], ARRAY['name.pair'],
            timestamptz '2026-01-01 00:00:00+00' + (n / 3) * interval '1 hour'
              + CASE WHEN n % 3 = 2 THEN interval '1 microsecond' ELSE interval '0' END
     FROM pairs`,
    [workingGroupId, mine.cases, mine.org, theirs.cases, theirs.org],
  );
}

/** Sets `org`'s side of the overlaps `ids`: its verdict column, whichever side it is. */
export async function setMyVerdict(
  db: DataSource,
  org: string,
  ids: string[],
  verdict: 'confirmed' | 'false_match',
): Promise<void> {
  await db.query(
    `UPDATE overlap SET
       verdict_a = CASE WHEN org_a = $1 THEN $3::overlap_verdict ELSE verdict_a END,
       reason_a = CASE WHEN org_a = $1 AND $3 = 'false_match' THEN 'test' ELSE reason_a END,
       verdict_b = CASE WHEN org_b = $1 THEN $3::overlap_verdict ELSE verdict_b END,
       reason_b = CASE WHEN org_b = $1 AND $3 = 'false_match' THEN 'test' ELSE reason_b END
     WHERE id = ANY($2::uuid[])`,
    [org, ids, verdict],
  );
}
