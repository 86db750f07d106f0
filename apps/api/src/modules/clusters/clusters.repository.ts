import { Injectable } from '@nestjs/common';
import type { PartyRole } from '@parallax/domain';
import type { EntityManager } from 'typeorm';
import type { ClusterAccess } from './cluster-access.js';

export interface ClusterListRow {
  id: string;
  working_group_id: string;
  created_at: Date;
  /** The creation time to the microsecond (a JS Date would lose it), for the cursor. */
  created_key: string;
  access: ClusterAccess;
}

export interface PartyRow {
  cluster_id: string;
  organisation_id: string;
  organisation_name: string;
  joined_at: Date;
  left_at: Date | null;
}

export interface CaseRefRow {
  cluster_id: string;
  id: string;
  reference: string;
}

/** Keyset position: after (`at`, `id`) in newest-first order; null for the first page. */
export type ClusterAfter = { at: string; id: string } | null;

const KEY = `to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * `$1` the caller's organisation, `$2` the statuses (null: all). Clusters
 * merged into another are reached through the survivor only.
 */
const MINE = `
  FROM cluster c
  JOIN cluster_party p ON p.cluster_id = c.id AND p.organisation_id = $1
  JOIN lead_arrangement a ON a.cluster_id = c.id
  WHERE c.merged_into IS NULL AND ($2::text[] IS NULL OR a.status = ANY($2))`;

/**
 * Reading clusters, in the caller's tenant transaction: row-level security
 * shows the clusters, parties and arrangements of clusters the caller has
 * access to, and of `cluster_case` the caller's organisation's rows only.
 */
@Injectable()
export class ClustersRepository {
  async page(
    m: EntityManager,
    org: string,
    statuses: readonly string[] | null,
    after: ClusterAfter,
    limit: number,
  ): Promise<ClusterListRow[]> {
    return m.query<ClusterListRow[]>(
      `SELECT c.id, c.working_group_id, c.created_at, ${KEY} AS created_key,
              parallax_cluster_access(c.id) AS access
       ${MINE}
         AND ($3::timestamptz IS NULL OR (c.created_at, c.id) < ($3::timestamptz, $4::uuid))
       ORDER BY c.created_at DESC, c.id DESC
       LIMIT $5`,
      [org, statuses, after?.at ?? null, after?.id ?? null, limit],
    );
  }

  async count(m: EntityManager, org: string, statuses: readonly string[] | null): Promise<number> {
    const rows = await m.query<Array<{ n: number }>>(`SELECT count(*)::int AS n ${MINE}`, [
      org,
      statuses,
    ]);
    return rows[0]?.n ?? 0;
  }

  /** The cluster a (possibly merged) cluster id lives on in, if the caller may see it. */
  async survivor(
    m: EntityManager,
    clusterId: string,
  ): Promise<Omit<ClusterListRow, 'access' | 'created_key'> | null> {
    const rows = await m.query<Array<Omit<ClusterListRow, 'access' | 'created_key'>>>(
      `WITH RECURSIVE down(id, depth) AS (
         SELECT $1::uuid, 0
         UNION ALL SELECT c.merged_into, d.depth + 1 FROM cluster c JOIN down d ON c.id = d.id
         WHERE c.merged_into IS NOT NULL AND d.depth < 100
       )
       SELECT c.id, c.working_group_id, c.created_at FROM cluster c
       JOIN down d ON d.id = c.id WHERE c.merged_into IS NULL`,
      [clusterId],
    );
    return rows[0] ?? null;
  }

  async parties(m: EntityManager, clusterIds: readonly string[]): Promise<PartyRow[]> {
    return m.query<PartyRow[]>(
      `SELECT p.cluster_id, p.organisation_id, o.name AS organisation_name, p.joined_at, p.left_at
       FROM cluster_party p JOIN organisation o ON o.id = p.organisation_id
       WHERE p.cluster_id = ANY($1::uuid[])
       ORDER BY p.cluster_id, p.joined_at, o.name`,
      [clusterIds],
    );
  }

  /** The roles in force per cluster (null where none is). */
  async rolesInForce(
    m: EntityManager,
    clusterIds: readonly string[],
  ): Promise<Map<string, PartyRole[] | null>> {
    const rows = await m.query<Array<{ cluster_id: string; in_force: PartyRole[] | null }>>(
      `SELECT cluster_id, state -> 'inForce' AS in_force FROM lead_arrangement WHERE cluster_id = ANY($1::uuid[])`,
      [clusterIds],
    );
    return new Map(rows.map((r) => [r.cluster_id, r.in_force]));
  }

  /** The caller's organisation's cases still in the clusters. */
  async myCases(
    m: EntityManager,
    org: string,
    clusterIds: readonly string[],
  ): Promise<CaseRefRow[]> {
    return m.query<CaseRefRow[]>(
      `SELECT cc.cluster_id, t.id, t.reference
       FROM cluster_case cc JOIN tracking_case t ON t.id = cc.case_id
       WHERE cc.organisation_id = $1 AND cc.cluster_id = ANY($2::uuid[]) AND cc.left_at IS NULL
       ORDER BY t.reference, t.id`,
      [org, clusterIds],
    );
  }

  /** Group names (read with the hub's rights: a former party may have left the group). */
  async workingGroupNames(m: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
    const rows = await m.query<Array<{ id: string; name: string }>>(
      'SELECT id, name FROM working_group WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}
