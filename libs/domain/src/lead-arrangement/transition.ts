import { leadersOf, normaliseRoles, roleOf, rolesProblem, sortParties } from './roles.js';
import {
  MAX_DEADLINE_MS,
  MIN_DEADLINE_MS,
  type ArrangementAction,
  type ArrangementActor,
  type ArrangementOutcome,
  type ArrangementRefusal,
  type ArrangementState,
  type PartyRole,
  type Proposal,
  type TransitionResult,
} from './types.js';

/** A new cluster's arrangement: nothing in force, every party's role open. */
export function initialArrangement(parties: readonly string[]): ArrangementState {
  const sorted = sortParties(parties);
  return {
    version: 0,
    status: 'open',
    parties: sorted,
    scope: sorted,
    inForce: null,
    inForceBy: null,
    proposal: null,
    rejections: 0,
    nextProposalNumber: 1,
    escalation: null,
    reopenRequest: null,
  };
}

const refuse = (refusal: ArrangementRefusal, message: string): TransitionResult => ({
  ok: false,
  refusal,
  message,
});

const done = (
  before: ArrangementState,
  state: Omit<ArrangementState, 'version'>,
  outcomes: ArrangementOutcome[],
): TransitionResult => ({ ok: true, state: { ...state, version: before.version + 1 }, outcomes });

/** Where the arrangement rests when nothing is on the table. */
function resting(s: Omit<ArrangementState, 'version'>): ArrangementState['status'] {
  if (s.escalation) return 'escalated';
  if (s.scope.length > 0 || !s.inForce) return 'open';
  return s.inForceBy === 'decision' ? 'decided' : 'agreed';
}

