import { Injectable } from '@nestjs/common';
import type { ArrangementStatus, PartyRole, ReferralStatus } from '@parallax/domain';
import type { EntityManager } from 'typeorm';

export interface ReferralRow {
  id: string;
  cluster_id: string;
  working_group_id: string;
  organisation_id: string;
  authority_id: string;
  authority_name: string | null;
  referred_on: string;
  categories: string[];
  status: ReferralStatus;
  version: number;
  status_on: string;
  status_changed_at: Date;
}

export interface ReferralEventRow {
  referral_id: string;
  version: number;
  status: ReferralStatus;
  status_on: string;
  actor_organisation_id: string | null;
  note_message_id: string | null;
  created_at: Date;
}

export interface NewReferral {
  clusterId: string;
  workingGroupId: string;
  organisationId: string;
  recordedBy: string;
  authorityId: string;
  authorityName: string | null;
  referredOn: string;
  categories: string[];
  at: Date;
}

export interface NewReferralEvent {
  referralId: string;
  version: number;
  status: ReferralStatus;
  statusOn: string;
  actorUserId: string | null;
  actorOrganisationId: string | null;
  noteMessageId: string | null;
  at: Date;
}

export interface DueReferral {
  id: string;
  cluster_id: string;
  working_group_id: string;
  organisation_id: string;
  status: ReferralStatus;
}

// Dates leave the database as text: a `date` read as a JS Date would shift with the server's zone.
const COLUMNS = `id, cluster_id, working_group_id, organisation_id, authority_id, authority_name,
  to_char(referred_on, 'YYYY-MM-DD') AS referred_on, categories, status, version,
  to_char(status_on, 'YYYY-MM-DD') AS status_on, status_changed_at`;

/** The SQL of referrals (read under the caller's row-level security, or the hub's for the reminder sweep). */
@Injectable()
export class ReferralsRepository {
  /** The arrangement's status and roles in force (null when none are, or the cluster has no arrangement); locked for share when asked. */
  async rolesInForce(
    m: EntityManager,
    clusterId: string,
    lock = false,
  ): Promise<{ status: ArrangementStatus | 'merged'; inForce: PartyRole[] | null } | null> {
    const rows = await m.query<
      Array<{ status: ArrangementStatus | 'merged'; in_force: PartyRole[] | null }>
    >(
      `SELECT status, state -> 'inForce' AS in_force FROM lead_arrangement WHERE cluster_id = $1${lock ? ' FOR SHARE' : ''}`,
      [clusterId],
    );
    const r = rows[0];
    return r ? { status: r.status, inForce: r.in_force } : null;
  }

  async insert(m: EntityManager, r: NewReferral): Promise<string> {
    const rows = await m.query<Array<{ id: string }>>(
      `INSERT INTO referral (cluster_id, working_group_id, organisation_id, recorded_by, authority_id, authority_name,
                             referred_on, categories, status, version, status_on, status_changed_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7::date, $8::text[], 'referred', 1, $7::date, $9, $9) RETURNING id`,
      [
        r.clusterId,
        r.workingGroupId,
        r.organisationId,
        r.recordedBy,
        r.authorityId,
        r.authorityName,
        r.referredOn,
        r.categories,
        r.at,
      ],
    );
    const id = rows[0]?.id;
    if (!id) throw new Error('referral insert returned no row');
    return id;
  }

  async addEvent(m: EntityManager, e: NewReferralEvent): Promise<void> {
    await m.query(
      `INSERT INTO referral_event (referral_id, version, status, status_on, actor_user_id, actor_organisation_id, note_message_id, created_at)
       VALUES ($1, $2, $3, $4::date, $5, $6, $7, $8)`,
      [
        e.referralId,
        e.version,
        e.status,
        e.statusOn,
        e.actorUserId,
        e.actorOrganisationId,
        e.noteMessageId,
        e.at,
      ],
    );
  }

