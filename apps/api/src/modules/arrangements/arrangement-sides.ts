import type { Actor } from '@parallax/authz';
import {
  availableActions,
  ErrorCode,
  type ArrangementActor,
  type ArrangementState,
} from '@parallax/domain';
import type { ClusterAccess } from '../clusters/cluster-access.js';
import { ArrangementsException } from './arrangements.exception.js';
import type { LeadNegotiators, StoredArrangementStatus } from './models/arrangement-enums.js';

/** Which side an action is taken on: a party's (propose, answer, ask to reopen) or a coordinator's. */
export type Side = 'party' | 'coordinator';

/** What the hub knows of the caller against one cluster. */
export interface Standing {
  access: ClusterAccess | null;
  workingGroupId: string;
  /** The caller's organisation's policy (`admins` when it has none). */
  negotiators: LeadNegotiators;
}

/** Whether the caller may negotiate the lead for its organisation. */
export function mayNegotiate(actor: Actor, negotiators: LeadNegotiators): boolean {
  return (
    actor.role === 'org_admin' ||
    (actor.role === 'investigator' && negotiators === 'admins_and_investigators')
  );
}

const coordinates = (actor: Actor, workingGroupId: string) =>
  actor.coordinatorOf.includes(workingGroupId);

/**
 * Who the caller acts as, or the refusal: a party's action needs an active
 * party's negotiator; a coordinator's action the group's coordinator (who
 * acts as coordinator even when its own organisation is a party).
 * NOT_FOUND when the cluster is none of the caller's business.
 */
export function actingAs(actor: Actor, side: Side, s: Standing): ArrangementActor {
  if (s.access === null) throw new ArrangementsException(ErrorCode.NotFound, 'No such cluster');
  if (side === 'coordinator') {
    if (!coordinates(actor, s.workingGroupId))
      throw new ArrangementsException(ErrorCode.Forbidden, "Only the group's coordinators do this");
    return { kind: 'coordinator' };
  }
  if (s.access !== 'party' || !actor.organisationId)
    throw new ArrangementsException(
      ErrorCode.Forbidden,
      'Only an active party negotiates the lead',
    );
  if (!mayNegotiate(actor, s.negotiators))
    throw new ArrangementsException(
      ErrorCode.NotANegotiator,
      'Your role may not negotiate the lead for your organisation',
    );
  return { kind: 'party', organisationId: actor.organisationId };
}

/**
 * The viewer's buttons: the rule book's available actions on each side the
 * viewer may act on, plus `comment` for coordinators. Nothing on a merged
 * arrangement.
 */
export function viewerActions(
  actor: Actor,
  status: StoredArrangementStatus,
  state: ArrangementState,
  s: Standing,
): string[] {
  if (status === 'merged' || s.access === null) return [];
  const actions: string[] = [];
  if (s.access === 'party' && actor.organisationId && mayNegotiate(actor, s.negotiators)) {
    actions.push(
      ...availableActions(state, { kind: 'party', organisationId: actor.organisationId }),
    );
  }
  if (coordinates(actor, s.workingGroupId)) {
    actions.push(...availableActions(state, { kind: 'coordinator' }), 'comment');
  }
  return [...new Set(actions)];
}
