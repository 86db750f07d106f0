import { roleOf } from './roles.js';
import { transition } from './transition.js';
import {
  MIN_DEADLINE_MS,
  type ArrangementAction,
  type ArrangementActor,
  type ArrangementState,
  type PartyRole,
} from './types.js';

/** The actions a party or a coordinator could take now (for showing buttons; the API decides). */
export function availableActions(
  s: ArrangementState,
  actor: ArrangementActor,
): ArrangementAction['type'][] {
  const at = new Date(0).toISOString();
  const far = new Date(MIN_DEADLINE_MS * 2).toISOString();
  const roles: PartyRole[] = s.parties.map((o, i) => ({
    organisationId: o,
    role: i === 0 ? 'lead' : 'supporting',
    mayRefer: false,
  }));
  const n = s.proposal?.number ?? 0;
  const probes: ArrangementAction[] = [
    {
      type: 'propose',
      roles: s.inForce && s.status !== 'agreed' ? mergeRoles(s.inForce, roles) : roles,
      deadline: far,
      at,
    },
    { type: 'counter', proposalNumber: n, roles, deadline: far, at },
    { type: 'accept', proposalNumber: n, at },
    { type: 'reject', proposalNumber: n, at },
    { type: 'decide', roles, at },
    { type: 'request_reopen', at },
    { type: 'answer_reopen', grant: true, at },
  ];
  // Refusals about the content of roles or deadlines do not hide a button: the form fixes them.
  return probes
    .filter((a) => {
      const r = transition(s, actor, a);
      return r.ok || r.refusal === 'invalid_roles' || r.refusal === 'invalid_deadline';
    })
    .map((a) => a.type);
}

function mergeRoles(inForce: readonly PartyRole[], fallback: readonly PartyRole[]): PartyRole[] {
  return fallback.map((r) => roleOf(inForce, r.organisationId) ?? r);
}
