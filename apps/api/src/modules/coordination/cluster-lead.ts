import type { ArrangementStatus } from '@parallax/domain';

/** A persisted cluster of the group (not merged away), as the picture needs it. */
export interface PersistedCluster {
  id: string;
  created_at: Date;
  /** Its cases still in it (`cluster_case.left_at IS NULL`). */
  case_ids: string[];
  /** Null when the cluster has no arrangement row (yet). */
  arrangement_status: ArrangementStatus | 'merged' | null;
  roles_in_force: boolean;
  referrals: number;
}

/** What the dashboard's Lead column says: `none` or the arrangement's status. */
export type LeadStatus = 'none' | ArrangementStatus | 'merged';

export interface ClusterLead {
  clusterId: string | null;
  leadStatus: LeadStatus;
  referrals: number;
}

const NO_LEAD: ClusterLead = { clusterId: null, leadStatus: 'none', referrals: 0 };

/**
 * An arrangement that is open with nothing in force has never led anywhere:
 * "no lead". Open with roles in force means it was reopened (a newcomer, a
 * withdrawn lead): the coordinators should see that it is being renegotiated.
 */
export function leadStatusOf(cluster: PersistedCluster): LeadStatus {
  const status = cluster.arrangement_status;
  if (status === null) return 'none';
  if (status === 'open' && !cluster.roles_in_force) return 'none';
  return status;
}

/**
 * Matches the picture's clusters (components of live overlaps, revealed or
 * not) to the persisted clusters (components of revealed overlaps only). A
 * picture cluster may span several persisted ones when an unrevealed overlap
 * links them: it is shown with the one holding most of its cases (the older
 * on a tie, so the answer is stable between polls).
 */
export class ClusterLeadIndex {
  private readonly byCase = new Map<string, PersistedCluster>();

  constructor(clusters: readonly PersistedCluster[]) {
    for (const c of clusters) for (const caseId of c.case_ids) this.byCase.set(caseId, c);
  }

  leadOf(caseIds: Iterable<string>): ClusterLead {
    const counts = new Map<PersistedCluster, number>();
    for (const caseId of caseIds) {
      const c = this.byCase.get(caseId);
      if (c) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    let best: PersistedCluster | null = null;
    let bestCount = 0;
    for (const [c, n] of counts) {
      const older = best !== null && c.created_at.getTime() < best.created_at.getTime();
      if (n > bestCount || (n === bestCount && older)) [best, bestCount] = [c, n];
    }
    if (!best) return NO_LEAD;
    return { clusterId: best.id, leadStatus: leadStatusOf(best), referrals: best.referrals };
  }
}
