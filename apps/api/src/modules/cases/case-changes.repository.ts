import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export type CounterpartChange = 'changed' | 'withdrawn' | 'left';

/** An overlap whose other party must hear that this side's case changed. */
export interface ChangedOverlap {
  overlap_id: string;
  other_org: string;
  other_case: string;
  at: Date;
}

/** An organisation's fingerprint changes and withdrawals in a group today. */
export interface ChangeUsage {
  fingerprint_changes: number;
  withdrawals: number;
  alerted: boolean;
}

/**
 * What a case's change leaves for others: per-day change counts and their
 * alert, records on the case's overlaps, and freezing an organisation's
 * cases when it leaves a group. Runs in the caller's transaction; each
 * method says whose rights it needs.
 */
@Injectable()
export class CaseChangesRepository {
  /** Counts one fingerprint change of the case today (UTC); returns today's count. */
  async countCaseChange(m: EntityManager, caseId: string): Promise<number> {
    const [rows] = await m.query<[Array<{ n: number }>, number]>(
      `UPDATE tracking_case SET
         changes_on_day = CASE WHEN changes_day = (now() AT TIME ZONE 'UTC')::date THEN changes_on_day + 1 ELSE 1 END,
         changes_day = (now() AT TIME ZONE 'UTC')::date
       WHERE id = $1 RETURNING changes_on_day AS n`,
      [caseId],
    );
    return rows[0]?.n ?? 0;
  }

  /** Adds to the organisation's counts of today (UTC) in the group; returns them. */
  async countOrganisationChange(
    m: EntityManager,
    organisationId: string,
    workingGroupId: string,
    what: 'fingerprint_changes' | 'withdrawals',
  ): Promise<ChangeUsage> {
    // `what` is one of two typed column names, never input.
    const rows = await m.query<ChangeUsage[]>(
      `INSERT INTO case_change_usage (organisation_id, working_group_id, day, ${what})
       VALUES ($1, $2, (now() AT TIME ZONE 'UTC')::date, 1)
       ON CONFLICT (organisation_id, working_group_id, day) DO UPDATE SET ${what} = case_change_usage.${what} + 1
       RETURNING fingerprint_changes, withdrawals, alerted`,
      [organisationId, workingGroupId],
    );
    return rows[0] as ChangeUsage;
  }

  /** Claims today's alert for the organisation and group: true for the first caller only. */
  async claimChangeAlert(
    m: EntityManager,
    organisationId: string,
    workingGroupId: string,
  ): Promise<boolean> {
    const [rows] = await m.query<[Array<{ ok: boolean }>, number]>(
      `UPDATE case_change_usage SET alerted = true
       WHERE organisation_id = $1 AND working_group_id = $2 AND day = (now() AT TIME ZONE 'UTC')::date AND NOT alerted
       RETURNING true AS ok`,
      [organisationId, workingGroupId],
    );
    return rows.length > 0;
  }

  /**
   * Records on every overlap of the case, standing or retracted, what its
   * organisation did, for the other party to see; returns those overlaps.
   * Retracted ones too: a probe that flips a case between matching and not
   * matching leaves a record at every round, not every other one. Runs as the tenant: the overlap policy lets
   * a party update its overlaps. `side` columns are chosen by which party
   * the organisation is.
   */
  async markOverlapsChanged(
    m: EntityManager,
    caseId: string,
    change: CounterpartChange,
  ): Promise<ChangedOverlap[]> {
    const [rows] = await m.query<[ChangedOverlap[], number]>(
      `UPDATE overlap SET
         change_a = CASE WHEN case_a = $1 THEN $2::counterpart_change ELSE change_a END,
         change_a_at = CASE WHEN case_a = $1 THEN now() ELSE change_a_at END,
         change_b = CASE WHEN case_b = $1 THEN $2::counterpart_change ELSE change_b END,
         change_b_at = CASE WHEN case_b = $1 THEN now() ELSE change_b_at END,
         updated_at = now()
       WHERE (case_a = $1 OR case_b = $1)
       RETURNING id AS overlap_id,
         CASE WHEN case_a = $1 THEN org_b ELSE org_a END AS other_org,
         CASE WHEN case_a = $1 THEN case_b ELSE case_a END AS other_case,
         now() AS at`,
      [caseId, change],
    );
    return rows;
  }

  /** References of the other parties' cases: needs the owner's rights. */
  async referencesOf(m: EntityManager, caseIds: readonly string[]): Promise<Map<string, string>> {
    if (caseIds.length === 0) return new Map();
    const rows = await m.query<Array<{ id: string; reference: string }>>(
      'SELECT id, reference FROM tracking_case WHERE id = ANY($1)',
      [caseIds],
    );
    return new Map(rows.map((r) => [r.id, r.reference]));
  }

  /**
   * Freezes the organisation's live cases in the group (it left): returns
   * their ids. Runs with the owner's rights (a coordinator removes the
   * organisation, not the organisation itself).
   */
  async freezeCasesOf(
    m: EntityManager,
    organisationId: string,
    workingGroupId: string,
  ): Promise<string[]> {
    const [rows] = await m.query<[Array<{ id: string }>, number]>(
      `UPDATE tracking_case SET frozen_at = now(), updated_at = now()
       WHERE organisation_id = $1 AND working_group_id = $2 AND frozen_at IS NULL AND withdrawn_at IS NULL
       RETURNING id`,
      [organisationId, workingGroupId],
    );
    return rows.map((r) => r.id);
  }

  /** Unfreezes the organisation's cases in the group (it rejoined); returns their ids. Owner's rights. */
  async unfreezeCasesOf(
    m: EntityManager,
    organisationId: string,
    workingGroupId: string,
  ): Promise<string[]> {
    const [rows] = await m.query<[Array<{ id: string }>, number]>(
      `UPDATE tracking_case SET frozen_at = NULL, updated_at = now()
       WHERE organisation_id = $1 AND working_group_id = $2 AND frozen_at IS NOT NULL
       RETURNING id`,
      [organisationId, workingGroupId],
    );
    return rows.map((r) => r.id);
  }
}
