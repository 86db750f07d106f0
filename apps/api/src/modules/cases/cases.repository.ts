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
  /** The group's current key epoch (null before its first key). */
  current_epoch: number | null;
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
    needsRefingerprint: !r.withdrawn_at && r.current_epoch !== null && r.epoch !== r.current_epoch,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    withdrawnAt: r.withdrawn_at,
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
