import type { Actor } from '@parallax/authz';
import type { EntityManager } from 'typeorm';
import type { AuditService } from '../audit/audit.service.js';
import type { InvitationEntity } from './invitation.entity.js';

/** The audit entry of an invitation's change, filed under its organisation (and group, for a coordinator's). */
export function recordInvitationChange(
  audit: AuditService,
  m: EntityManager,
  actor: Actor | null,
  inv: InvitationEntity,
  action: string,
  change: object,
) {
  return audit.record(m, {
    actorUserId: actor?.userId ?? null,
    organisationId: inv.organisationId,
    workingGroupId: inv.coordinatorOf,
    action,
    subjectType: 'invitation',
    subjectId: inv.id,
    change: { invitationId: inv.id, ...change },
  });
}
