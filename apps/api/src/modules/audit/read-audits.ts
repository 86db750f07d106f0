import type { ReadAuditInput } from './audit.service.js';

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
