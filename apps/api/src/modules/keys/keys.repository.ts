import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  toCommitment,
  toHolder,
  toStoredGrant,
  type CommitmentRow,
  type Grant,
  type GrantRow,
  type HolderRow,
  type StoredGrant,
} from './key-rows.js';
import type { Commitment, Holder } from './key-status.mappers.js';

/**
 * Whether the user `u` (of `user_directory`) may hold the key of group `$1`.
 * Shared with the key directory (`KeyCertificatesRepository.directory`) so
 * that the holders sealed to and the holders listed never disagree.
 */
export const ELIGIBLE_HOLDER = `u.disabled_at IS NULL AND (
         EXISTS (SELECT 1 FROM working_group_coordinator c WHERE c.working_group_id = $1 AND c.user_id = u.id)
         OR (u.role IN ('org_admin', 'investigator') AND EXISTS (
           SELECT 1 FROM working_group_member m
           WHERE m.working_group_id = $1 AND m.organisation_id = u.organisation_id AND m.status = 'active')))`;

/**
 * Key epochs (`working_group_epoch`), sealed copies of K_group
 * (`group_key_grant`) and the OPRF budget counters (`oprf_usage`).
 */
@Injectable()
export class KeysRepository {
  /**
   * Who may hold K_group and fingerprint for the group: its coordinators,
   * and the org admins and investigators of its active member organisations
   * (viewers and donors never fingerprint). It reads the user and
   * working-group tables in one query because the answer must be
   * consistent within the caller's transaction (a rotation locks the group
   * first), which a chain of service calls could not promise as cheaply.
   */
  async eligibleHolders(m: EntityManager, workingGroupId: string): Promise<Holder[]> {
    const rows = await m.query<HolderRow[]>(
      `SELECT u.id, u.display_name, u.public_key, u.signing_public_key, u.organisation_id
       FROM user_directory u
       WHERE ${ELIGIBLE_HOLDER}
       ORDER BY u.id`,
      [workingGroupId],
    );
    return rows.map(toHolder);
  }

  async currentEpoch(m: EntityManager, workingGroupId: string): Promise<number | null> {
    const [row] = await m.query<Array<{ epoch: number }>>(
      'SELECT epoch FROM working_group_epoch WHERE working_group_id = $1 AND retired_at IS NULL',
      [workingGroupId],
    );
    return row?.epoch ?? null;
  }

  /** The group's current epoch and the fingerprint schema version its fingerprints are made under. */
  async currentEpochSchema(
    m: EntityManager,
    workingGroupId: string,
  ): Promise<{ epoch: number; schemaVersion: string } | null> {
    const [row] = await m.query<Array<{ epoch: number; schema_version: string }>>(
      'SELECT epoch, schema_version FROM working_group_epoch WHERE working_group_id = $1 AND retired_at IS NULL',
      [workingGroupId],
    );
    return row ? { epoch: row.epoch, schemaVersion: row.schema_version } : null;
  }

  async retireEpoch(m: EntityManager, workingGroupId: string, epoch: number): Promise<void> {
    await m.query(
      'UPDATE working_group_epoch SET retired_at = now() WHERE working_group_id = $1 AND epoch = $2',
      [workingGroupId, epoch],
    );
  }

  /**
   * `sealedOprfKey` is the hub's OPRF key sealed under the master key;
   * `commitment` the coordinator's (`createdBy`) signed commitment to K_group;
   * `schemaVersion` the fingerprint schema every fingerprint of the epoch uses.
   */
  async insertEpoch(
    m: EntityManager,
    workingGroupId: string,
    epoch: number,
    sealedOprfKey: Buffer,
    createdBy: string,
    commitment: { tag: Buffer; signature: Buffer },
    schemaVersion: string,
  ): Promise<void> {
    await m.query(
      `INSERT INTO working_group_epoch
         (working_group_id, epoch, oprf_key, created_by, commitment_tag, commitment_signature, commitment_user_id, schema_version)
       VALUES ($1, $2, $3, $4, $5, $6, $4, $7)`,
      [
        workingGroupId,
        epoch,
        sealedOprfKey,
        createdBy,
        commitment.tag,
        commitment.signature,
        schemaVersion,
      ],
    );
  }

  /** The epoch's commitment; null for an epoch made before commitments existed. */
  async commitment(
    m: EntityManager,
    workingGroupId: string,
    epoch: number,
  ): Promise<Commitment | null> {
    const [row] = await m.query<CommitmentRow[]>(
      `SELECT commitment_tag, commitment_signature, commitment_user_id
       FROM working_group_epoch WHERE working_group_id = $1 AND epoch = $2`,
      [workingGroupId, epoch],
    );
    return toCommitment(row);
  }

  /** The sealed OPRF key of a current epoch; null for an unknown or retired one. */
  async sealedOprfKey(
    m: EntityManager,
    workingGroupId: string,
    epoch: number,
  ): Promise<Buffer | null> {
    const [row] = await m.query<Array<{ oprf_key: Buffer }>>(
      'SELECT oprf_key FROM working_group_epoch WHERE working_group_id = $1 AND epoch = $2 AND retired_at IS NULL',
      [workingGroupId, epoch],
    );
    return row?.oprf_key ?? null;
  }

