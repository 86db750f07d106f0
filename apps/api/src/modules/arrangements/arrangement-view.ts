import type { ArrangementState, PartyRole } from '@parallax/domain';
import type { EventRow } from './arrangements.repository.js';
import type { StoredArrangementStatus } from './models/arrangement-enums.js';
import type { ArrangementEvent } from './models/arrangement-event.model.js';
import type { LeadArrangement } from './models/lead-arrangement.model.js';
import type { PartyRoleEntry } from './models/party-role-entry.model.js';

const roleEntries = (roles: readonly PartyRole[]): PartyRoleEntry[] =>
  roles.map((r) => ({ organisationId: r.organisationId, role: r.role, mayRefer: r.mayRefer }));

/**
 * The GraphQL view of a stored arrangement. `history` is resolved on demand
 * (LeadArrangementResolver); `availableActions` is the viewer's.
 */
export function toLeadArrangement(
  clusterId: string,
  status: StoredArrangementStatus,
  s: ArrangementState,
  availableActions: string[],
): LeadArrangement {
  const p = s.proposal;
  return {
    clusterId,
    version: s.version,
    status,
    parties: s.parties,
    scope: s.scope,
    inForce: s.inForce ? roleEntries(s.inForce) : null,
    inForceBy: s.inForceBy,
    proposal: p
      ? {
          number: p.number,
          proposedBy: p.proposedBy,
          counterTo: p.counterTo,
          roles: roleEntries(p.roles),
          deadline: new Date(p.deadline),
          mustAnswer: p.mustAnswer,
          answers: Object.entries(p.answers)
            .map(([organisationId, answer]) => ({ organisationId, answer }))
            .sort((a, b) => a.organisationId.localeCompare(b.organisationId)),
        }
      : null,
    rejections: s.rejections,
    escalationReason: s.escalation?.reason ?? null,
    escalatedAt: s.escalation ? new Date(s.escalation.at) : null,
    reopenRequestedBy: s.reopenRequest?.by ?? null,
    history: [],
    availableActions,
  };
}

function isRoleList(x: unknown): x is PartyRole[] {
  return (
    Array.isArray(x) &&
    x.every((r) => typeof r === 'object' && r !== null && 'organisationId' in r && 'role' in r)
  );
}

export function toArrangementEvent(e: EventRow): ArrangementEvent {
  const roles = e.detail['roles'];
  const number = e.detail['proposalNumber'];
  return {
    id: e.id,
    version: e.version,
    kind: e.kind,
    at: e.created_at,
    actorOrganisationId: e.actor_organisation_id,
    byCoordinator: e.by_coordinator,
    roles: isRoleList(roles) ? roleEntries(roles) : null,
    proposalNumber: typeof number === 'number' ? number : null,
    noteMessageId: e.note_message_id,
  };
}
