import { roleOf, rolesProblem, sortParties, normaliseRoles, leadersOf } from './roles.js';
import { agree, answerable, asParty, done, refuse, resting, table } from './transition-steps.js';
import type {
  ArrangementAction,
  ArrangementActor,
  ArrangementOutcome,
  ArrangementState,
  TransitionResult,
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
      if (
        !['open', 'agreed', 'escalated'].includes(s.status) ||
        (s.status === 'escalated' && s.proposal)
      )
        return refuse(
          'not_allowed_now',
          s.proposal
            ? 'A proposal is on the table: answer or counter it'
            : 'A decision is binding until reopened',
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
      if (p.mustAnswer.every((o) => answers[o] === 'accepted'))
        return agree(s, p.roles, ['accepted']);
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
      if (actor.kind !== 'system')
        return refuse('not_allowed_now', 'Only the hub’s clock passes deadlines');
      const p = s.proposal;
      if (s.status !== 'proposed' || !p || Date.parse(action.at) < Date.parse(p.deadline))
        return refuse('not_due', 'No deadline has passed');
      return done(
        s,
        { ...s, status: 'escalated', escalation: { reason: 'deadline', at: action.at } },
        ['escalated'],
      );
    }
    case 'decide': {
      if (actor.kind !== 'coordinator')
        return refuse('not_a_coordinator', 'Only a coordinator decides');
      if (s.status !== 'escalated')
        return refuse('not_allowed_now', 'Coordinators decide escalated arrangements');
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
      if (s.status !== 'decided')
        return refuse('not_allowed_now', 'Only a decision is reopened on request');
      return done(s, { ...s, status: 'reopen_requested', reopenRequest: { by, at: action.at } }, [
        'reopen_requested',
      ]);
    }
    case 'answer_reopen': {
      if (actor.kind !== 'coordinator')
        return refuse('not_a_coordinator', 'Only a coordinator answers');
      if (s.status !== 'reopen_requested')
        return refuse('not_allowed_now', 'Nobody asked to reopen');
      if (!action.grant)
        return done(s, { ...s, status: 'decided', reopenRequest: null }, ['reopen_refused']);
      return done(
        s,
        { ...s, status: 'open', scope: s.parties, reopenRequest: null, rejections: 0 },
        ['reopen_granted'],
      );
    }
    case 'party_joined': {
      if (actor.kind !== 'system') return refuse('not_allowed_now', 'Only the hub adds parties');
      if (s.parties.includes(action.organisationId))
        return refuse('not_allowed_now', 'Already a party');
      const parties = sortParties([...s.parties, action.organisationId]);
      // A pending proposal does not cover the newcomer: it falls.
      const withdrawn: ArrangementOutcome[] = s.proposal ? ['proposal_withdrawn'] : [];
      const scope = s.inForce ? sortParties([...s.scope, action.organisationId]) : parties;
      const next = { ...s, parties, scope, proposal: null, reopenRequest: null };
      return done(s, { ...next, status: resting(next) }, ['party_joined', ...withdrawn]);
    }
    case 'party_left': {
      if (actor.kind !== 'system') return refuse('not_allowed_now', 'Only the hub removes parties');
      if (!s.parties.includes(action.organisationId))
        return refuse('not_allowed_now', 'Not a party');
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
      const status =
        s.status === 'reopen_requested' && !leadGone ? 'reopen_requested' : resting(next);
      return done(s, { ...next, status }, [
        'party_left',
        ...withdrawn,
        ...(leadGone ? (['reopened'] as const) : []),
      ]);
    }
  }
}
