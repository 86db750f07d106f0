import type { ClusterView } from './cluster-view';

/**
 * Whether the viewer's organisation may record referrals of the cluster: a
 * current party whose role in force is lead or co-lead, or which the
 * arrangement allows to refer. Coordinators and former parties read only.
 * (The API decides; this only hides what it would refuse.)
 */
export function mayRefer(
  cluster: Pick<ClusterView, 'viewerAccess' | 'arrangement'>,
  organisationId: string | null,
): boolean {
  if (cluster.viewerAccess !== 'party' || !organisationId) return false;
  const mine = cluster.arrangement.inForce?.find((r) => r.organisationId === organisationId);
  if (!mine) return false;
  return (
    mine.role === 'lead' || mine.role === 'co_lead' || (mine.role !== 'withdrawn' && mine.mayRefer)
  );
}