  async findById(m: EntityManager, id: string): Promise<ReferralRow | null> {
    const rows = await m.query<ReferralRow[]>(`SELECT ${COLUMNS} FROM referral WHERE id = $1`, [
      id,
    ]);
    return rows[0] ?? null;
  }

  /**
   * Moves a referral on if it is still at `expectedVersion` (compare and
   * set): false, writing nothing, when someone else moved it meanwhile.
   */
  async compareAndSet(
    m: EntityManager,
    id: string,
    expectedVersion: number,
    change: { status: ReferralStatus; statusOn: string; at: Date },
  ): Promise<boolean> {
    // TypeORM answers an UPDATE with [rows, affected]: count the affected rows, not the pair.
    const [, affected] = await m.query<[unknown[], number]>(
      `UPDATE referral SET status = $3, status_on = $4::date, version = version + 1, status_changed_at = $5, reminded_at = NULL
       WHERE id = $1 AND version = $2`,
      [id, expectedVersion, change.status, change.statusOn, change.at],
    );
    return affected > 0;
  }

  async listOfClusters(m: EntityManager, clusterIds: readonly string[]): Promise<ReferralRow[]> {
    if (clusterIds.length === 0) return [];
    return m.query<ReferralRow[]>(
      `SELECT ${COLUMNS} FROM referral WHERE cluster_id = ANY ($1::uuid[]) ORDER BY created_at, id`,
      [clusterIds],
    );
  }

  async eventsOf(m: EntityManager, referralIds: readonly string[]): Promise<ReferralEventRow[]> {
    if (referralIds.length === 0) return [];
    return m.query<ReferralEventRow[]>(
      `SELECT referral_id, version, status, to_char(status_on, 'YYYY-MM-DD') AS status_on,
              actor_organisation_id, note_message_id, created_at
       FROM referral_event WHERE referral_id = ANY ($1::uuid[]) ORDER BY referral_id, version`,
      [referralIds],
    );
  }

  /**
   * Referrals per cluster, for the coordinators' dashboard (clusters without
   * one are absent: read as 0). Counts what the caller may see.
   */
  async countByCluster(
    m: EntityManager,
    clusterIds: readonly string[],
  ): Promise<Map<string, number>> {
    if (clusterIds.length === 0) return new Map();
    const rows = await m.query<Array<{ cluster_id: string; n: number }>>(
      `SELECT cluster_id, count(*)::int AS n FROM referral WHERE cluster_id = ANY ($1::uuid[]) GROUP BY cluster_id`,
      [clusterIds],
    );
    return new Map(rows.map((r) => [r.cluster_id, r.n]));
  }

  /**
   * Referrals still awaiting the authority's feedback with no news and no
   * reminder since `before`, locked for this sweep (a concurrent sweep skips them).
   */
  async dueForReminder(m: EntityManager, before: Date, limit: number): Promise<DueReferral[]> {
    return m.query<DueReferral[]>(
      `SELECT id, cluster_id, working_group_id, organisation_id, status FROM referral
       WHERE status NOT IN ('declined', 'closed') AND status_changed_at <= $1
         AND (reminded_at IS NULL OR reminded_at <= $1)
       ORDER BY status_changed_at, id LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [before, limit],
    );
  }

  async markReminded(m: EntityManager, ids: readonly string[], at: Date): Promise<void> {
    await m.query(`UPDATE referral SET reminded_at = $2 WHERE id = ANY ($1::uuid[])`, [ids, at]);
  }

  /** Which of these (cluster, organisation) pairs are active parties: a reminder goes only to those. */
  async activeParties(m: EntityManager, clusterIds: readonly string[]): Promise<Set<string>> {
    if (clusterIds.length === 0) return new Set();
    const rows = await m.query<Array<{ cluster_id: string; organisation_id: string }>>(
      `SELECT cluster_id, organisation_id FROM cluster_party WHERE cluster_id = ANY ($1::uuid[]) AND left_at IS NULL`,
      [clusterIds],
    );
    return new Set(rows.map((r) => `${r.cluster_id}|${r.organisation_id}`));
  }
}
