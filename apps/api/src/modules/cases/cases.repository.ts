import { Injectable } from '@nestjs/common';
import type { Actor } from '@parallax/authz';
import type { CaseStatus, CrimeCategory, Situation } from '@parallax/domain';
import type { EntityManager } from 'typeorm';
import type { TrackingCase } from './models/case.model.js';

export interface FingerprintValue {
  kind: string;
  /** base64url of the 32-byte fingerprint, as the client sent it. */
  fp: string;
}

export interface CaseFields {
  reference: string;
  status: CaseStatus;
  situationTags: Situation[];
  crimeTags: CrimeCategory[];
}

export interface CaseRow {
  id: string;
  working_group_id: string;
  organisation_id: string;
  reference: string;
  status: CaseStatus;
  situation_tags: Situation[];
  crime_tags: CrimeCategory[];
  epoch: number;
  fingerprint_count: number;
  created_at: Date;
  updated_at: Date;
  withdrawn_at: Date | null;
  /** Set when the organisation left the case's working group. */
  frozen_at: Date | null;
  /** The group's current key epoch (null before its first key). */
  current_epoch: number | null;
}

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

export interface CaseInsert extends CaseFields {
  workingGroupId: string;
  organisationId: string;
  epoch: number;
  fingerprintCount: number;
  idempotencyKey: string;
  createdBy: string;
}

const CASE_SELECT = `
  SELECT c.*, (SELECT e.epoch FROM working_group_epoch e WHERE e.working_group_id = c.working_group_id AND e.retired_at IS NULL) AS current_epoch
  FROM tracking_case c`;

/** Rows per fingerprint insert: keeps one statement's parameters well below PostgreSQL's limits. */
const FINGERPRINT_CHUNK = 1000;

export function toTrackingCase(r: CaseRow): TrackingCase {
  return {
    id: r.id,
    workingGroupId: r.working_group_id,
    reference: r.reference,
    status: r.status,
    situationTags: r.situation_tags,
    crimeTags: r.crime_tags,
    epoch: r.epoch,
    fingerprintCount: r.fingerprint_count,
    needsRefingerprint:
      !r.withdrawn_at && !r.frozen_at && r.current_epoch !== null && r.epoch !== r.current_epoch,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    withdrawnAt: r.withdrawn_at,
    frozenAt: r.frozen_at,
  };
}

/**
 * Tracking cases and their fingerprints. Every method runs in the caller's
 * transaction (its `EntityManager`), as the tenant role: row-level security
 * still applies to each statement here.
 */
@Injectable()
export class CasesRepository {
  async findIdByIdempotencyKey(
    m: EntityManager,
    organisationId: string,
    idempotencyKey: string,
  ): Promise<string | null> {
    const rows = await m.query<Array<{ id: string }>>(
      'SELECT id FROM tracking_case WHERE organisation_id = $1 AND idempotency_key = $2',
      [organisationId, idempotencyKey],
    );
    return rows[0]?.id ?? null;
  }

  /** The new case's id, or null when a concurrent request registered the same idempotency key first. */
  async insert(m: EntityManager, c: CaseInsert): Promise<string | null> {
    const rows = await m.query<Array<{ id: string }>>(
      `INSERT INTO tracking_case (working_group_id, organisation_id, reference, status, situation_tags, crime_tags,
         epoch, fingerprint_count, idempotency_key, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (organisation_id, idempotency_key) DO NOTHING RETURNING id`,
      [
        c.workingGroupId,
        c.organisationId,
        c.reference,
        c.status,
        c.situationTags,
        c.crimeTags,
        c.epoch,
        c.fingerprintCount,
        c.idempotencyKey,
        c.createdBy,
      ],
    );
    return rows[0]?.id ?? null;
  }

  /** Changes the given fields; the others (undefined) stay as they are. */
  async updateFields(m: EntityManager, caseId: string, fields: Partial<CaseFields>): Promise<void> {
    await m.query(
      `UPDATE tracking_case SET reference = coalesce($2, reference), status = coalesce($3::case_status, status),
         situation_tags = coalesce($4, situation_tags), crime_tags = coalesce($5, crime_tags), updated_at = now()
       WHERE id = $1`,
      [
        caseId,
        fields.reference ?? null,
        fields.status ?? null,
        fields.situationTags ?? null,
        fields.crimeTags ?? null,
      ],
    );
  }

  async insertFingerprints(
    m: EntityManager,
    caseId: string,
    workingGroupId: string,
    epoch: number,
    fps: readonly FingerprintValue[],
  ): Promise<void> {
    for (let i = 0; i < fps.length; i += FINGERPRINT_CHUNK) {
      const chunk = fps.slice(i, i + FINGERPRINT_CHUNK);
      await m.query(
        `INSERT INTO case_fingerprint (case_id, working_group_id, epoch, kind, fp)
         SELECT $1, $2, $3, k, f FROM unnest($4::text[], $5::bytea[]) AS t(k, f)`,
        [
          caseId,
          workingGroupId,
          epoch,
          chunk.map((f) => f.kind),
          chunk.map((f) => Buffer.from(f.fp, 'base64url')),
        ],
      );
    }
  }

