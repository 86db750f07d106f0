import type { EntityManager } from 'typeorm';
import { withOwnerRights } from '../../common/tenant/owner-rights.js';
import type { NotificationsService } from '../notifications/notifications.service.js';

/**
 * Notifies the active parties of a cluster (each organisation once), except
 * `exceptOrganisationId`, and the group's coordinators when asked, in the
 * caller's transaction. Payloads carry ids only, never text.
 */
export async function notifyCluster(
  m: EntityManager,
  notifications: NotificationsService,
  input: {
    clusterId: string;
    workingGroupId: string;
    kind: string;
    payload?: Record<string, unknown>;
    exceptOrganisationId?: string | null;
    coordinators?: boolean;
    parties?: boolean;
  },
): Promise<void> {
  const payload = {
    clusterId: input.clusterId,
    workingGroupId: input.workingGroupId,
    ...input.payload,
  };
  // Other organisations' alerts are the hub's writes.
  await withOwnerRights(m, async () => {
    if (input.parties !== false) {
      const rows = await m.query<Array<{ organisation_id: string }>>(
        `SELECT organisation_id FROM cluster_party WHERE cluster_id = $1 AND left_at IS NULL`,
        [input.clusterId],
      );
      await notifications.notifyMany(
        m,
        rows
          .filter((r) => r.organisation_id !== input.exceptOrganisationId)
          .map((r) => ({
            recipientOrganisationId: r.organisation_id,
            workingGroupId: input.workingGroupId,
            kind: input.kind,
            payload,
          })),
      );
    }
    if (input.coordinators)
      await notifications.notifyCoordinators(m, input.workingGroupId, input.kind, payload);
  });
}
