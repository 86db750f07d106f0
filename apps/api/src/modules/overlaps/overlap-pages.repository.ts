import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { likeLiteral, type OverlapListFilter } from './overlap-filter.js';
import {
  MY_CASE_JOIN,
  OVERLAP_COLUMNS,
  OVERLAP_FROM,
  type OverlapRow,
} from './overlaps.repository.js';

/** A row with its sort key: the creation time to the microsecond (a JS Date would lose it) and the id. */
export type OverlapPageRow = OverlapRow & { created_key: string };

export interface OverlapGroupRow {
  case_id: string;
  reference: string;
  strong: number;
  probable: number;
  possible: number;
  total: number;
  needs_answer: number;
  newest: Date;
  newest_key: string;
}

/** Keyset position: after (`at`, `id`) in newest-first order; null for the first page. */
export type After = { at: string; id: string } | null;

const MINE = (col: string) => `CASE WHEN o.org_a = $1 THEN o.${col}_a ELSE o.${col}_b END`;
const THEIRS = (col: string) => `CASE WHEN o.org_a = $1 THEN o.${col}_b ELSE o.${col}_a END`;
const KEY = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const STATUS = `CASE WHEN o.retracted_at IS NOT NULL THEN 'retracted'
  WHEN o.revealed_at IS NOT NULL THEN 'revealed'
  WHEN o.contact_status = 'requested' THEN 'contact_requested' ELSE 'open' END`;

/**
 * The filters, as `$1`…`$10` (`$1` the caller's organisation, always a
 * party). A retracted overlap stays listed when the other party changed or
 * withdrew its case: no retraction is silent.
 */
const WHERE = `
  WHERE $1 IN (o.org_a, o.org_b)
    AND ($2::uuid IS NULL OR o.working_group_id = $2)
    AND ($3::uuid IS NULL OR mc.id = $3)
    AND ($4 OR o.retracted_at IS NULL OR (${THEIRS('change')}) IS NOT NULL)
    AND ($5::text[] IS NULL OR o.strength = ANY($5))
    AND ($6::text[] IS NULL OR coalesce((${MINE('verdict')})::text, 'none') = ANY($6))
    AND ($7::text[] IS NULL OR (${STATUS}) = ANY($7))
    AND ($8::date IS NULL OR o.created_at >= ($8::date)::timestamp AT TIME ZONE 'UTC')
    AND ($9::date IS NULL OR o.created_at < ($9::date + 1)::timestamp AT TIME ZONE 'UTC')
    AND ($10::text IS NULL OR mc.reference ILIKE '%' || $10 || '%' ESCAPE '\\')`;

function params(org: string, f: OverlapListFilter): unknown[] {
  return [
    org,
    f.workingGroupId,
    f.caseId,
    f.includeRetracted,
    f.strengths,
    f.verdicts,
    f.statuses,
    f.createdFrom,
    f.createdTo,
    f.search === null ? null : likeLiteral(f.search),
  ];
}

/**
 * Pages of one organisation's overlaps and of its cases that have some,
 * newest first, each with the exact total. Runs in the caller's (tenant)
 * transaction; served by overlap_org_a_idx / overlap_org_b_idx.
 */
@Injectable()
export class OverlapPagesRepository {
  async page(
    m: EntityManager,
    org: string,
    f: OverlapListFilter,
    after: After,
    limit: number,
  ): Promise<OverlapPageRow[]> {
    // The page's ids first (a narrow sort), then only those rows in full:
    // the other organisation and the cursor text for 50 rows, not all.
    return m.query<OverlapPageRow[]>(
      `WITH page AS (
         SELECT o.id FROM overlap o ${MY_CASE_JOIN}
         ${WHERE}
           AND ($11::timestamptz IS NULL OR (o.created_at, o.id) < ($11::timestamptz, $12::uuid))
         ORDER BY o.created_at DESC, o.id DESC
         LIMIT $13)
       SELECT ${KEY('o.created_at')} AS created_key, ${OVERLAP_COLUMNS} ${OVERLAP_FROM}
       WHERE o.id IN (SELECT id FROM page)
       ORDER BY o.created_at DESC, o.id DESC`,
      [...params(org, f), after?.at ?? null, after?.id ?? null, limit],
    );
  }

  async count(m: EntityManager, org: string, f: OverlapListFilter): Promise<number> {
    const [row] = await m.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM overlap o ${MY_CASE_JOIN} ${WHERE}`,
      params(org, f),
    );
    return row?.n ?? 0;
  }

  /** My cases with overlaps matching `f`, newest overlap first, with their counts. */
  async groups(
    m: EntityManager,
    org: string,
    f: OverlapListFilter,
    after: After,
    limit: number,
  ): Promise<OverlapGroupRow[]> {
    return m.query<OverlapGroupRow[]>(
      `WITH g AS (
         SELECT mc.id AS case_id, mc.reference,
                count(*) FILTER (WHERE o.strength = 'strong')::int AS strong,
                count(*) FILTER (WHERE o.strength = 'probable')::int AS probable,
                count(*) FILTER (WHERE o.strength = 'possible')::int AS possible,
                count(*)::int AS total,
                count(*) FILTER (WHERE o.retracted_at IS NULL AND ((${MINE('verdict')}) IS NULL
                  OR (o.contact_status = 'requested' AND o.contact_requested_by <> $1)))::int AS needs_answer,
                max(o.created_at) AS newest
         FROM overlap o ${MY_CASE_JOIN} ${WHERE}
         GROUP BY mc.id, mc.reference)
       SELECT g.*, ${KEY('g.newest')} AS newest_key FROM g
       WHERE $11::timestamptz IS NULL OR (g.newest, g.case_id) < ($11::timestamptz, $12::uuid)
       ORDER BY g.newest DESC, g.case_id DESC
       LIMIT $13`,
      [...params(org, f), after?.at ?? null, after?.id ?? null, limit],
    );
  }

  async groupCount(m: EntityManager, org: string, f: OverlapListFilter): Promise<number> {
    const [row] = await m.query<Array<{ n: number }>>(
      `SELECT count(DISTINCT mc.id)::int AS n FROM overlap o ${MY_CASE_JOIN} ${WHERE}`,
      params(org, f),
    );
    return row?.n ?? 0;
  }

  /**
   * Which of my cases overlap which other cases, for the clusters: standing
   * overlaps that my organisation did not call a false match, whatever the
   * filters (a cluster's number must not change with them). The other
   * side's case ids stay on the server.
   */
  async links(
    m: EntityManager,
    org: string,
  ): Promise<Array<{ myCase: string; otherCase: string }>> {
    return m.query(
      `SELECT DISTINCT mc.id AS "myCase", ${THEIRS('case')} AS "otherCase"
       FROM overlap o ${MY_CASE_JOIN}
       WHERE $1 IN (o.org_a, o.org_b) AND o.retracted_at IS NULL
         AND (${MINE('verdict')}) IS DISTINCT FROM 'false_match'`,
      [org],
    );
  }
}
