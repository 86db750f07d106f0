import type { ClusterEscalationsQuery } from '../../../gql/graphql';

export type EscalatedCluster = ClusterEscalationsQuery['clusterEscalations'][number];

export interface EscalationView {
  cluster: EscalatedCluster;
  status: string;
  /** When it started waiting on the coordinators (ISO), or null when the hub did not say. */
  since: string | null;
  /** The escalation's reason (deadline, rejected_twice) — for an escalated arrangement. */
  reason: string | null;
  /** The organisation asking to reopen a decision — for a reopening request. */
  requestedBy: string | null;
  /** The parties still in the cluster, by name. */
  partyNames: string[];
}

/** The latest event of `kind` in the arrangement's history (its time). */
function latest(cluster: EscalatedCluster, kind: string): string | null {
  const times = cluster.arrangement.history.filter((e) => e.kind === kind).map((e) => e.at);
  return times.sort().at(-1) ?? null;
}

/**
 * What a coordinator needs to see of an escalation before opening the
 * cluster: why it waits, on whose request, since when. Oldest first: the
 * longest wait comes first.
 */
export function escalationViews(clusters: readonly EscalatedCluster[]): EscalationView[] {
  return clusters
    .map((cluster) => {
      const a = cluster.arrangement;
      const active = cluster.parties.filter((p) => !p.leftAt);
      const reopening = a.status === 'reopen_requested';
      return {
        cluster,
        status: a.status,
        since: reopening ? latest(cluster, 'reopen_requested') : (a.escalatedAt ?? null),
        reason: reopening ? null : (a.escalationReason ?? null),
        requestedBy: reopening
          ? (cluster.parties.find((p) => p.organisationId === a.reopenRequestedBy)
              ?.organisationName ?? null)
          : null,
        partyNames: active.map((p) => p.organisationName),
      };
    })
    .sort((x, y) => (x.since ?? '').localeCompare(y.since ?? ''));
}
