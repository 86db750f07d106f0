import { describe, expect, it } from 'vitest';
import { availableActions } from './available-actions.js';
import { initialArrangement, transition } from './transition.js';
import type {
  ArrangementAction,
  ArrangementActor,
  ArrangementOutcome,
  ArrangementState,
  PartyRole,
  TransitionResult,
} from './types.js';

const [A, B, C, D] = ['org-a', 'org-b', 'org-c', 'org-d'];
const T0 = Date.parse('2026-03-01T09:00:00Z');
const HOUR = 3600_000;
const at = (h = 0) => new Date(T0 + h * HOUR).toISOString();
const party = (organisationId: string): ArrangementActor => ({ kind: 'party', organisationId });
const COORDINATOR: ArrangementActor = { kind: 'coordinator' };
const SYSTEM: ArrangementActor = { kind: 'system' };
const role = (organisationId: string, r: PartyRole['role'], mayRefer = false): PartyRole => ({
  organisationId,
  role: r,
  mayRefer,
});

/** Applies a transition that must be accepted; returns the new state and what it meant. */
function ok(
  s: ArrangementState,
  actor: ArrangementActor,
  action: ArrangementAction,
): { s: ArrangementState; outcomes: ArrangementOutcome[] } {
  const r = transition(s, actor, action);
  if (!r.ok) throw new Error(`${action.type} refused: ${r.refusal} (${r.message})`);
  return { s: r.state, outcomes: r.outcomes };
}

function refused(r: TransitionResult): string {
  return r.ok ? 'ok' : r.refusal;
}

const propose = (roles: PartyRole[], h = 0): ArrangementAction => ({
  type: 'propose',
  roles,
  deadline: at(h + 48),
  at: at(h),
});
const accept = (n: number, h = 0): ArrangementAction => ({
  type: 'accept',
  proposalNumber: n,
  at: at(h),
});
const reject = (n: number, h = 0): ArrangementAction => ({
  type: 'reject',
  proposalNumber: n,
  at: at(h),
});

const A_LEADS = [role(A, 'lead'), role(B, 'supporting'), role(C, 'withdrawn')];
const B_LEADS = [role(A, 'co_lead'), role(B, 'lead'), role(C, 'observer', true)];