  async grants(m: EntityManager, workingGroupId: string, epoch: number): Promise<StoredGrant[]> {
    const rows = await m.query<GrantRow[]>(
      `SELECT user_id, sealed_key, granted_by, first_read_at
       FROM group_key_grant WHERE working_group_id = $1 AND epoch = $2`,
      [workingGroupId, epoch],
    );
    return rows.map(toStoredGrant);
  }

  /** Marks the recipient's first fetch of its copy; true only for the call that did it. */
  async markGrantRead(
    m: EntityManager,
    workingGroupId: string,
    epoch: number,
    userId: string,
  ): Promise<boolean> {
    // TypeORM answers an UPDATE with [rows, affected].
    const [, affected] = await m.query<[unknown[], number]>(
      `UPDATE group_key_grant SET first_read_at = now()
       WHERE working_group_id = $1 AND epoch = $2 AND user_id = $3 AND first_read_at IS NULL`,
      [workingGroupId, epoch, userId],
    );
    return affected > 0;
  }

  /** Deletes one user's grant of an epoch; returns who had sealed it, or undefined if there was none. */
  async deleteGrant(
    m: EntityManager,
    workingGroupId: string,
    epoch: number,
    userId: string,
  ): Promise<{ grantedBy: string | null } | undefined> {
    // TypeORM answers a DELETE … RETURNING with [rows, affected].
    const [[row]] = await m.query<[Array<{ granted_by: string | null }>, number]>(
      `DELETE FROM group_key_grant WHERE working_group_id = $1 AND epoch = $2 AND user_id = $3
       RETURNING granted_by`,
      [workingGroupId, epoch, userId],
    );
    return row ? { grantedBy: row.granted_by } : undefined;
  }

  async hasGrant(
    m: EntityManager,
    workingGroupId: string,
    epoch: number,
    userId: string,
  ): Promise<boolean> {
    const rows = await m.query<unknown[]>(
      'SELECT 1 FROM group_key_grant WHERE working_group_id = $1 AND epoch = $2 AND user_id = $3',
      [workingGroupId, epoch, userId],
    );
    return rows.length > 0;
  }

  /** False when the user already has a copy for this epoch. */
  async insertGrant(
    m: EntityManager,
    workingGroupId: string,
    epoch: number,
    grant: Grant,
    grantedBy: string,
  ): Promise<boolean> {
    const rows = await m.query<unknown[]>(
      `INSERT INTO group_key_grant (working_group_id, epoch, user_id, sealed_key, granted_by)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING user_id`,
      [workingGroupId, epoch, grant.userId, grant.sealedKey, grantedBy],
    );
    return rows.length > 0;
  }

  async evaluationsToday(
    m: EntityManager,
    organisationId: string,
    workingGroupId: string,
  ): Promise<number> {
    const [row] = await m.query<Array<{ evaluations: number }>>(
      'SELECT evaluations FROM oprf_usage WHERE organisation_id = $1 AND working_group_id = $2 AND day = current_date',
      [organisationId, workingGroupId],
    );
    return Number(row?.evaluations ?? 0);
  }

  /** Adds to today's evaluations (the row stays locked until the caller's transaction ends); returns the new total. */
  addEvaluations(
    m: EntityManager,
    organisationId: string,
    workingGroupId: string,
    count: number,
  ): Promise<number> {
    return this.addToToday(m, 'evaluations', organisationId, workingGroupId, count);
  }

  /** Adds to today's refused evaluations; returns the new total. */
  addRefusals(
    m: EntityManager,
    organisationId: string,
    workingGroupId: string,
    count: number,
  ): Promise<number> {
    return this.addToToday(m, 'refused', organisationId, workingGroupId, count);
  }

  /** One upsert for both of today's counters; `column` is one of two fixed names, never input. */
  private async addToToday(
    m: EntityManager,
    column: 'evaluations' | 'refused',
    organisationId: string,
    workingGroupId: string,
    count: number,
  ): Promise<number> {
    const [row] = await m.query<Array<{ total: number }>>(
      `INSERT INTO oprf_usage (organisation_id, working_group_id, day, ${column}) VALUES ($1, $2, current_date, $3)
       ON CONFLICT (organisation_id, working_group_id, day) DO UPDATE SET ${column} = oprf_usage.${column} + $3
       RETURNING ${column} AS total`,
      [organisationId, workingGroupId, count],
    );
    return row?.total ?? count;
  }

  /**
   * The organisation's registered (not withdrawn) cases in the group, which
   * earn it budget. Read here rather than through the cases module, which
   * depends on this one (a call back would be a cycle), and in the
   * budget's own transaction so the count and the usage agree.
   */
  async activeCaseCount(
    m: EntityManager,
    organisationId: string,
    workingGroupId: string,
  ): Promise<number> {
    const [row] = await m.query<Array<{ n: string }>>(
      'SELECT count(*) AS n FROM tracking_case WHERE organisation_id = $1 AND working_group_id = $2 AND withdrawn_at IS NULL',
      [organisationId, workingGroupId],
    );
    return Number(row?.n ?? 0);
  }
}
