import { Injectable } from '@nestjs/common';
import type { OverlapStrength } from '@parallax/domain';
import type { EntityManager } from 'typeorm';

/** A case being matched, locked for the batch. */
export interface CaseHead {
  id: string;
  working_group_id: string;
  organisation_id: string;
  reference: string;
  epoch: number;
  withdrawn_at: Date | null;
  /** Set when the organisation left the group (see `member`). */
  frozen_at: Date | null;
  /** Whether the case's organisation is a current (active) member of its group. */
  member: boolean;
  /** What must be unchanged for a match to stay valid: updated_at, epoch and the group's current epoch. */
  version: string;
  /** The group's current key epoch (null before its first key). */
  current_epoch: number | null;
}

export interface FingerprintRow {
  case_id: string;
  kind: string;
  fp: Buffer;
}

/** "How many cases of this group and epoch hold `fp`?", counted up to `cap`. */
export interface HolderProbe {
  workingGroupId: string;
  epoch: number;
  fp: Buffer;
  cap: number;
}

export interface HolderCount {
  wg: string;
  epoch: number;
  fp: Buffer;
  n: number;
}

/** "Which other organisations' cases hold `fp`, which `mine` holds?" */
export interface CandidateProbe {
  mine: string;
  workingGroupId: string;
  epoch: number;
  organisationId: string;
  fp: Buffer;
}

export interface CandidateRow {
  mine: string;
  other: string;
  other_org: string;
  other_reference: string;
}

export interface OverlapRef {
  id: string;
  case_a: string;
  case_b: string;
}

/** One alerting pair as stored: a < b by case id (the table's CHECK). */
export interface OverlapWrite {
  workingGroupId: string;
  caseA: string;
  caseB: string;
  orgA: string;
  orgB: string;
  score: number;
  strength: OverlapStrength;
  matchedKinds: readonly string[];
  /** Reveal both identities at detection (a sharing agreement says so). */
  reveal: boolean;
}

export interface WrittenOverlap extends OverlapRef {
  /** True for a new overlap, false for a rescored or revived one. */
  inserted: boolean;
}

/**
 * The statements of batch matching. Each runs in the batch's transaction
 * with the hub owner's rights (matching sees every organisation's cases of a
 * group; it writes only overlaps, which their parties read through RLS).
 *
 * Why raw, set-based SQL: a batch is up to a few hundred cases with up to
 * thousands of fingerprints each. Every statement takes whole arrays
 * (`unnest`) so a batch costs a handful of round trips, not one per case,
 * fingerprint or pair, and PostgreSQL can plan each as one join.
 */
@Injectable()
export class MatchingRepository {
  /**
   * Locks the cases (job and fast path may overlap) in id order, against
   * deadlocks. Primary-key lookups; the epoch join uses the partial unique
   * index working_group_epoch_current.
   */
  async lockCases(m: EntityManager, ids: readonly string[]): Promise<CaseHead[]> {
    return m.query<CaseHead[]>(
      `SELECT c.id, c.working_group_id, c.organisation_id, c.reference, c.epoch, c.withdrawn_at, c.frozen_at,
              EXISTS (SELECT 1 FROM working_group_member wm WHERE wm.working_group_id = c.working_group_id
                        AND wm.organisation_id = c.organisation_id AND wm.status = 'active') AS member,
              c.updated_at::text || '|' || c.epoch || '|' || coalesce(e.epoch::text, '-') AS version,
              e.epoch AS current_epoch
       FROM tracking_case c
       LEFT JOIN working_group_epoch e ON e.working_group_id = c.working_group_id AND e.retired_at IS NULL
       WHERE c.id = ANY($1) ORDER BY c.id FOR UPDATE OF c`,
      [ids],
    );
  }

  /** Served by the primary key (case_id, kind, fp): a range scan per case. */
  async fingerprintsOf(m: EntityManager, caseIds: readonly string[]): Promise<FingerprintRow[]> {
    if (caseIds.length === 0) return [];
    return m.query<FingerprintRow[]>(
      'SELECT case_id, kind, fp FROM case_fingerprint WHERE case_id = ANY($1)',
      [caseIds],
    );
  }

  /**
   * Holders of each fingerprint, counted only up to its cap: beyond it the
   * exact count changes no score, so a very common fingerprint costs at most
   * `cap` index entries, never a scan of all its holders. Each probe is one
   * `LIMIT`ed range scan of case_fingerprint_lookup (working_group_id, epoch,
   * fp), an index-only scan once the table is vacuumed. A withdrawn case
   * holds no fingerprints (withdrawal deletes them), so every holder counts.
   */
  async countHolders(m: EntityManager, probes: readonly HolderProbe[]): Promise<HolderCount[]> {
    if (probes.length === 0) return [];
    return m.query<HolderCount[]>(
      `SELECT f.wg, f.epoch, f.fp,
              (SELECT count(*) FROM (SELECT 1 FROM case_fingerprint cf
                                     WHERE cf.working_group_id = f.wg AND cf.epoch = f.epoch AND cf.fp = f.fp LIMIT f.cap) s)::int AS n
       FROM unnest($1::uuid[], $2::int[], $3::bytea[], $4::int[]) AS f(wg, epoch, fp, cap)`,
      [
        probes.map((p) => p.workingGroupId),
        probes.map((p) => p.epoch),
        probes.map((p) => p.fp),
        probes.map((p) => p.cap),
      ],
    );
  }

