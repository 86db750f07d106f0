import type { EntityManager } from 'typeorm';

/** How the caller of a tenant transaction stands towards a cluster (see migration 1764000013000). */
export type ClusterAccess = 'party' | 'former' | 'coordinator';

/**
 * The caller's access to a cluster, from the database's own rule
 * (`parallax_cluster_access`), so services and row-level security agree.
 * Null for a cluster that does not exist or is none of the caller's business:
 * callers answer NOT_FOUND either way.
 */
export async function clusterAccess(
  m: EntityManager,
  clusterId: string,
): Promise<ClusterAccess | null> {
  const rows = await m.query<Array<{ access: ClusterAccess | null }>>(
    'SELECT parallax_cluster_access($1) AS access',
    [clusterId],
  );
  return rows[0]?.access ?? null;
}

export interface ClusterHeader {
  id: string;
  working_group_id: string;
  merged_into: string | null;
}

/** The cluster row (visible to parties, former parties and coordinators), locked when asked. */
export async function clusterHeader(
  m: EntityManager,
  clusterId: string,
  lock = false,
): Promise<ClusterHeader | null> {
  const rows = await m.query<ClusterHeader[]>(
    `SELECT id, working_group_id, merged_into FROM cluster WHERE id = $1${lock ? ' FOR SHARE' : ''}`,
    [clusterId],
  );
  return rows[0] ?? null;
}

/** The organisations taking part now, sorted. */
export async function activeParties(m: EntityManager, clusterId: string): Promise<string[]> {
  const rows = await m.query<Array<{ organisation_id: string }>>(
    `SELECT organisation_id FROM cluster_party WHERE cluster_id = $1 AND left_at IS NULL ORDER BY organisation_id`,
    [clusterId],
  );
  return rows.map((r) => r.organisation_id);
}

/** The cluster and the clusters merged into it (their messages and history are listed together). */
export async function clusterLineage(m: EntityManager, clusterId: string): Promise<string[]> {
  const rows = await m.query<Array<{ id: string }>>(
    `WITH RECURSIVE lineage(id) AS (
       SELECT $1::uuid
       UNION SELECT c.id FROM cluster c JOIN lineage l ON c.merged_into = l.id
     ) SELECT id FROM lineage`,
    [clusterId],
  );
  return rows.map((r) => r.id);
}
