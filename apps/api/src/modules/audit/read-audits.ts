import type { Actor } from '@parallax/authz';
import type { AuditLogFilter } from './audit-log-filter.js';
import type { AuditInput, ReadAuditInput } from './audit.service.js';

/**
 * The read-audit entries other modules write, described here so every
 * sensitive read is named and scoped the same way (one entry per actor,
 * action and subject per hour; see `AuditService.recordRead`).
 */

/** A member listed its overlaps: of one case, of one group, or all of its organisation's. */
export function overlapListRead(
  organisationId: string,
  filter: { workingGroupId?: string | undefined; caseId?: string | undefined; includeRetracted: boolean },
  count: number,
): ReadAuditInput {
  const [subjectType, subjectId] = filter.caseId
    ? ['case', filter.caseId]
    : filter.workingGroupId
      ? ['working_group', filter.workingGroupId]
      : ['organisation', organisationId];
  return {
    action: 'overlap.read',
    // Filed under the reader's own organisation only: a filter naming
    // another group must not write into that group's log.
    organisationId,
    subjectType,
    subjectId,
    change: { overlaps: count, includeRetracted: filter.includeRetracted },
  };
}

/** The most rows one audit export holds (the web client stops there and says so). */
export const AUDIT_EXPORT_CAP = 50_000;

function auditScope(filter: Pick<AuditLogFilter, 'organisationId' | 'workingGroupId'>): [string, string] {
  return filter.workingGroupId
    ? ['working_group', filter.workingGroupId]
    : filter.organisationId
      ? ['organisation', filter.organisationId]
      : ['audit_log', 'visible'];
}

/** A member read the audit log of a scope (once an hour per reader and scope). */
export function auditLogRead(actor: Actor, filter: AuditLogFilter): ReadAuditInput {
  const [subjectType, subjectId] = auditScope(filter);
  // Filed under the reader's own organisation: asking for another
  // tenant's log must not write into that tenant's log.
  return { action: 'audit.read', organisationId: actor.organisationId, subjectType, subjectId };
}

/**
 * A member exported the audit log (CSV): every export is recorded, with its
 * filters and how many rows it holds — never the rows. Actions are kept as
 * tokens (`case_register`), the form the audit detail keeps in clear.
 */
export function auditExport(actor: Actor, filter: AuditLogFilter, matching: number): AuditInput {
  const [subjectType, subjectId] = auditScope(filter);
  return {
    actorUserId: actor.userId,
    organisationId: actor.organisationId,
    action: 'audit.export',
    subjectType,
    subjectId,
    change: {
      actions: (filter.actions ?? []).map((a) => a.replace(/\./g, '_')),
      from: filter.from ?? null,
      to: filter.to ?? null,
      rows: Math.min(matching, AUDIT_EXPORT_CAP),
      capped: matching > AUDIT_EXPORT_CAP,
    },
  };
}
