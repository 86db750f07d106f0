import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface Placement {
  case_id: string;
  cluster_id: string;
  organisation_id: string;
  left_at: Date | null;
}

export interface ClusterRow {
  id: string;
  working_group_id: string;
  created_at: Date;
}

/**
 * The SQL of the cluster lifecycle (note: an UPDATE … RETURNING answers
 * `[rows, count]` through TypeORM's postgres driver, an INSERT its rows). Every method runs inside the hub's own
 * context (`withOwnerRights`) of the transaction that causes the change: a
 * cluster spans organisations, so no tenant may write it directly.
 */
@Injectable()
export class ClusterFormationRepository {
  /**
   * Serialises the lifecycle of one working group's clusters until commit.
   * A row lock cannot do it alone: the rows that two simultaneous reveals of
   * one unclustered case would both insert do not exist yet.
   */
  async lockGroup(m: EntityManager, workingGroupId: string): Promise<void> {
    await m.query(
      `SELECT pg_advisory_xact_lock(hashtext('parallax.cluster'), hashtext($1::text))`,
      [workingGroupId],
    );
  }

  /** Where the cases sit (rows locked), whether or not they left. */
  async placements(m: EntityManager, caseIds: readonly string[]): Promise<Placement[]> {
    return m.query<Placement[]>(
      `SELECT case_id, cluster_id, organisation_id, left_at FROM cluster_case
       WHERE case_id = ANY($1::uuid[]) ORDER BY case_id FOR UPDATE`,
      [caseIds],
    );
  }

  async clusters(m: EntityManager, ids: readonly string[]): Promise<ClusterRow[]> {
    return m.query<ClusterRow[]>(
      `SELECT id, working_group_id, created_at FROM cluster WHERE id = ANY($1::uuid[])
       ORDER BY created_at, id FOR UPDATE`,
      [ids],
    );
  }

  async createCluster(m: EntityManager, workingGroupId: string): Promise<string> {
    const rows = await m.query<Array<{ id: string }>>(
      'INSERT INTO cluster (working_group_id) VALUES ($1) RETURNING id',
      [workingGroupId],
    );
    const id = rows[0]?.id;
    if (!id) throw new Error('cluster insert returned no id');
    return id;
  }

  /** Puts the case in the cluster, or brings it back there after it left; false when it was there already. */
  async placeCase(
    m: EntityManager,
    clusterId: string,
    caseId: string,
    organisationId: string,
  ): Promise<boolean> {
    const rows = await m.query<Array<{ case_id: string }>>(
      `INSERT INTO cluster_case (case_id, cluster_id, organisation_id) VALUES ($1, $2, $3)
       ON CONFLICT (case_id) DO UPDATE SET left_at = NULL, joined_at = now()
         WHERE cluster_case.cluster_id = EXCLUDED.cluster_id AND cluster_case.left_at IS NOT NULL
       RETURNING case_id`,
      [caseId, clusterId, organisationId],
    );
    return rows.length > 0;
  }

  /** Makes the organisation an active party; true when it was not one before. */
  async joinParty(m: EntityManager, clusterId: string, organisationId: string): Promise<boolean> {
    // Both statements of the CTE see the rows as they were before it: `before` tells what the insert changed.
    const rows = await m.query<Array<{ was_active: boolean }>>(
      `WITH before AS (
         SELECT left_at IS NULL AS active FROM cluster_party WHERE cluster_id = $1 AND organisation_id = $2
       ), upsert AS (
         INSERT INTO cluster_party (cluster_id, organisation_id) VALUES ($1, $2)
         ON CONFLICT (cluster_id, organisation_id) DO UPDATE SET left_at = NULL, joined_at = now()
           WHERE cluster_party.left_at IS NOT NULL
       ) SELECT coalesce((SELECT active FROM before), false) AS was_active`,
      [clusterId, organisationId],
    );
    return !rows[0]?.was_active;
  }

  async activeParties(m: EntityManager, clusterId: string): Promise<string[]> {
    const rows = await m.query<Array<{ organisation_id: string }>>(
      `SELECT organisation_id FROM cluster_party WHERE cluster_id = $1 AND left_at IS NULL ORDER BY organisation_id`,
      [clusterId],
    );
    return rows.map((r) => r.organisation_id);
  }