function deadlineProblem(deadline: string, at: string): string | null {
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
function mustAnswer(s: ArrangementState, proposer: string): string[] {
  const full = s.scope.length === s.parties.length || !s.inForce;
  const who = full ? s.parties : [...s.scope, ...leadersOf(s.inForce).filter((o) => s.parties.includes(o))];
  return sortParties(who).filter((o) => o !== proposer);
}

function agree(s: ArrangementState, roles: PartyRole[], extra: ArrangementOutcome[]): TransitionResult {
  const partial = s.inForce !== null && s.scope.length < s.parties.length;
  const next = {
    ...s,
    inForce: roles,
    inForceBy: partial && s.inForceBy === 'decision' ? ('decision' as const) : ('agreement' as const),
    proposal: null,
    scope: [],
    rejections: 0,
    escalation: null,
    reopenRequest: null,
  };
  return done(s, { ...next, status: next.inForceBy === 'decision' ? 'decided' : 'agreed' }, [...extra, 'agreed']);
}

function table(
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
    return agree({ ...base, nextProposalNumber: base.nextProposalNumber + 1 }, proposal.roles, [outcome]);
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

function answerable(s: ArrangementState, by: string, proposalNumber: number): TransitionResult | Proposal {
  const p = s.proposal;
  if (!p || (s.status !== 'proposed' && s.status !== 'escalated'))
    return refuse('not_allowed_now', 'There is no proposal to answer');
  if (p.number !== proposalNumber)
    return refuse('stale_proposal', 'This proposal was replaced: read the current one');
  if (!p.mustAnswer.includes(by)) return refuse('not_yours_to_answer', 'Your answer is not needed on this proposal');
  if (p.answers[by]) return refuse('already_answered', 'You answered this proposal already');
  return p;
}

function asParty(s: ArrangementState, actor: ArrangementActor): string | null {
  return actor.kind === 'party' && s.parties.includes(actor.organisationId) ? actor.organisationId : null;
}

/**
 * The one rule book of lead arrangements. Pure: the same state and action
 * always give the same answer, so the API, the web client and the tests agree.
 */
export function transition(
  s: ArrangementState,
  actor: ArrangementActor,
  action: ArrangementAction,
): TransitionResult {
  switch (action.type) {
    case 'propose': {
      const by = asParty(s, actor);
      if (!by) return refuse('not_a_party', 'Only a party to the cluster proposes');
      if (!['open', 'agreed', 'escalated'].includes(s.status) || (s.status === 'escalated' && s.proposal))
        return refuse(
          'not_allowed_now',
          s.proposal ? 'A proposal is on the table: answer or counter it' : 'A decision is binding until reopened',
        );
      return table(s, by, action.roles, action.deadline, action.at, null);
    }
    case 'counter': {
      const by = asParty(s, actor);
      if (!by) return refuse('not_a_party', 'Only a party to the cluster counter-proposes');
      const p = answerable(s, by, action.proposalNumber);
      if ('ok' in p) return p;
      return table(s, by, action.roles, action.deadline, action.at, p.number);
    }
    case 'accept': {
      const by = asParty(s, actor);
      if (!by) return refuse('not_a_party', 'Only a party to the cluster answers');
      const p = answerable(s, by, action.proposalNumber);
      if ('ok' in p) return p;
      const answers = { ...p.answers, [by]: 'accepted' as const };
      if (p.mustAnswer.every((o) => answers[o] === 'accepted')) return agree(s, p.roles, ['accepted']);
      return done(s, { ...s, proposal: { ...p, answers } }, ['accepted']);
    }
    case 'reject': {
      const by = asParty(s, actor);
      if (!by) return refuse('not_a_party', 'Only a party to the cluster answers');
      const p = answerable(s, by, action.proposalNumber);
      if ('ok' in p) return p;
      const rejections = s.rejections + 1;
      if (rejections >= 2 || s.escalation) {
        const escalation = s.escalation ?? { reason: 'rejected_twice' as const, at: action.at };
        return done(s, { ...s, proposal: null, rejections, escalation, status: 'escalated' }, [
          'rejected',
          ...(s.escalation ? [] : (['escalated'] as const)),
        ]);
      }
      const next = { ...s, proposal: null, rejections };
      return done(s, { ...next, status: resting(next) }, ['rejected']);
    }
    case 'deadline_passed': {
      if (actor.kind !== 'system') return refuse('not_allowed_now', 'Only the hub’s clock passes deadlines');
      const p = s.proposal;
      if (s.status !== 'proposed' || !p || Date.parse(action.at) < Date.parse(p.deadline))
        return refuse('not_due', 'No deadline has passed');
      return done(s, { ...s, status: 'escalated', escalation: { reason: 'deadline', at: action.at } }, ['escalated']);
    }
    case 'decide': {
      if (actor.kind !== 'coordinator') return refuse('not_a_coordinator', 'Only a coordinator decides');
      if (s.status !== 'escalated') return refuse('not_allowed_now', 'Coordinators decide escalated arrangements');
      const full = { ...s, scope: s.parties };
      const problem = rolesProblem(full, action.roles, true);
      if (problem) return refuse('invalid_roles', problem);
      return done(
        s,
        {
          ...s,
          status: 'decided',
          inForce: normaliseRoles(action.roles),
          inForceBy: 'decision',
          proposal: null,
          scope: [],
          rejections: 0,
          escalation: null,
          reopenRequest: null,
        },
        ['decided'],
      );
    }
    case 'request_reopen': {
      const by = asParty(s, actor);
      if (!by) return refuse('not_a_party', 'Only a party asks to reopen');
      if (s.status !== 'decided') return refuse('not_allowed_now', 'Only a decision is reopened on request');
      return done(s, { ...s, status: 'reopen_requested', reopenRequest: { by, at: action.at } }, ['reopen_requested']);
    }
    case 'answer_reopen': {
      if (actor.kind !== 'coordinator') return refuse('not_a_coordinator', 'Only a coordinator answers');
      if (s.status !== 'reopen_requested') return refuse('not_allowed_now', 'Nobody asked to reopen');
      if (!action.grant) return done(s, { ...s, status: 'decided', reopenRequest: null }, ['reopen_refused']);
      return done(
        s,
        { ...s, status: 'open', scope: s.parties, reopenRequest: null, rejections: 0 },
        ['reopen_granted'],
      );
    }
    case 'party_joined': {
      if (actor.kind !== 'system') return refuse('not_allowed_now', 'Only the hub adds parties');
      if (s.parties.includes(action.organisationId)) return refuse('not_allowed_now', 'Already a party');
      const parties = sortParties([...s.parties, action.organisationId]);
      // A pending proposal does not cover the newcomer: it falls.
      const withdrawn: ArrangementOutcome[] = s.proposal ? ['proposal_withdrawn'] : [];
      const scope = s.inForce ? sortParties([...s.scope, action.organisationId]) : parties;
      const next = { ...s, parties, scope, proposal: null, reopenRequest: null };
      return done(s, { ...next, status: resting(next) }, ['party_joined', ...withdrawn]);
    }
    case 'party_left': {
      if (actor.kind !== 'system') return refuse('not_allowed_now', 'Only the hub removes parties');
      if (!s.parties.includes(action.organisationId)) return refuse('not_allowed_now', 'Not a party');
      const parties = s.parties.filter((o) => o !== action.organisationId);
      const leaving = roleOf(s.inForce, action.organisationId);
      const inForce = s.inForce?.filter((r) => r.organisationId !== action.organisationId) ?? null;
      const withdrawn: ArrangementOutcome[] = s.proposal ? ['proposal_withdrawn'] : [];
      // Without its lead the arrangement is open again for everyone.
      const leadGone = leaving !== undefined && leadersOf(inForce).length === 0;
      const next = {
        ...s,
        parties,
        inForce: inForce && inForce.length > 0 ? inForce : null,
        scope: leadGone ? parties : s.scope.filter((o) => o !== action.organisationId),
        proposal: null,
        reopenRequest: leadGone ? null : s.reopenRequest,
        rejections: leadGone ? 0 : s.rejections,
      };
      const status = s.status === 'reopen_requested' && !leadGone ? 'reopen_requested' : resting(next);
      return done(s, { ...next, status }, ['party_left', ...withdrawn, ...(leadGone ? (['reopened'] as const) : [])]);
    }
  }
}

/** The actions a party or a coordinator could take now (for showing buttons; the API decides). */
export function availableActions(s: ArrangementState, actor: ArrangementActor): ArrangementAction['type'][] {
  const at = new Date(0).toISOString();
  const far = new Date(MIN_DEADLINE_MS * 2).toISOString();
  const roles: PartyRole[] = s.parties.map((o, i) => ({
    organisationId: o,
    role: i === 0 ? 'lead' : 'supporting',
    mayRefer: false,
  }));
  const n = s.proposal?.number ?? 0;
  const probes: ArrangementAction[] = [
    { type: 'propose', roles: s.inForce && s.status !== 'agreed' ? mergeRoles(s.inForce, roles) : roles, deadline: far, at },
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