describe('negotiating the lead', () => {
  it('propose → counter → accept reaches agreed on the counter-proposal', () => {
    let { s, outcomes } = ok(initialArrangement([A, B, C]), party(A), propose(A_LEADS));
    expect(outcomes).toEqual(['proposed']);
    expect(s.proposal).toMatchObject({
      number: 1,
      proposedBy: A,
      mustAnswer: [B, C],
      counterTo: null,
    });
    ({ s, outcomes } = ok(s, party(B), {
      type: 'counter',
      proposalNumber: 1,
      roles: B_LEADS,
      deadline: at(30),
      at: at(1),
    }));
    expect(outcomes).toEqual(['countered']);
    expect(s.proposal).toMatchObject({
      number: 2,
      proposedBy: B,
      counterTo: 1,
      mustAnswer: [A, C],
      answers: {},
    });
    // Answers to the replaced proposal are refused: agreement is on one version.
    expect(refused(transition(s, party(C), accept(1, 2)))).toBe('stale_proposal');
    ({ s, outcomes } = ok(s, party(A), accept(2, 2)));
    expect(outcomes).toEqual(['accepted']);
    expect(s.status).toBe('proposed');
    ({ s, outcomes } = ok(s, party(C), accept(2, 3)));
    expect(outcomes).toEqual(['accepted', 'agreed']);
    expect(s).toMatchObject({
      status: 'agreed',
      inForceBy: 'agreement',
      proposal: null,
      scope: [],
      rejections: 0,
    });
    // Lead and co-lead always may refer; the observer because the proposal allowed it.
    expect(s.inForce).toEqual([
      role(A, 'co_lead', true),
      role(B, 'lead', true),
      role(C, 'observer', true),
    ]);
    expect(s.version).toBe(4);
  });

  it('a second rejection escalates to the coordinators, who decide, bindingly', () => {
    let { s } = ok(initialArrangement([A, B]), party(A), propose(A_LEADS.slice(0, 2)));
    ({ s } = ok(s, party(B), reject(1)));
    expect(s).toMatchObject({ status: 'open', rejections: 1, escalation: null });
    ({ s } = ok(s, party(B), propose(B_LEADS.slice(0, 2), 1)));
    const r = ok(s, party(A), reject(2, 2));
    expect(r.outcomes).toEqual(['rejected', 'escalated']);
    s = r.s;
    expect(s).toMatchObject({
      status: 'escalated',
      escalation: { reason: 'rejected_twice', at: at(2) },
      proposal: null,
    });
    expect(availableActions(s, COORDINATOR)).toEqual(['decide']);
    expect(
      refused(transition(s, party(A), { type: 'decide', roles: A_LEADS.slice(0, 2), at: at(3) })),
    ).toBe('not_a_coordinator');
    ({ s } = ok(s, COORDINATOR, {
      type: 'decide',
      roles: [role(A, 'lead'), role(B, 'supporting')],
      at: at(3),
    }));
    expect(s).toMatchObject({
      status: 'decided',
      inForceBy: 'decision',
      escalation: null,
      rejections: 0,
    });
    // Binding: nobody proposes over a decision; a party may only ask to reopen it.
    expect(refused(transition(s, party(B), propose(B_LEADS.slice(0, 2), 4)))).toBe(
      'not_allowed_now',
    );
    expect(availableActions(s, party(B))).toEqual(['request_reopen']);
  });

  it('an unanswered proposal escalates at its deadline, not a minute before, and parties may still agree', () => {
    let { s } = ok(initialArrangement([A, B, C]), party(A), propose(A_LEADS));
    expect(refused(transition(s, SYSTEM, { type: 'deadline_passed', at: at(47.99) }))).toBe(
      'not_due',
    );
    expect(refused(transition(s, party(B), { type: 'deadline_passed', at: at(49) }))).toBe(
      'not_allowed_now',
    );
    ({ s } = ok(s, SYSTEM, { type: 'deadline_passed', at: at(48) }));
    expect(s).toMatchObject({ status: 'escalated', escalation: { reason: 'deadline' } });
    expect(s.proposal?.number).toBe(1);
    expect(refused(transition(s, SYSTEM, { type: 'deadline_passed', at: at(49) }))).toBe('not_due');
    ({ s } = ok(s, party(B), accept(1, 50)));
    const r = ok(s, party(C), accept(1, 50));
    expect(r.outcomes).toEqual(['accepted', 'agreed']);
    expect(r.s).toMatchObject({ status: 'agreed', escalation: null });
  });

  it('a reopening asked of a decision is granted (all roles open) or refused (the decision stands)', () => {
    let s = ok(
      initialArrangement([A, B]),
      party(A),
      propose([role(A, 'lead'), role(B, 'supporting')]),
    ).s;
    s = ok(s, party(B), reject(1)).s;
    s = ok(s, party(A), propose([role(A, 'lead'), role(B, 'observer')], 1)).s;
    s = ok(s, party(B), reject(2, 1)).s;
    const decided = ok(s, COORDINATOR, {
      type: 'decide',
      roles: [role(A, 'supporting'), role(B, 'lead')],
      at: at(2),
    }).s;
    expect(
      refused(transition(decided, COORDINATOR, { type: 'answer_reopen', grant: true, at: at(3) })),
    ).toBe('not_allowed_now');
    const asked = ok(decided, party(A), { type: 'request_reopen', at: at(3) }).s;
    expect(asked).toMatchObject({
      status: 'reopen_requested',
      reopenRequest: { by: A, at: at(3) },
    });

    const refusedReopen = ok(asked, COORDINATOR, {
      type: 'answer_reopen',
      grant: false,
      at: at(4),
    });
    expect(refusedReopen.outcomes).toEqual(['reopen_refused']);
    expect(refusedReopen.s).toMatchObject({
      status: 'decided',
      inForce: decided.inForce,
      reopenRequest: null,
    });

    const granted = ok(asked, COORDINATOR, { type: 'answer_reopen', grant: true, at: at(4) });
    expect(granted.outcomes).toEqual(['reopen_granted']);
    expect(granted.s).toMatchObject({ status: 'open', scope: [A, B], reopenRequest: null });
    // A full negotiation again: everyone answers, and its agreement replaces the decision.
    const p = ok(granted.s, party(A), propose([role(A, 'lead'), role(B, 'co_lead')], 5)).s;
    expect(p.proposal?.mustAnswer).toEqual([B]);
    const agreed = ok(p, party(B), accept(p.proposal?.number ?? 0, 6)).s;
    expect(agreed).toMatchObject({ status: 'agreed', inForceBy: 'agreement' });
  });
});

