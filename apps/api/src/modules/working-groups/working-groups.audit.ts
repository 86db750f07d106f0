import type { Actor } from '@parallax/authz';
import type { EntityManager } from 'typeorm';
import type { AuditService } from '../audit/audit.service.js';

/**
 * The audit entry of a working-group change, in the change's transaction.
 * Entries about an organisation's membership are filed under that
 * organisation, so its admins see them.
 */
export function recordGroupChange(
  audit: AuditService,
  m: EntityManager,
  actor: Actor,
  wg: string,
  action: string,
  subjectType: string,
  subjectId: string,
  change: object,
) {
  return audit.record(m, {
    actorUserId: actor.userId,
    organisationId: subjectType === 'organisation' ? subjectId : actor.organisationId,
    workingGroupId: wg,
    action,
    subjectType,
    subjectId,
    change,
  });
}
