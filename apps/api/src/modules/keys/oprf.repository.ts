import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * What bounds the hub's OPRF beyond the per-organisation counter of
 * `KeysRepository`: which cases earn allowance, the per-user counter
 * (`oprf_user_usage`), and the once-a-day unusual-volume flag.
 */
@Injectable()
export class OprfRepository {
  /** The group's current epoch, read on every evaluation so a retired key is never used (even from a cache). */
  async isCurrentEpoch(m: EntityManager, workingGroupId: string, epoch: number): Promise<boolean> {
    const rows = await m.query<unknown[]>(
      'SELECT 1 FROM working_group_epoch WHERE working_group_id = $1 AND epoch = $2 AND retired_at IS NULL',
      [workingGroupId, epoch],
    );
    return rows.length > 0;
  }

  /**
   * The organisation's registered cases that carry fingerprints: only these
   * earn OPRF allowance (an empty case costs nothing to register, so
   * counting it would let anyone raise its own budget at will).
   */
  fingerprintedCaseCount(
    m: EntityManager,
    organisationId: string,
    workingGroupId: string,
  ): Promise<number> {
    return this.countFingerprintedCases(m, organisationId, workingGroupId);
  }

  /** The same, for the cases this user registered: what earns the user's own allowance. */
  userFingerprintedCaseCount(
    m: EntityManager,
    userId: string,
    organisationId: string,
    workingGroupId: string,
  ): Promise<number> {
    return this.countFingerprintedCases(m, organisationId, workingGroupId, 'AND created_by = $3', [userId]);
  }

  /** Cases with fingerprints registered or changed today: the work today's evaluations should account for. */
  casesFingerprintedToday(
    m: EntityManager,
    organisationId: string,
    workingGroupId: string,
  ): Promise<number> {
    return this.countFingerprintedCases(m, organisationId, workingGroupId, 'AND updated_at >= current_date');
  }

  /** Adds to the user's evaluations today (row-locked until the transaction ends); returns the new total. */
  async addUserEvaluations(
    m: EntityManager,
    userId: string,
    workingGroupId: string,
    count: number,
  ): Promise<number> {
    const [row] = await m.query<Array<{ total: number }>>(
      `INSERT INTO oprf_user_usage (user_id, working_group_id, day, evaluations) VALUES ($1, $2, current_date, $3)
       ON CONFLICT (user_id, working_group_id, day) DO UPDATE SET evaluations = oprf_user_usage.evaluations + $3
       RETURNING evaluations AS total`,
      [userId, workingGroupId, count],
    );
    return row?.total ?? count;
  }

  /** True for the first caller of the day only: coordinators hear of an unusual volume once per organisation and group. */
  async claimVolumeAlert(
    m: EntityManager,
    organisationId: string,
    workingGroupId: string,
  ): Promise<boolean> {
    const rows = await m.query<unknown[]>(
      `UPDATE oprf_usage SET volume_alerted = true
       WHERE organisation_id = $1 AND working_group_id = $2 AND day = current_date AND NOT volume_alerted
       RETURNING 1`,
      [organisationId, workingGroupId],
    );
    // node-postgres returns [rows, count] for an UPDATE through TypeORM.
    const first = rows[0];
    return Array.isArray(first) ? first.length > 0 : rows.length > 0;
  }

  /**
   * The organisation's registered (not withdrawn) cases in the group that
   * carry fingerprints, narrowed by `extra`: one of the fixed conditions
   * above, never input, whose parameters follow the organisation and group.
   */
  private async countFingerprintedCases(
    m: EntityManager,
    organisationId: string,
    workingGroupId: string,
    extra: '' | 'AND created_by = $3' | 'AND updated_at >= current_date' = '',
    params: string[] = [],
  ): Promise<number> {
    const [row] = await m.query<Array<{ n: string }>>(
      `SELECT count(*) AS n FROM tracking_case
       WHERE organisation_id = $1 AND working_group_id = $2 AND withdrawn_at IS NULL AND fingerprint_count > 0
         ${extra}`,
      [organisationId, workingGroupId, ...params],
    );
    return Number(row?.n ?? 0);
  }
}