  async deleteFingerprints(m: EntityManager, caseId: string): Promise<void> {
    await m.query('DELETE FROM case_fingerprint WHERE case_id = $1', [caseId]);
  }

  async setFingerprintEpoch(
    m: EntityManager,
    caseId: string,
    epoch: number,
    fingerprintCount: number,
  ): Promise<void> {
    await m.query(
      'UPDATE tracking_case SET epoch = $2, fingerprint_count = $3, updated_at = now() WHERE id = $1',
      [caseId, epoch, fingerprintCount],
    );
  }

  async markWithdrawn(m: EntityManager, caseId: string): Promise<void> {
    await m.query(
      'UPDATE tracking_case SET withdrawn_at = now(), fingerprint_count = 0, updated_at = now() WHERE id = $1',
      [caseId],
    );
  }

  /**
   * The organisation's live case in the group that an earlier key epoch
   * registered under one of `idempotencyKeys` (the same record's keys under
   * earlier group keys), or else under `reference`: re-fingerprinting after
   * a rotation updates it instead of registering the record twice. Locked
   * until the transaction ends.
   */
  async findEarlierEpochCase(
    m: EntityManager,
    organisationId: string,
    workingGroupId: string,
    currentEpoch: number,
    idempotencyKeys: readonly string[],
    reference: string,
  ): Promise<CaseRow | null> {
    const rows = await m.query<CaseRow[]>(
      `${CASE_SELECT}
       WHERE c.organisation_id = $1 AND c.working_group_id = $2 AND c.epoch < $3
         AND c.withdrawn_at IS NULL AND c.frozen_at IS NULL
         AND (c.idempotency_key = ANY($4) OR c.reference = $5)
       ORDER BY (c.idempotency_key = ANY($4)) DESC, c.created_at
       LIMIT 1 FOR UPDATE OF c`,
      [organisationId, workingGroupId, currentEpoch, idempotencyKeys, reference],
    );
    return rows[0] ?? null;
  }

  /** The case now answers to the record's current idempotency key (the earlier one is forgotten). */
  async setIdempotencyKey(m: EntityManager, caseId: string, idempotencyKey: string): Promise<void> {
    await m.query('UPDATE tracking_case SET idempotency_key = $2 WHERE id = $1', [
      caseId,
      idempotencyKey,
    ]);
  }

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

  /**
   * The caller's own sealed copies of the group's retired key epochs, newest
   * first (at most 16): a client re-importing after a rotation derives the
   * records' earlier idempotency keys from them. Runs as the tenant: the
   * grant policy shows only the caller's groups' grants, and this asks for
   * the caller's own.
   */
  async earlierGrantsOf(
    m: EntityManager,
    userId: string,
    workingGroupId: string,
  ): Promise<Array<{ epoch: number; sealed_key: Buffer; granted_by: string | null }>> {
    return m.query(
      `SELECT g.epoch, g.sealed_key, g.granted_by FROM group_key_grant g
       JOIN working_group_epoch e ON e.working_group_id = g.working_group_id AND e.epoch = g.epoch
       WHERE g.working_group_id = $1 AND g.user_id = $2 AND e.retired_at IS NOT NULL
       ORDER BY g.epoch DESC LIMIT 16`,
      [workingGroupId, userId],
    );
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

  /** Newest first, at most 5000 (served by tracking_case_org_idx). */
  async listOfOrganisation(
    m: EntityManager,
    organisationId: string,
    workingGroupId: string | null,
  ): Promise<CaseRow[]> {
    return m.query<CaseRow[]>(
      `${CASE_SELECT} WHERE c.organisation_id = $1 AND ($2::uuid IS NULL OR c.working_group_id = $2) ORDER BY c.created_at DESC LIMIT 5000`,
      [organisationId, workingGroupId],
    );
  }

  /** One of the organisation's cases; `forUpdate` locks it until the transaction ends. */
  async findOfOrganisation(
    m: EntityManager,
    actor: Pick<Actor, 'organisationId'>,
    caseId: string,
    forUpdate: boolean,
  ): Promise<CaseRow | null> {
    const rows = await m.query<CaseRow[]>(
      `${CASE_SELECT} WHERE c.id = $1 AND c.organisation_id = $2${forUpdate ? ' FOR UPDATE OF c' : ''}`,
      [caseId, actor.organisationId],
    );
    return rows[0] ?? null;
  }
}
