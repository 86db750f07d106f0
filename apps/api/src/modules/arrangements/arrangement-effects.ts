import type { ArrangementAction, ArrangementOutcome, ArrangementState } from '@parallax/domain';
import type { AuditInput } from '../audit/audit.service.js';

/** How each outcome is announced: its notification kind, and to whom besides the parties. */
interface Announcement {
  kind: string;
  /** The acting organisation hears of its own act too (results that concern everyone). */
  toActor: boolean;
  coordinators: boolean;
}

const ANNOUNCED: Partial<Record<ArrangementOutcome | 'commented', Announcement>> = {
  proposed: { kind: 'arrangement.proposed', toActor: false, coordinators: false },
  countered: { kind: 'arrangement.countered', toActor: false, coordinators: false },
  accepted: { kind: 'arrangement.accepted', toActor: false, coordinators: false },
  rejected: { kind: 'arrangement.rejected', toActor: false, coordinators: false },
  agreed: { kind: 'arrangement.agreed', toActor: true, coordinators: false },
  escalated: { kind: 'arrangement.escalated', toActor: true, coordinators: true },
  decided: { kind: 'arrangement.decided', toActor: true, coordinators: false },
  reopen_requested: { kind: 'arrangement.reopen_requested', toActor: false, coordinators: true },
  reopen_granted: { kind: 'arrangement.reopen_answered', toActor: true, coordinators: false },
  reopen_refused: { kind: 'arrangement.reopen_answered', toActor: true, coordinators: false },
  commented: { kind: 'arrangement.commented', toActor: true, coordinators: true },
};

export interface Notice {
  kind: string;
  exceptOrganisationId: string | null;
  coordinators: boolean;
  payload: Record<string, unknown>;
}

/** The notifications of a transition's outcomes (payloads: ids and numbers only). */
export function noticesOf(
  outcomes: ReadonlyArray<ArrangementOutcome | 'commented'>,
  actorOrganisationId: string | null,
  detail: Record<string, unknown>,
): Notice[] {
  return outcomes.flatMap((o) => {
    const a = ANNOUNCED[o];
    if (!a) return [];
    const payload: Record<string, unknown> = { outcome: o, version: detail['version'] };
    if (typeof detail['proposalNumber'] === 'number')
      payload['proposalNumber'] = detail['proposalNumber'];
    if (o === 'reopen_granted' || o === 'reopen_refused')
      payload['granted'] = o === 'reopen_granted';
    return [
      {
        kind: a.kind,
        exceptOrganisationId: a.toActor ? null : actorOrganisationId,
        coordinators: a.coordinators,
        payload,
      },
    ];
  });
}

/** One audit entry per outcome (`arrangement.<outcome>`), what changed by ids and numbers. */
export function auditEntriesOf(
  outcomes: ReadonlyArray<ArrangementOutcome | 'commented'>,
  base: Omit<AuditInput, 'action' | 'change'>,
  detail: Record<string, unknown>,
): AuditInput[] {
  return outcomes.map((o) => ({ ...base, action: `arrangement.${o}`, change: detail }));
}

/**
 * What the event row keeps of an action: roles, proposal numbers, the
 * deadline — never free text (that is the sealed note).
 */
export function eventDetail(
  action: ArrangementAction,
  before: ArrangementState,
  after: ArrangementState,
  outcomes: readonly ArrangementOutcome[],
): Record<string, unknown> {
  const d: Record<string, unknown> = { version: after.version, outcomes };
  switch (action.type) {
    case 'propose':
    case 'counter':
      d['proposalNumber'] = before.nextProposalNumber;
      d['roles'] = after.proposal?.roles ?? after.inForce;
      d['deadline'] = after.proposal?.deadline ?? action.deadline;
      if (action.type === 'counter') d['counterTo'] = action.proposalNumber;
      break;
    case 'accept':
    case 'reject':
      d['proposalNumber'] = action.proposalNumber;
      break;
    case 'decide':
      d['roles'] = after.inForce;
      break;
    case 'answer_reopen':
      d['granted'] = action.grant;
      break;
    case 'deadline_passed':
      d['proposalNumber'] = before.proposal?.number;
      d['reason'] = 'deadline';
      break;
    default:
      break;
  }
  return d;
}
