import { Injectable } from '@nestjs/common';
import {
  CRIME_CATEGORIES,
  DAYS_TO_LEAD_BUCKETS,
  gridCells,
  MAX_CRIME_CATEGORIES_COUNTED,
  SITUATIONS,
  UNSPECIFIED_SITUATION,
  type TrueCell,
} from '@parallax/domain';
import type { EntityManager } from 'typeorm';

interface CellRow {
  metric: string;
  key: string | null;
  value: number;
  organisations: number;
}

/**
 * Measures a working group's month: the true count of each grid cell and
 * how many distinct organisations' data feed it. Reads every organisation's
 * rows of the group, so it runs in the hub's context (the caller wraps it in
 * `withOwnerRights`); what it returns stays in memory, for `buildRelease`.
 *
 * Every query takes $1 = working group, $2 = start, $3 = end of the month
 * (but the members' count, a state at the month's end: $2 = end).
 */
@Injectable()
export class MetricsMeasureRepository {
  async measure(
    m: EntityManager,
    workingGroupId: string,
    start: Date,
    end: Date,
  ): Promise<TrueCell[]> {
    const p = [workingGroupId, start.toISOString(), end.toISOString()];
    const rows = [
      ...(await m.query<CellRow[]>(CASES_ACTIVE, [
        ...p,
        [...SITUATIONS],
        UNSPECIFIED_SITUATION,
        [...CRIME_CATEGORIES],
        MAX_CRIME_CATEGORIES_COUNTED,
      ])),
      ...(await m.query<CellRow[]>(CASES_REGISTERED, p)),
      ...(await m.query<CellRow[]>(OVERLAPS, p)),
      ...(await m.query<CellRow[]>(CLUSTERS_LEAD_AGREED, [...p, [...DAYS_TO_LEAD_BUCKETS]])),
      ...(await m.query<CellRow[]>(REFERRALS, p)),
      ...(await m.query<CellRow[]>(MEMBER_ORGANISATIONS, [workingGroupId, end.toISOString()])),
    ];
    const found = new Map(rows.map((r) => [`${r.metric}|${r.key ?? ''}`, r]));
    // Every grid cell, in grid order: a cell nothing fed is a true zero.
    return gridCells().map(({ metric, key }) => {
      const r = found.get(`${metric}|${key ?? ''}`);
      return {
        metric,
        key,
        value: Number(r?.value ?? 0),
        organisations: Number(r?.organisations ?? 0),
      };
    });
  }
}

/**
 * Active in the month: registered before its end, not withdrawn before its
 * start. By primary situation (the first tag, 'unspecified' without one, so
 * the breakdown adds up to the total) and by crime (the first
 * MAX_CRIME_CATEGORIES_COUNTED categories in vocabulary order).
 */
const CASES_ACTIVE = `
  WITH c AS (
    SELECT id, organisation_id, situation_tags, crime_tags FROM tracking_case
    WHERE working_group_id = $1 AND created_at < $3 AND (withdrawn_at IS NULL OR withdrawn_at >= $2)
  ), s AS (
    SELECT organisation_id,
           CASE WHEN situation_tags[1] = ANY ($4::text[]) THEN situation_tags[1] ELSE $5 END AS key
    FROM c
  ), k AS (
    SELECT organisation_id, cat AS key FROM (
      SELECT c.organisation_id, v.cat, row_number() OVER (PARTITION BY c.id ORDER BY v.ord) AS rank
      FROM c CROSS JOIN unnest($6::text[]) WITH ORDINALITY AS v (cat, ord)
      WHERE v.cat = ANY (c.crime_tags)
    ) ranked WHERE rank <= $7
  )
  SELECT 'cases_active' AS metric, NULL::text AS key, count(*)::int AS value,
         count(DISTINCT organisation_id)::int AS organisations FROM c
  UNION ALL
  SELECT 'cases_active_by_situation', key, count(*)::int, count(DISTINCT organisation_id)::int FROM s GROUP BY key
  UNION ALL
  SELECT 'cases_active_by_crime', key, count(*)::int, count(DISTINCT organisation_id)::int FROM k GROUP BY key`;

const CASES_REGISTERED = `
  SELECT 'cases_registered' AS metric, NULL::text AS key, count(*)::int AS value,
         count(DISTINCT organisation_id)::int AS organisations
  FROM tracking_case WHERE working_group_id = $1 AND created_at >= $2 AND created_at < $3`;

/**
 * Detected: created in the month and not retracted. Resolved, in the month
 * of resolution: confirmed when both sides confirmed (the later verdict),
 * dismissed when a side called it a false match (the first such verdict).
 * Both sides' organisations feed an overlap's cells.
 */