  /**
   * Moves the younger cluster's cases, parties (union, earliest joining) and
   * referrals into the survivor and marks it merged. Its messages stay under
   * their cluster id (listed with the survivor's through the lineage); its
   * party rows are closed so access goes through the survivor from now on.
   */
  async merge(m: EntityManager, youngerId: string, survivorId: string): Promise<void> {
    await m.query(`UPDATE cluster_case SET cluster_id = $2 WHERE cluster_id = $1`, [
      youngerId,
      survivorId,
    ]);
    await m.query(
      `INSERT INTO cluster_party (cluster_id, organisation_id, joined_at, left_at)
       SELECT $2, organisation_id, joined_at, left_at FROM cluster_party WHERE cluster_id = $1
       ON CONFLICT (cluster_id, organisation_id) DO UPDATE SET
         joined_at = least(cluster_party.joined_at, EXCLUDED.joined_at),
         left_at = CASE WHEN cluster_party.left_at IS NULL OR EXCLUDED.left_at IS NULL THEN NULL
                        ELSE greatest(cluster_party.left_at, EXCLUDED.left_at) END`,
      [youngerId, survivorId],
    );
    await m.query(
      `UPDATE cluster_party SET left_at = now() WHERE cluster_id = $1 AND left_at IS NULL`,
      [youngerId],
    );
    await m.query(`UPDATE referral SET cluster_id = $2 WHERE cluster_id = $1`, [
      youngerId,
      survivorId,
    ]);
    await m.query(`UPDATE cluster SET merged_into = $2, merged_at = now() WHERE id = $1`, [
      youngerId,
      survivorId,
    ]);
  }

  /** Takes the case out of its cluster; its placement, or null when it was in none (or had left). */
  async leaveCase(m: EntityManager, caseId: string): Promise<Placement | null> {
    const [rows] = await m.query<[Placement[], number]>(
      `UPDATE cluster_case SET left_at = now() WHERE case_id = $1 AND left_at IS NULL
       RETURNING case_id, cluster_id, organisation_id, left_at`,
      [caseId],
    );
    return rows[0] ?? null;
  }

  /** Takes all the organisation's cases in the group's clusters out; the clusters they left. */
  async leaveOrganisation(
    m: EntityManager,
    workingGroupId: string,
    organisationId: string,
  ): Promise<string[]> {
    const [rows] = await m.query<[Array<{ cluster_id: string }>, number]>(
      `UPDATE cluster_case cc SET left_at = now() FROM cluster c
       WHERE c.id = cc.cluster_id AND c.working_group_id = $1 AND cc.organisation_id = $2 AND cc.left_at IS NULL
       RETURNING cc.cluster_id`,
      [workingGroupId, organisationId],
    );
    return [...new Set(rows.map((r) => r.cluster_id))].sort();
  }

  /** Closes the organisation's party row when none of its cases is left in the cluster; true when it did. */
  async leavePartyIfNoCase(
    m: EntityManager,
    clusterId: string,
    organisationId: string,
  ): Promise<boolean> {
    const [rows] = await m.query<[Array<{ organisation_id: string }>, number]>(
      `UPDATE cluster_party SET left_at = now()
       WHERE cluster_id = $1 AND organisation_id = $2 AND left_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM cluster_case WHERE cluster_id = $1 AND organisation_id = $2 AND left_at IS NULL)
       RETURNING organisation_id`,
      [clusterId, organisationId],
    );
    return rows.length > 0;
  }

  async workingGroupOf(m: EntityManager, clusterId: string): Promise<string | null> {
    const rows = await m.query<Array<{ working_group_id: string }>>(
      'SELECT working_group_id FROM cluster WHERE id = $1',
      [clusterId],
    );
    return rows[0]?.working_group_id ?? null;
  }

  async placement(m: EntityManager, caseId: string): Promise<Placement | null> {
    const rows = await m.query<Placement[]>(
      'SELECT case_id, cluster_id, organisation_id, left_at FROM cluster_case WHERE case_id = $1',
      [caseId],
    );
    return rows[0] ?? null;
  }
}
