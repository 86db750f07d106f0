import { Injectable } from '@nestjs/common';
import type { Actor } from '@parallax/authz';
import type { EntityManager } from 'typeorm';
import type { CaseFields, CaseInsert, CaseRow, FingerprintValue } from './case-rows.js';
import { caseListWhere, type CaseListFilter } from './case-list-filter.js';

export {
  toTrackingCase,
  type CaseFields,
  type CaseInsert,
  type CaseRow,
  type FingerprintValue,
} from './case-rows.js';

/** A case with its group's current key epoch (see `CaseRow.current_epoch`). */
export const CASE_SELECT = `
  SELECT c.*, (SELECT e.epoch FROM working_group_epoch e WHERE e.working_group_id = c.working_group_id AND e.retired_at IS NULL) AS current_epoch
  FROM tracking_case c`;

/** A case's creation time as its keyset cursor holds it: UTC, to the microsecond. */
const CREATED_KEY = `to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Rows per fingerprint insert: keeps one statement's parameters well below PostgreSQL's limits. */
const FINGERPRINT_CHUNK = 1000;

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

  /** The case's fingerprints become `fps`, made under `epoch`: one set replaces the other. */
  async replaceFingerprints(
    m: EntityManager,
    caseId: string,
    workingGroupId: string,
    epoch: number,
    fps: readonly FingerprintValue[],
  ): Promise<void> {
    await this.deleteFingerprints(m, caseId);
    await this.insertFingerprints(m, caseId, workingGroupId, epoch, fps);
    await this.setFingerprintEpoch(m, caseId, epoch, fps.length);
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
   * One page of the organisation's cases, newest first then by id (served by
   * tracking_case_org_keyset_idx, or tracking_case_org_idx within a group):
   * `limit` rows after `after` (the last row's [created_at, id]).
   */
  async pageOfOrganisation(
    m: EntityManager,
    organisationId: string,
    filter: CaseListFilter,
    after: readonly string[] | null,
    limit: number,
  ): Promise<Array<CaseRow & { created_key: string }>> {
    const { where, params } = caseListWhere(organisationId, filter);
    const n = params.length;
    const keyset = after ? ` AND (c.created_at, c.id) < ($${n + 1}::timestamptz, $${n + 2}::uuid)` : '';
    // The key in full (microseconds): a Date would round it and skip or repeat rows.
    return m.query<Array<CaseRow & { created_key: string }>>(
      `${CASE_SELECT.replace('SELECT c.*,', `SELECT c.*, ${CREATED_KEY} AS created_key,`)} WHERE ${where}${keyset} ORDER BY c.created_at DESC, c.id DESC LIMIT ${after ? `$${n + 3}` : `$${n + 1}`}`,
      after ? [...params, after[0], after[1], limit] : [...params, limit],
    );
  }

  /** How many of the organisation's cases match `filter` (exact). */
  async countOfOrganisation(m: EntityManager, organisationId: string, filter: CaseListFilter): Promise<number> {
    const { where, params } = caseListWhere(organisationId, filter);
    const rows = await m.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM tracking_case c WHERE ${where}`,
      params,
    );
    return rows[0]?.n ?? 0;
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