const OVERLAPS = `
  WITH d AS (
    SELECT id, org_a, org_b FROM overlap
    WHERE working_group_id = $1 AND created_at >= $2 AND created_at < $3 AND retracted_at IS NULL
  ), r AS (
    SELECT id, org_a, org_b, key, at FROM (
      SELECT id, org_a, org_b,
             CASE WHEN 'false_match' IN (verdict_a, verdict_b) THEN 'dismissed' ELSE 'confirmed' END AS key,
             CASE WHEN 'false_match' IN (verdict_a, verdict_b)
                  THEN least(CASE WHEN verdict_a = 'false_match' THEN verdict_a_at END,
                             CASE WHEN verdict_b = 'false_match' THEN verdict_b_at END)
                  ELSE greatest(verdict_a_at, verdict_b_at) END AS at
      FROM overlap
      WHERE working_group_id = $1
        AND ('false_match' IN (verdict_a, verdict_b) OR (verdict_a = 'confirmed' AND verdict_b = 'confirmed'))
    ) v WHERE at >= $2 AND at < $3
  )
  SELECT 'overlaps_detected' AS metric, NULL::text AS key, count(DISTINCT id)::int AS value,
         count(DISTINCT org)::int AS organisations
  FROM d LEFT JOIN LATERAL unnest(ARRAY[d.org_a, d.org_b]) AS u (org) ON true
  UNION ALL
  SELECT 'overlaps_resolved', key, count(DISTINCT id)::int, count(DISTINCT org)::int
  FROM r CROSS JOIN LATERAL unnest(ARRAY[r.org_a, r.org_b]) AS u (org) GROUP BY key`;

/**
 * Clusters whose lead was first agreed (or decided by the coordinators) in
 * the month, and the days from the cluster's first overlap (between two of
 * its cases; its creation if none is found) to that moment, bucketed. The
 * arrangement's events record every outcome of a transition
 * (`detail.outcomes`): an 'accepted' that completes an agreement carries
 * 'agreed' there. The cluster's parties feed its cells.
 */
const CLUSTERS_LEAD_AGREED = `
  WITH agreed AS (
    SELECT e.cluster_id, min(e.created_at) AS at
    FROM lead_arrangement_event e JOIN cluster c ON c.id = e.cluster_id
    WHERE c.working_group_id = $1
      AND (e.kind IN ('agreed', 'decided')
           OR e.detail -> 'outcomes' @> '["agreed"]'::jsonb OR e.detail -> 'outcomes' @> '["decided"]'::jsonb)
    GROUP BY e.cluster_id
  ), m AS (
    SELECT a.cluster_id,
           floor(extract(epoch FROM a.at - coalesce(
             (SELECT min(o.created_at) FROM cluster_case ka
                JOIN overlap o ON o.case_a = ka.case_id
                JOIN cluster_case kb ON kb.case_id = o.case_b AND kb.cluster_id = ka.cluster_id
              WHERE ka.cluster_id = a.cluster_id),
             c.created_at)) / 86400)::int AS days
    FROM agreed a JOIN cluster c ON c.id = a.cluster_id
    WHERE a.at >= $2 AND a.at < $3
  ), b AS (
    SELECT cluster_id,
           CASE WHEN days <= 7 THEN ($4::text[])[1] WHEN days <= 30 THEN ($4::text[])[2]
                WHEN days <= 90 THEN ($4::text[])[3] ELSE ($4::text[])[4] END AS key
    FROM m
  ), p AS (
    SELECT b.cluster_id, b.key, cp.organisation_id
    FROM b LEFT JOIN cluster_party cp ON cp.cluster_id = b.cluster_id
  )
  SELECT 'clusters_lead_agreed' AS metric, NULL::text AS key, count(DISTINCT cluster_id)::int AS value,
         count(DISTINCT organisation_id)::int AS organisations FROM p
  UNION ALL
  SELECT 'days_to_lead', key, count(DISTINCT cluster_id)::int, count(DISTINCT organisation_id)::int
  FROM p GROUP BY key`;

/**
 * Referrals recorded in the month, and per referral the latest status it
 * reached in the month (one cell per referral; 'referred' is not an
 * outcome). The referring organisation feeds a referral's cells.
 */
const REFERRALS = `
  WITH made AS (
    SELECT id, organisation_id FROM referral
    WHERE working_group_id = $1 AND created_at >= $2 AND created_at < $3
  ), latest AS (
    SELECT DISTINCT ON (e.referral_id) e.referral_id, e.status, r.organisation_id
    FROM referral_event e JOIN referral r ON r.id = e.referral_id
    WHERE r.working_group_id = $1 AND e.created_at >= $2 AND e.created_at < $3
    ORDER BY e.referral_id, e.version DESC
  )
  SELECT 'referrals_made' AS metric, NULL::text AS key, count(*)::int AS value,
         count(DISTINCT organisation_id)::int AS organisations FROM made
  UNION ALL
  SELECT 'referral_outcomes', status, count(*)::int, count(DISTINCT organisation_id)::int
  FROM latest WHERE status <> 'referred' GROUP BY status`;

/** Organisations that were active members at the month's end (each feeds only itself). */
const MEMBER_ORGANISATIONS = `
  SELECT 'member_organisations' AS metric, NULL::text AS key, count(*)::int AS value,
         count(*)::int AS organisations
  FROM working_group_member
  WHERE working_group_id = $1 AND joined_at IS NOT NULL AND joined_at < $2
    AND (left_at IS NULL OR left_at >= $2) AND status <> 'invited'`;
