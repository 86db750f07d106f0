import { leadersOf, normaliseRoles, rolesProblem, sortParties } from './roles.js';
import {
  MAX_DEADLINE_MS,
  MIN_DEADLINE_MS,
  type ArrangementActor,
  type ArrangementOutcome,
  type ArrangementRefusal,
  type ArrangementState,
  type PartyRole,
  type Proposal,
  type TransitionResult,
} from './types.js';

/** The steps `transition` is made of: refusing, recording, agreeing, tabling a proposal. */
export const refuse = (refusal: ArrangementRefusal, message: string): TransitionResult => ({
  ok: false,
  refusal,
  message,
});

export const done = (
  before: ArrangementState,
  state: Omit<ArrangementState, 'version'>,
  outcomes: ArrangementOutcome[],
): TransitionResult => ({ ok: true, state: { ...state, version: before.version + 1 }, outcomes });

/** Where the arrangement rests when nothing is on the table. */
export function resting(s: Omit<ArrangementState, 'version'>): ArrangementState['status'] {
  if (s.escalation) return 'escalated';
  if (s.scope.length > 0 || !s.inForce) return 'open';
  return s.inForceBy === 'decision' ? 'decided' : 'agreed';
}

export function deadlineProblem(deadline: string, at: string): string | null {
  const d = Date.parse(deadline);
  const now = Date.parse(at);
  if (Number.isNaN(d) || Number.isNaN(now)) return 'The deadline is not a date';
  if (d - now < MIN_DEADLINE_MS) return 'Give the other parties at least an hour';
  if (d - now > MAX_DEADLINE_MS) return 'A deadline is at most 60 days ahead';
  return null;
}

/**
 * Who must accept a proposal for it to be agreed: on a full negotiation every
 * party but the proposer; on a newcomer's reopening the reopened parties and
 * those who lead under the roles in force (someone accountable agrees to the
 * newcomer's place), again without the proposer.
 */
export function mustAnswer(s: ArrangementState, proposer: string): string[] {
  const full = s.scope.length === s.parties.length || !s.inForce;
  const who = full
    ? s.parties
    : [...s.scope, ...leadersOf(s.inForce).filter((o) => s.parties.includes(o))];
  return sortParties(who).filter((o) => o !== proposer);
}

export function agree(
  s: ArrangementState,
  roles: PartyRole[],
  extra: ArrangementOutcome[],
): TransitionResult {
  const partial = s.inForce !== null && s.scope.length < s.parties.length;
  const next = {
    ...s,
    inForce: roles,
    inForceBy:
      partial && s.inForceBy === 'decision' ? ('decision' as const) : ('agreement' as const),
    proposal: null,
    scope: [],
    rejections: 0,
    escalation: null,
    reopenRequest: null,
  };
  return done(s, { ...next, status: next.inForceBy === 'decision' ? 'decided' : 'agreed' }, [
    ...extra,
    'agreed',
  ]);
}

export function table(
  s: ArrangementState,
  by: string,
  roles: readonly PartyRole[],
  deadline: string,
  at: string,
  counterTo: number | null,
): TransitionResult {
  // Proposing a change to an agreed arrangement renegotiates all of it.
  const base = s.status === 'agreed' ? { ...s, scope: s.parties } : s;
  const full = base.scope.length === base.parties.length || !base.inForce;
  const problem = rolesProblem(base, roles, full);
  if (problem) return refuse('invalid_roles', problem);
  const late = deadlineProblem(deadline, at);
  if (late) return refuse('invalid_deadline', late);
  const proposal: Proposal = {
    number: base.nextProposalNumber,
    proposedBy: by,
    counterTo,
    roles: normaliseRoles(roles),
    deadline: new Date(Date.parse(deadline)).toISOString(),
    mustAnswer: mustAnswer(base, by),
    answers: {},
  };
  const outcome: ArrangementOutcome = counterTo === null ? 'proposed' : 'countered';
  if (proposal.mustAnswer.length === 0) {
    return agree({ ...base, nextProposalNumber: base.nextProposalNumber + 1 }, proposal.roles, [
      outcome,
    ]);
  }
  return done(
    s,
    {
      ...base,
      proposal,
      nextProposalNumber: base.nextProposalNumber + 1,
      status: base.status === 'escalated' ? 'escalated' : 'proposed',
    },
    [outcome],
  );
}

export function answerable(
  s: ArrangementState,
  by: string,
  proposalNumber: number,
): TransitionResult | Proposal {
  const p = s.proposal;
  if (!p || (s.status !== 'proposed' && s.status !== 'escalated'))
    return refuse('not_allowed_now', 'There is no proposal to answer');
  if (p.number !== proposalNumber)
    return refuse('stale_proposal', 'This proposal was replaced: read the current one');
  if (!p.mustAnswer.includes(by))
    return refuse('not_yours_to_answer', 'Your answer is not needed on this proposal');
  if (p.answers[by]) return refuse('already_answered', 'You answered this proposal already');
  return p;
}

export function asParty(s: ArrangementState, actor: ArrangementActor): string | null {
  return actor.kind === 'party' && s.parties.includes(actor.organisationId)
    ? actor.organisationId
    : null;
}
