import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CaseRow } from './case-rows.js';
import { CASE_SELECT } from './cases.repository.js';

/**
 * Re-importing a record after a key rotation: finding the case an earlier
 * epoch registered, moving it to the record's current idempotency key, and
 * the caller's sealed copies of the earlier keys. Runs in the caller's
 * transaction, as the tenant.
 */
@Injectable()
export class CaseReimportRepository {
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
}