  /**
   * Other organisations' live cases that hold one of the probed (rare)
   * fingerprints — of current members only: a case frozen when its
   * organisation left, or of an organisation no longer active in the group,
   * is never a candidate. First the holders of each probe (an index scan of
   * case_fingerprint_lookup on (working_group_id, epoch, fp) per probe, few
   * rows each: probes are only fingerprints rare enough to add evidence),
   * then each holder's case by primary key and its membership.
   *
   * Why a MATERIALIZED CTE and a LATERAL case lookup: written as one flat
   * join, PostgreSQL cannot estimate the row-level security filters on
   * tracking_case (current_setting calls), guesses 0.5 % of the cases, and
   * puts every live case × every probe in a nested loop: 26 s a call at
   * 10,000 cases in the issue 13 hub benchmark, against 7 ms this way.
   */
  async findCandidates(
    m: EntityManager,
    probes: readonly CandidateProbe[],
  ): Promise<CandidateRow[]> {
    if (probes.length === 0) return [];
    return m.query<CandidateRow[]>(
      `WITH hit AS MATERIALIZED (
         SELECT DISTINCT g.mine, g.org, o.case_id
         FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::uuid[], $5::bytea[]) AS g(mine, wg, epoch, org, fp)
         JOIN case_fingerprint o ON o.working_group_id = g.wg AND o.epoch = g.epoch AND o.fp = g.fp
         WHERE o.case_id <> g.mine)
       SELECT h.mine, oc.id AS other, oc.organisation_id AS other_org, oc.reference AS other_reference
       FROM hit h
       CROSS JOIN LATERAL (
         SELECT c.id, c.working_group_id, c.organisation_id, c.reference FROM tracking_case c
         WHERE c.id = h.case_id AND c.organisation_id <> h.org AND c.withdrawn_at IS NULL AND c.frozen_at IS NULL
         OFFSET 0) oc
       WHERE EXISTS (SELECT 1 FROM working_group_member wm WHERE wm.working_group_id = oc.working_group_id
                       AND wm.organisation_id = oc.organisation_id AND wm.status = 'active')`,
      [
        probes.map((p) => p.mine),
        probes.map((p) => p.workingGroupId),
        probes.map((p) => p.epoch),
        probes.map((p) => p.organisationId),
        probes.map((p) => p.fp),
      ],
    );
  }

  /**
   * Live overlaps touching any of the cases. `case_a = ANY` uses the unique
   * (case_a, case_b) index; `case_b = ANY` has no index of its own and is
   * filtered, which is cheap while a group's live overlaps are few (the
   * partial overlap_group_idx bounds them).
   */
  async openOverlapsOf(m: EntityManager, caseIds: readonly string[]): Promise<OverlapRef[]> {
    return m.query<OverlapRef[]>(
      'SELECT id, case_a, case_b FROM overlap WHERE (case_a = ANY($1) OR case_b = ANY($1)) AND retracted_at IS NULL',
      [caseIds],
    );
  }

  /** Retracts those still live; returns what it retracted. */
  async retract(m: EntityManager, overlapIds: readonly string[]): Promise<OverlapRef[]> {
    if (overlapIds.length === 0) return [];
    // TypeORM answers an UPDATE … RETURNING with [rows, affected].
    const [rows] = await m.query<[OverlapRef[], number]>(
      'UPDATE overlap SET retracted_at = now(), updated_at = now() WHERE id = ANY($1) AND retracted_at IS NULL RETURNING id, case_a, case_b',
      [overlapIds],
    );
    return rows;
  }

  /**
   * Inserts new overlaps, rescores changed ones and revives retracted ones, in
   * one statement on the unique (case_a, case_b) index. Rows are written in
   * (a, b) order so two batches never wait on each other in opposite orders;
   * an unchanged overlap is not touched (and not returned), which is what
   * makes matching idempotent. `xmax = 0` tells an insert from an update.
   */
  async upsertOverlaps(
    m: EntityManager,
    writes: readonly OverlapWrite[],
  ): Promise<WrittenOverlap[]> {
    if (writes.length === 0) return [];
    return m.query<WrittenOverlap[]>(
      `INSERT INTO overlap (working_group_id, case_a, case_b, org_a, org_b, score, strength, matched_kinds, revealed_at, revealed_by)
       SELECT wg, a, b, oa, ob, sc, st, string_to_array(mk, ','), CASE WHEN rv THEN now() END, CASE WHEN rv THEN 'agreement' END
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::float8[], $7::text[], $8::text[], $9::boolean[])
         AS t(wg, a, b, oa, ob, sc, st, mk, rv)
       ORDER BY a, b
       ON CONFLICT (case_a, case_b) DO UPDATE SET
         score = excluded.score, strength = excluded.strength, matched_kinds = excluded.matched_kinds,
         retracted_at = NULL, updated_at = now()
       WHERE overlap.score IS DISTINCT FROM excluded.score OR overlap.strength IS DISTINCT FROM excluded.strength
         OR overlap.matched_kinds IS DISTINCT FROM excluded.matched_kinds OR overlap.retracted_at IS NOT NULL
       RETURNING id, case_a, case_b, (xmax = 0) AS inserted`,
      [
        writes.map((w) => w.workingGroupId),
        writes.map((w) => w.caseA),
        writes.map((w) => w.caseB),
        writes.map((w) => w.orgA),
        writes.map((w) => w.orgB),
        writes.map((w) => w.score),
        writes.map((w) => w.strength),
        writes.map((w) => w.matchedKinds.join(',')),
        writes.map((w) => w.reveal),
      ],
    );
  }
}