describe('parties joining and leaving', () => {
  const agreedABC = () => {
    let s = ok(initialArrangement([A, B, C]), party(A), propose(A_LEADS)).s;
    s = ok(s, party(B), accept(1)).s;
    return ok(s, party(C), accept(1)).s;
  };

  it('a newcomer reopens the arrangement for itself only: the others’ roles stay, newcomer and leaders answer', () => {
    const joined = ok(agreedABC(), SYSTEM, { type: 'party_joined', organisationId: D, at: at(1) });
    expect(joined.outcomes).toEqual(['party_joined']);
    let s = joined.s;
    expect(s).toMatchObject({
      status: 'open',
      parties: [A, B, C, D],
      scope: [D],
      inForce: agreedABC().inForce,
    });
    // Changing another party's role is refused; only the newcomer's place is open.
    const changed = transition(
      s,
      party(B),
      propose(
        [role(A, 'supporting'), role(B, 'lead'), role(C, 'withdrawn'), role(D, 'observer')],
        2,
      ),
    );
    expect(refused(changed)).toBe('invalid_roles');
    const keepsOthers = [...A_LEADS, role(D, 'supporting', true)];
    s = ok(s, party(B), propose(keepsOthers, 2)).s;
    // B (supporting) proposed: the newcomer and the lead answer; C, withdrawn and not concerned, does not.
    expect(s.proposal?.mustAnswer).toEqual([A, D]);
    expect(refused(transition(s, party(C), accept(2, 3)))).toBe('not_yours_to_answer');
    s = ok(s, party(D), accept(2, 3)).s;
    const r = ok(s, party(A), accept(2, 3));
    expect(r.outcomes).toEqual(['accepted', 'agreed']);
    expect(r.s.inForce).toEqual([...(agreedABC().inForce ?? []), role(D, 'supporting', true)]);
    expect(r.s).toMatchObject({ status: 'agreed', scope: [] });
  });

  it('a newcomer to a decided arrangement leaves it decided once its own place is agreed', () => {
    let s = ok(
      initialArrangement([A, B]),
      party(A),
      propose([role(A, 'lead'), role(B, 'supporting')]),
    ).s;
    s = ok(s, SYSTEM, { type: 'deadline_passed', at: at(48) }).s;
    s = ok(s, COORDINATOR, {
      type: 'decide',
      roles: [role(A, 'lead'), role(B, 'observer')],
      at: at(49),
    }).s;
    s = ok(s, SYSTEM, { type: 'party_joined', organisationId: D, at: at(50) }).s;
    expect(s).toMatchObject({ status: 'open', scope: [D], inForceBy: 'decision' });
    s = ok(
      s,
      party(D),
      propose([role(A, 'lead'), role(B, 'observer'), role(D, 'supporting')], 51),
    ).s;
    expect(s.proposal?.mustAnswer).toEqual([A]);
    s = ok(s, party(A), accept(s.proposal?.number ?? 0, 52)).s;
    expect(s).toMatchObject({ status: 'decided', inForceBy: 'decision' });
  });

  it('a pending proposal falls when a party joins: it did not cover the newcomer', () => {
    let s = ok(
      initialArrangement([A, B]),
      party(A),
      propose([role(A, 'lead'), role(B, 'supporting')]),
    ).s;
    const r = ok(s, SYSTEM, { type: 'party_joined', organisationId: C, at: at(1) });
    expect(r.outcomes).toEqual(['party_joined', 'proposal_withdrawn']);
    s = r.s;
    expect(s).toMatchObject({ status: 'open', proposal: null, scope: [A, B, C] });
    expect(refused(transition(s, party(B), accept(1, 2)))).toBe('not_allowed_now');
  });

  it('the lead withdrawing reopens the arrangement fully', () => {
    const r = ok(agreedABC(), SYSTEM, { type: 'party_left', organisationId: A, at: at(1) });
    expect(r.outcomes).toEqual(['party_left', 'reopened']);
    expect(r.s).toMatchObject({ status: 'open', parties: [B, C], scope: [B, C], rejections: 0 });
    const p = ok(r.s, party(C), propose([role(B, 'lead'), role(C, 'supporting')], 2)).s;
    expect(p.proposal?.mustAnswer).toEqual([B]);
    expect(ok(p, party(B), accept(p.proposal?.number ?? 0, 3)).s).toMatchObject({
      status: 'agreed',
      inForceBy: 'agreement',
    });
  });

  it('a supporting party leaving changes nothing else', () => {
    const r = ok(agreedABC(), SYSTEM, { type: 'party_left', organisationId: B, at: at(1) });
    expect(r.outcomes).toEqual(['party_left']);
    const before = agreedABC().inForce ?? [];
    expect(r.s).toMatchObject({
      status: 'agreed',
      parties: [A, C],
      inForce: before.filter((x) => x.organisationId !== B),
    });
  });
});

