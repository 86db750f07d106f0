import type { MessageId } from '../../../i18n/messages';
import type { CoordinatorPicture } from '../components/types';

type Cluster = CoordinatorPicture['clusters'][number];

/** The dashboard's cluster filters, in the order the control shows them. */
export const CLUSTER_FILTERS = ['all', 'no_lead', 'escalated', 'agreed', 'referred'] as const;
export type ClusterFilter = (typeof CLUSTER_FILTERS)[number];

export const CLUSTER_FILTER_LABELS: Readonly<Record<ClusterFilter, MessageId>> = {
  all: 'dashboard.filterAll',
  no_lead: 'dashboard.filterNoLead',
  escalated: 'dashboard.filterEscalated',
  agreed: 'dashboard.filterAgreed',
  referred: 'dashboard.filterReferred',
};

/** An unknown or missing URL value means "all": a stale link still shows the dashboard. */
export function clusterFilterOf(value: string | null): ClusterFilter {
  return CLUSTER_FILTERS.find((f) => f === value) ?? 'all';
}

/**
 * Whether a cluster belongs under a filter. "Agreed" counts decided roles too
 * (both are in force); "escalated" counts a pending reopening request (both
 * wait on the coordinators).
 */
export function matchesClusterFilter(cluster: Cluster, filter: ClusterFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'no_lead':
      return cluster.leadStatus === 'none';
    case 'escalated':
      return cluster.leadStatus === 'escalated' || cluster.leadStatus === 'reopen_requested';
    case 'agreed':
      return cluster.leadStatus === 'agreed' || cluster.leadStatus === 'decided';
    case 'referred':
      return cluster.referrals > 0;
  }
}

/** The arrangement statuses the Lead column translates (anything else shows as "no lead"). */
const LEAD_LABELS: Readonly<Record<string, MessageId>> = {
  none: 'dashboard.leadNone',
  open: 'dashboard.leadOpen',
  proposed: 'dashboard.leadProposed',
  agreed: 'dashboard.leadAgreed',
  escalated: 'dashboard.leadEscalated',
  decided: 'dashboard.leadDecided',
  reopen_requested: 'dashboard.leadReopenRequested',
  merged: 'dashboard.leadMerged',
};

export function leadStatusLabel(status: string): MessageId {
  return LEAD_LABELS[status] ?? 'dashboard.leadNone';
}
