import { describe, expect, it } from 'vitest';
import { initialArrangement, transition } from './transition.js';
import type { ArrangementAction, ArrangementActor, ArrangementState, PartyRole } from './types.js';

/**
 * Every action in every status by every kind of actor, written out as a
 * table (not derived from the rules, so a change of the rules shows here as
 * a change of the table). Parties A, B, C; A proposes, B must answer; X is
 * an organisation outside the cluster. A cell is the status after an
 * accepted transition, or `!refusal`.
 */
const A = 'org-a';
const B = 'org-b';
const C = 'org-c';
const D = 'org-d';
const T0 = Date.parse('2026-03-01T09:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
const HOUR = 3600_000;
/** When the tabled action happens: after the setup's deadline (T0 + 24 h). */
const AT = iso(T0 + 25 * HOUR);

const roles = (lead: string, ...rest: Array<[string, PartyRole['role']]>): PartyRole[] => [
  { organisationId: lead, role: 'lead', mayRefer: true },
  ...rest.map(([o, role]) => ({ organisationId: o, role, mayRefer: false })),
];
const A_LEADS = roles(A, [B, 'supporting'], [C, 'observer']);
const B_LEADS = roles(B, [A, 'supporting'], [C, 'observer']);

const party = (organisationId: string): ArrangementActor => ({ kind: 'party', organisationId });
const COORDINATOR: ArrangementActor = { kind: 'coordinator' };
const SYSTEM: ArrangementActor = { kind: 'system' };

function run(
  state: ArrangementState,
  ...steps: Array<[ArrangementActor, ArrangementAction]>
): ArrangementState {
  return steps.reduce((s, [actor, action]) => {
    const r = transition(s, actor, action);
    if (!r.ok) throw new Error(`setup step ${action.type} refused: ${r.message}`);
    return r.state;
  }, state);
}

const at0 = iso(T0);
const propose1: [ArrangementActor, ArrangementAction] = [
  party(A),
  { type: 'propose', roles: A_LEADS, deadline: iso(T0 + 24 * HOUR), at: at0 },
];
const open = initialArrangement([C, A, B]);
const proposed = run(open, propose1);
const agreed = run(
  proposed,
  [party(B), { type: 'accept', proposalNumber: 1, at: at0 }],
  [party(C), { type: 'accept', proposalNumber: 1, at: at0 }],
);
const escalatedOnTable = run(proposed, [
  SYSTEM,
  { type: 'deadline_passed', at: iso(T0 + 24 * HOUR) },
]);
const escalated = run(
  proposed,
  [party(B), { type: 'reject', proposalNumber: 1, at: at0 }],
  [party(A), { type: 'propose', roles: A_LEADS, deadline: iso(T0 + 24 * HOUR), at: at0 }],
  [party(C), { type: 'reject', proposalNumber: 2, at: at0 }],
);
const decided = run(escalated, [COORDINATOR, { type: 'decide', roles: B_LEADS, at: at0 }]);
const reopenRequested = run(decided, [party(C), { type: 'request_reopen', at: at0 }]);

const STATES = { open, proposed, agreed, escalatedOnTable, escalated, decided, reopenRequested };

/** The action of each column, for a state (proposal numbers are the current proposal's). */
function actionOf(type: ArrangementAction['type'], s: ArrangementState): ArrangementAction {
  const n = s.proposal?.number ?? 1;
  const deadline = iso(T0 + 48 * HOUR);
  switch (type) {
    case 'propose':
      return { type, roles: A_LEADS, deadline, at: AT };
    case 'counter':
      return { type, proposalNumber: n, roles: B_LEADS, deadline, at: AT };
    case 'accept':
    case 'reject':
      return { type, proposalNumber: n, at: AT };
    case 'deadline_passed':
    case 'request_reopen':
      return { type, at: AT };
    case 'decide':
      return { type, roles: B_LEADS, at: AT };
    case 'answer_reopen':
      return { type, grant: true, at: AT };
    case 'party_joined':
      return { type, organisationId: D, at: AT };
    case 'party_left':
      return { type, organisationId: C, at: AT };
  }
}

const ACTORS: Array<[string, ArrangementActor]> = [
  ['A (proposer)', party(A)],
  ['B (must answer)', party(B)],
  ['X (outsider)', party('org-x')],
  ['coordinator', COORDINATOR],
  ['system', SYSTEM],
];

const NP = '!not_a_party';
const NC = '!not_a_coordinator';
const NN = '!not_allowed_now';
const NY = '!not_yours_to_answer';
const ND = '!not_due';
type Row = [string, string, string, string, string];
const noAnswer: Row = [NN, NN, NP, NP, NP];
const noDecision: Row = [NC, NC, NC, NN, NC];
const noDeadline: Row = [NN, NN, NN, NN, ND];
const hub = (after: string): Row => [NN, NN, NN, NN, after];

const TABLE: Record<keyof typeof STATES, Record<ArrangementAction['type'], Row>> = {
  open: {
    propose: ['proposed', 'proposed', NP, NP, NP],
    counter: noAnswer,
    accept: noAnswer,
    reject: noAnswer,
    deadline_passed: noDeadline,
    decide: noDecision,
    request_reopen: noAnswer,
    answer_reopen: noDecision,
    party_joined: hub('open'),
    party_left: hub('open'),
  },
  proposed: {
    propose: noAnswer,
    counter: [NY, 'proposed', NP, NP, NP],
    accept: [NY, 'proposed', NP, NP, NP],
    reject: [NY, 'open', NP, NP, NP],
    deadline_passed: hub('escalated'),
    decide: noDecision,
    request_reopen: noAnswer,
    answer_reopen: noDecision,
    party_joined: hub('open'),
    party_left: hub('open'),
  },
  agreed: {
    propose: ['proposed', 'proposed', NP, NP, NP],
    counter: noAnswer,
    accept: noAnswer,
    reject: noAnswer,
    deadline_passed: noDeadline,
    decide: noDecision,
    request_reopen: noAnswer,
    answer_reopen: noDecision,
    party_joined: hub('open'),
    party_left: hub('agreed'),
  },
  escalatedOnTable: {
    propose: noAnswer,
    counter: [NY, 'escalated', NP, NP, NP],
    accept: [NY, 'escalated', NP, NP, NP],
    reject: [NY, 'escalated', NP, NP, NP],
    deadline_passed: noDeadline,
    decide: [NC, NC, NC, 'decided', NC],
    request_reopen: noAnswer,
    answer_reopen: noDecision,
    party_joined: hub('escalated'),
    party_left: hub('escalated'),
  },
  escalated: {
    propose: ['escalated', 'escalated', NP, NP, NP],
    counter: noAnswer,
    accept: noAnswer,
    reject: noAnswer,
    deadline_passed: noDeadline,
    decide: [NC, NC, NC, 'decided', NC],
    request_reopen: noAnswer,
    answer_reopen: noDecision,
    party_joined: hub('escalated'),
    party_left: hub('escalated'),
  },
  decided: {
    propose: noAnswer,
    counter: noAnswer,
    accept: noAnswer,
    reject: noAnswer,
    deadline_passed: noDeadline,
    decide: noDecision,
    request_reopen: ['reopen_requested', 'reopen_requested', NP, NP, NP],
    answer_reopen: noDecision,
    party_joined: hub('open'),
    party_left: hub('decided'),
  },
  reopenRequested: {
    propose: noAnswer,
    counter: noAnswer,
    accept: noAnswer,
    reject: noAnswer,
    deadline_passed: noDeadline,
    decide: noDecision,
    request_reopen: noAnswer,
    answer_reopen: [NC, NC, NC, 'open', NC],
    party_joined: hub('open'),
    party_left: hub('reopen_requested'),
  },
};

describe('the rule book, status × action × actor', () => {
  it('starts from the statuses it names', () => {
    expect(Object.fromEntries(Object.entries(STATES).map(([k, s]) => [k, s.status]))).toEqual({
      open: 'open',
      proposed: 'proposed',
      agreed: 'agreed',
      escalatedOnTable: 'escalated',
      escalated: 'escalated',
      decided: 'decided',
      reopenRequested: 'reopen_requested',
    });
    expect(escalatedOnTable.proposal).not.toBeNull();
    expect(escalated.proposal).toBeNull();
    expect(escalated.escalation?.reason).toBe('rejected_twice');
  });

  for (const [name, state] of Object.entries(STATES) as Array<
    [keyof typeof STATES, ArrangementState]
  >) {
    for (const [type, row] of Object.entries(TABLE[name]) as Array<
      [ArrangementAction['type'], Row]
    >) {
      it(`${name}: ${type}`, () => {
        const got = ACTORS.map(([, actor]) => {
          const before = JSON.stringify(state);
          const r = transition(state, actor, actionOf(type, state));
          expect(JSON.stringify(state)).toBe(before);
          if (!r.ok) return `!${r.refusal}`;
          expect(r.state.version).toBe(state.version + 1);
          return r.state.status;
        });
        expect(Object.fromEntries(ACTORS.map(([who], i) => [who, got[i]]))).toEqual(
          Object.fromEntries(ACTORS.map(([who], i) => [who, row[i]])),
        );
      });
    }
  }
});