describe('who may act', () => {
  it('an organisation outside the cluster can do nothing, and sees no action', () => {
    const s = ok(
      initialArrangement([A, B]),
      party(A),
      propose([role(A, 'lead'), role(B, 'supporting')]),
    ).s;
    for (const action of [
      propose(A_LEADS),
      accept(1),
      reject(1),
      { type: 'request_reopen', at: at() } as const,
    ])
      expect(refused(transition(s, party(D), action))).toBe('not_a_party');
    expect(availableActions(s, party(D))).toEqual([]);
    expect(availableActions(s, party(B))).toEqual(['counter', 'accept', 'reject']);
    expect(availableActions(s, party(A))).toEqual([]);
  });

  it('refuses roles that are not an arrangement and deadlines out of bounds', () => {
    const s = initialArrangement([A, B]);
    const bad: PartyRole[][] = [
      [role(A, 'lead'), role(B, 'lead')],
      [role(A, 'supporting'), role(B, 'observer')],
      [role(A, 'lead')],
      [role(A, 'lead'), role(B, 'supporting'), role(C, 'observer')],
      [role(A, 'lead'), role(A, 'supporting')],
    ];
    for (const roles of bad)
      expect(refused(transition(s, party(A), propose(roles)))).toBe('invalid_roles');
    const roles = [role(A, 'lead'), role(B, 'co_lead')];
    const deadline = (h: number) =>
      transition(s, party(A), { type: 'propose', roles, deadline: at(h), at: at() });
    expect(refused(deadline(0.5))).toBe('invalid_deadline');
    expect(refused(deadline(61 * 24))).toBe('invalid_deadline');
    expect(
      refused(transition(s, party(A), { type: 'propose', roles, deadline: 'soon', at: at() })),
    ).toBe('invalid_deadline');
    expect(refused(deadline(1))).toBe('ok');
  });

  it('a sole party agrees with itself at once', () => {
    const r = ok(initialArrangement([A]), party(A), propose([role(A, 'lead')]));
    expect(r.outcomes).toEqual(['proposed', 'agreed']);
    expect(r.s).toMatchObject({ status: 'agreed', version: 1 });
  });
});
