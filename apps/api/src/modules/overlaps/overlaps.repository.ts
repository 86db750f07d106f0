import { Injectable } from '@nestjs/common';
import type { OverlapStrength } from '@parallax/domain';
import type { EntityManager } from 'typeorm';
import type { Overlap } from './models/overlap.model.js';

export type OverlapVerdict = 'confirmed' | 'false_match';
export type ContactStatus = 'none' | 'requested' | 'accepted' | 'declined';
export type OverlapSide = 'a' | 'b';
export type CounterpartChangeKind = 'changed' | 'withdrawn' | 'left';

/** An overlap joined with what one party (`$1`, its organisation) may see of it. */
export interface OverlapRow {
  id: string;
  working_group_id: string;
  case_a: string;
  case_b: string;
  org_a: string;
  org_b: string;
  score: number;
  strength: OverlapStrength;
  matched_kinds: string[];
  retracted_at: Date | null;
  change_a: CounterpartChangeKind | null;
  change_a_at: Date | null;
  change_b: CounterpartChangeKind | null;
  change_b_at: Date | null;
  verdict_a: OverlapVerdict | null;
  reason_a: string | null;
  verdict_b: OverlapVerdict | null;
  reason_b: string | null;
  contact_status: ContactStatus;
  contact_requested_by: string | null;
  revealed_at: Date | null;
  created_at: Date;
  my_reference: string;
  other_name: string | null;
  other_kind: 'cso' | 'donor' | 'secretariat' | null;
  other_created_at: Date | null;
  my_cluster_id: string | null;
}

/** My case of an overlap, for the organisation `$1`. */
export const MY_CASE_JOIN = `JOIN tracking_case mc ON mc.id = CASE WHEN o.org_a = $1 THEN o.case_a ELSE o.case_b END`;

/** The columns `toOverlap` reads, without FROM: the other organisation only once revealed. */
export const OVERLAP_COLUMNS = `
  o.*, mc.reference AS my_reference,
  CASE WHEN o.revealed_at IS NOT NULL THEN oo.name END AS other_name,
  CASE WHEN o.revealed_at IS NOT NULL THEN oo.kind END AS other_kind,
  CASE WHEN o.revealed_at IS NOT NULL THEN oo.created_at END AS other_created_at,
  CASE WHEN o.revealed_at IS NOT NULL THEN mcc.cluster_id END AS my_cluster_id`;

/** Joins only what the caller's side may see: its own case, and the other organisation once revealed. */
export const OVERLAP_FROM = `
  FROM overlap o
  ${MY_CASE_JOIN}
  JOIN organisation oo ON oo.id = CASE WHEN o.org_a = $1 THEN o.org_b ELSE o.org_a END
  LEFT JOIN cluster_case mcc ON mcc.case_id = mc.id AND mcc.left_at IS NULL`;

const OVERLAP_SELECT = `SELECT ${OVERLAP_COLUMNS} ${OVERLAP_FROM}`;

function counterpartChangeOf(
  kind: CounterpartChangeKind | null,
  at: Date | null,
): Overlap['counterpartChange'] {
  return kind && at ? { kind, at } : null;
}

/** The overlap as the organisation `actorOrg` (one of its two parties) sees it. */
export function toOverlap(actorOrg: string, r: OverlapRow): Overlap {
  const mineIsA = r.org_a === actorOrg;
  const otherId = mineIsA ? r.org_b : r.org_a;
  return {
    id: r.id,
    workingGroupId: r.working_group_id,
    myCase: { id: mineIsA ? r.case_a : r.case_b, reference: r.my_reference },
    otherOrganisation:
      r.revealed_at && r.other_name && r.other_kind && r.other_created_at
        ? { id: otherId, name: r.other_name, kind: r.other_kind, createdAt: r.other_created_at }
        : null,
    // The band only: a raw score to three decimals leaks how many fingerprints matched.
    strength: r.strength,
    matchedKinds: r.matched_kinds,
    myVerdict: mineIsA ? r.verdict_a : r.verdict_b,
    myReason: mineIsA ? r.reason_a : r.reason_b,
    contactStatus: r.contact_status,
    contactRequestedByMe: r.contact_requested_by === actorOrg,
    revealed: r.revealed_at !== null,
    createdAt: r.created_at,
    retractedAt: r.retracted_at,
    // The cluster of my case (cluster_case shows a tenant only its own cases), once revealed.
    clusterId: r.my_cluster_id ?? null,
    counterpartChange: counterpartChangeOf(
      mineIsA ? r.change_b : r.change_a,
      mineIsA ? r.change_b_at : r.change_a_at,
    ),
  };
}

/** Overlaps as their parties read and answer them. Each method runs in the caller's (tenant) transaction. */
@Injectable()
export class OverlapsRepository {
  /** One overlap the organisation is a party to; `lock` holds it until the transaction ends. */
  async findOfOrganisation(
    m: EntityManager,
    org: string,
    overlapId: string,
    lock: boolean,
  ): Promise<OverlapRow | null> {
    const rows = await m.query<OverlapRow[]>(
      `${OVERLAP_SELECT} WHERE o.id = $2 AND $1 IN (o.org_a, o.org_b)${lock ? ' FOR UPDATE OF o' : ''}`,
      [org, overlapId],
    );
    return rows[0] ?? null;
  }

  async setVerdict(
    m: EntityManager,
    overlapId: string,
    side: OverlapSide,
    verdict: OverlapVerdict,
    reason: string | null,
  ): Promise<void> {
    // `side` is 'a' or 'b' (typed), never input: safe to name the column with it.
    // The verdict's time dates the overlap's resolution in the donor metrics.
    await m.query(
      `UPDATE overlap SET verdict_${side} = $2, reason_${side} = $3, verdict_${side}_at = now(), updated_at = now() WHERE id = $1`,
      [overlapId, verdict, reason],
    );
  }

  async markContactRequested(
    m: EntityManager,
    overlapId: string,
    byOrganisation: string,
  ): Promise<void> {
    await m.query(
      `UPDATE overlap SET contact_status = 'requested', contact_requested_by = $2, updated_at = now() WHERE id = $1`,
      [overlapId, byOrganisation],
    );
  }

  /** Acceptance reveals both identities (keeping an earlier reveal's time and cause). */
  async markContactAnswered(m: EntityManager, overlapId: string, accept: boolean): Promise<void> {
    await m.query(
      accept
        ? `UPDATE overlap SET contact_status = 'accepted', revealed_at = coalesce(revealed_at, now()), revealed_by = coalesce(revealed_by, 'consent'), updated_at = now() WHERE id = $1`
        : `UPDATE overlap SET contact_status = 'declined', updated_at = now() WHERE id = $1`,
      [overlapId],
    );
  }

  /** Any case's reference: needs the owner's rights (the tenant cannot read the other side's case). */
  async caseReference(m: EntityManager, caseId: string): Promise<string | null> {
    const rows = await m.query<Array<{ reference: string }>>(
      'SELECT reference FROM tracking_case WHERE id = $1',
      [caseId],
    );
    return rows[0]?.reference ?? null;
  }
}
