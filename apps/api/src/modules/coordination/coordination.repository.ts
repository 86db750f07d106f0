import { Injectable } from '@nestjs/common';
import type { OverlapStrength } from '@parallax/domain';
import { DataSource } from 'typeorm';
import type { PersistedCluster } from './cluster-lead.js';
import type { MatrixOrganisation } from './models/picture.model.js';

/** A live overlap of the group, reduced to what the picture aggregates. */
export interface OverlapEdge {
  case_a: string;
  case_b: string;
  org_a: string;
  org_b: string;
  strength: OverlapStrength;
  /** Neither accepted contact nor a verdict from both sides. */
  unresolved: boolean;
  age_days: number;
}

/**
 * The coordinators' aggregates. These run with the hub's rights (outside any
 * tenant transaction): the service checks the coordinator first and returns
 * only counts and organisation ids.
 */
@Injectable()
export class CoordinationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Live overlaps not rejected by both sides (served by the partial overlap_group_idx). */
  async liveEdges(workingGroupId: string): Promise<OverlapEdge[]> {
    return this.dataSource.query<OverlapEdge[]>(
      `SELECT case_a, case_b, org_a, org_b, strength,
              (contact_status <> 'accepted' AND NOT (verdict_a IS NOT NULL AND verdict_b IS NOT NULL)) AS unresolved,
              floor(extract(epoch FROM now() - created_at) / 86400)::int AS age_days
       FROM overlap
       WHERE working_group_id = $1 AND retracted_at IS NULL
         AND NOT (verdict_a IS NOT DISTINCT FROM 'false_match' AND verdict_b IS NOT DISTINCT FROM 'false_match')`,
      [workingGroupId],
    );
  }

  /**
   * The group's persisted clusters (merged ones are reached through their
   * survivor), with the cases still in them, the arrangement's status and
   * whether roles are in force, and how many referrals each has. Case ids
   * stay in the service: the picture shows none of them.
   */
  async persistedClusters(workingGroupId: string): Promise<PersistedCluster[]> {
    return this.dataSource.query<PersistedCluster[]>(
      `SELECT c.id, c.created_at, cc.case_ids,
              la.status AS arrangement_status,
              coalesce(jsonb_typeof(la.state -> 'inForce') = 'array', false) AS roles_in_force,
              (SELECT count(*)::int FROM referral r WHERE r.cluster_id = c.id) AS referrals
       FROM cluster c
       JOIN LATERAL (SELECT array_agg(x.case_id) AS case_ids FROM cluster_case x
                     WHERE x.cluster_id = c.id AND x.left_at IS NULL) cc ON cc.case_ids IS NOT NULL
       LEFT JOIN lead_arrangement la ON la.cluster_id = c.id
       WHERE c.working_group_id = $1 AND c.merged_into IS NULL
       ORDER BY c.created_at, c.id`,
      [workingGroupId],
    );
  }

  /** The group's active member organisations and how many live cases each holds in it. */
  async memberCaseCounts(workingGroupId: string): Promise<MatrixOrganisation[]> {
    return this.dataSource.query<MatrixOrganisation[]>(
      `SELECT o.id, o.name, (SELECT count(*)::int FROM tracking_case c
          WHERE c.organisation_id = o.id AND c.working_group_id = $1 AND c.withdrawn_at IS NULL) AS cases
       FROM working_group_member m JOIN organisation o ON o.id = m.organisation_id
       WHERE m.working_group_id = $1 AND m.status = 'active' ORDER BY o.name`,
      [workingGroupId],
    );
  }
}
