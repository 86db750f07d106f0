import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leadersOf, normaliseRoles } from './roles.js';
import { availableActions } from './available-actions.js';
import { initialArrangement, transition } from './transition.js';
import {
  ARRANGEMENT_STATUSES,
  type ArrangementAction,
  type ArrangementActor,
  type ArrangementState,
  type PartyRole,
} from './types.js';

/**
 * Random histories: organisations a–f (x never joins), random actors
 * (parties, outsiders, coordinators, the hub), random actions whose numbers
 * and roles are drawn against the current state often enough to be accepted
 * and wrong often enough to be refused. After every step the invariants of
 * the rule book must hold.
 */
const POOL = ['a', 'b', 'c', 'd', 'e', 'f'];
const OUTSIDER = 'x';
const T0 = Date.parse('2026-01-01T00:00:00Z');
const MINUTE = 60_000;

type Intent = {
  type: ArrangementAction['type'];
  actor: number;
  roles: number[];
  mayRefer: boolean[];
  /** Covers the parties exactly (0), drops one (1) or adds the outsider (2). */
  cover: number;
  numberOffset: number;
  deadlineMinutes: number;
  grant: boolean;
  org: number;
  /** Minutes since the previous step: time only moves forward. */
  elapsed: number;
};

const intentArb: fc.Arbitrary<Intent> = fc.record({
  type: fc.constantFrom<ArrangementAction['type']>(
    'propose',
    'propose',
    'counter',
    'accept',
    'accept',
    'accept',
    'reject',
    'deadline_passed',
    'decide',
    'request_reopen',
    'answer_reopen',
    'party_joined',
    'party_left',
  ),
  actor: fc.nat(95),
  roles: fc.array(fc.nat(5), { minLength: 7, maxLength: 7 }),
  mayRefer: fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }),
  cover: fc.constantFrom(0, 0, 0, 0, 0, 0, 1, 2),
  numberOffset: fc.constantFrom(0, 0, 0, 0, -1, 1),
  deadlineMinutes: fc.oneof(
    fc.integer({ min: 61, max: 7 * 24 * 60 }),
    fc.integer({ min: -60, max: 90_000 }),
  ),
  grant: fc.boolean(),
  org: fc.nat(POOL.length),
  elapsed: fc.oneof(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 5 * 24 * 60 })),
});

/**
 * Three times in four the actor is one the action calls for (a party that
 * must answer, the proposer's peers, the hub for its events, a coordinator
 * for decisions), so histories get far; otherwise anyone at all.
 */
function actorOf(s: ArrangementState, i: Intent): ArrangementActor {
  const pick = i.actor;
  const anyParty = (): ArrangementActor => ({
    kind: 'party',
    organisationId: s.parties[pick % s.parties.length] ?? OUTSIDER,
  });
  if (pick % 4 !== 0) {
    switch (i.type) {
      case 'accept':
      case 'reject':
      case 'counter': {
        const due = s.proposal?.mustAnswer.filter((o) => !s.proposal?.answers[o]) ?? [];
        return due.length > 0
          ? { kind: 'party', organisationId: due[pick % due.length] ?? OUTSIDER }
          : anyParty();
      }
      case 'deadline_passed':
      case 'party_joined':
      case 'party_left':
        return { kind: 'system' };
      case 'decide':
      case 'answer_reopen':
        return { kind: 'coordinator' };
      default:
        return anyParty();
    }
  }
  if (pick % 8 === 0) return { kind: 'coordinator' };
  if (pick % 12 === 0) return { kind: 'system' };
  if (pick % 16 === 0) return { kind: 'party', organisationId: OUTSIDER };
  const everyone = [...s.parties, ...POOL];
  return { kind: 'party', organisationId: everyone[pick % everyone.length] ?? OUTSIDER };
}

/** Roles drawn so that a lead is rare beyond the first party: valid arrangements come up often. */
const DRAWN_ROLES: readonly PartyRole['role'][] = [
  'co_lead',
  'supporting',
  'observer',
  'withdrawn',
  'supporting',
  'lead',
];

function rolesOf(s: ArrangementState, i: Intent): PartyRole[] {
  // Mostly one lead and the rest drawn at random, so valid sets come up often.
  const roles = s.parties.map((o, k) => ({
    organisationId: o,
    role:
      k === 0 && (i.roles[6] ?? 0) % 2 === 0
        ? ('lead' as const)
        : (DRAWN_ROLES[i.roles[k % 6] ?? 0] ?? 'observer'),
    mayRefer: i.mayRefer[k % 7] ?? false,
  }));
  // Keep the roles in force outside a partial scope half the time, so partial reopenings can conclude.
  const keep = s.inForce && s.scope.length < s.parties.length && i.mayRefer[6];
  const kept = keep
    ? roles.map((r) => s.inForce?.find((f) => f.organisationId === r.organisationId) ?? r)
    : roles;
  if (i.cover === 1) return kept.slice(1);
  if (i.cover === 2)
    return [...kept, { organisationId: OUTSIDER, role: 'observer', mayRefer: false }];
  return kept;
}

function actionOf(s: ArrangementState, i: Intent, now: number): ArrangementAction {
  const at = new Date(now).toISOString();
  const deadline = new Date(now + i.deadlineMinutes * MINUTE).toISOString();
  const proposalNumber = (s.proposal?.number ?? 1) + i.numberOffset;
  switch (i.type) {
    case 'propose':
      return { type: 'propose', roles: rolesOf(s, i), deadline, at };
    case 'counter':
      return { type: 'counter', proposalNumber, roles: rolesOf(s, i), deadline, at };
    case 'accept':
    case 'reject':
      return { type: i.type, proposalNumber, at };
    case 'deadline_passed':
    case 'request_reopen':
      return { type: i.type, at };
    case 'decide':
      return { type: 'decide', roles: rolesOf(s, i), at };
    case 'answer_reopen':
      return { type: 'answer_reopen', grant: i.grant, at };
    case 'party_joined':
      return { type: 'party_joined', organisationId: POOL[i.org % POOL.length] ?? OUTSIDER, at };
    case 'party_left':
      return {
        type: 'party_left',
        organisationId: [...s.parties, OUTSIDER][i.org % (s.parties.length + 1)] ?? OUTSIDER,
        at,
      };
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

const sameSet = (xs: readonly string[], ys: readonly string[]) =>
  [...xs].sort().join() === [...ys].sort().join();

/** A cheap assertion for the hot loop (vitest's expect is too slow for ~10^5 checks). */
function check(ok: boolean, what: string, ...context: unknown[]): void {
  if (!ok) throw new Error(`${what}: ${JSON.stringify(context)}`);
}

const json = (v: unknown) => JSON.stringify(v);

/** Everything that must be true of any state the rule book produces. */
function checkState(s: ArrangementState): void {
  check((ARRANGEMENT_STATUSES as readonly string[]).includes(s.status), 'known status', s);
  check(json(s.parties) === json([...new Set(s.parties)].sort()), 'parties sorted and unique', s);
  check(
    s.scope.every((o) => s.parties.includes(o)),
    'scope within the parties',
    s,
  );
  check(json(JSON.parse(json(s))) === json(s), 'state survives JSON (stored as jsonb)', s);
  for (const roles of [s.inForce, s.proposal?.roles ?? null]) {
    if (!roles) continue;
    check(roles.filter((r) => r.role === 'lead').length <= 1, 'at most one lead', s);
    check(
      json(normaliseRoles(roles)) === json(roles),
      'roles normalised (leaders may refer, sorted)',
      s,
    );
  }
  if (s.status === 'agreed' || s.status === 'decided') {
    check(
      s.inForce !== null &&
        sameSet(
          s.inForce.map((r) => r.organisationId),
          s.parties,
        ),
      'in force covers all parties',
      s,
    );
    check(leadersOf(s.inForce).length >= 1, 'someone leads', s);
    check(
      s.scope.length === 0 && s.proposal === null && s.escalation === null,
      'settled: nothing open',
      s,
    );
    check(
      s.inForceBy === (s.status === 'agreed' ? 'agreement' : 'decision'),
      'inForceBy matches status',
      s,
    );
  }
  if (s.status === 'proposed') {
    const p = s.proposal;
    check(p !== null, 'proposed has a proposal', s);
    if (p) {
      check(s.parties.includes(p.proposedBy), 'proposer is a party', s);
      check(p.mustAnswer.length > 0, 'someone must answer', s);
      check(
        p.mustAnswer.every((o) => o !== p.proposedBy && s.parties.includes(o)),
        'mustAnswer ⊆ parties − proposer',
        s,
      );
    }
    check(s.escalation === null, 'proposed is not escalated', s);
  }
  if (s.proposal) {
    const p = s.proposal;
    check(
      sameSet(
        p.roles.map((r) => r.organisationId),
        s.parties,
      ),
      'proposal covers the parties',
      s,
    );
    check(
      Object.keys(p.answers).every((o) => p.mustAnswer.includes(o)),
      'answers from those asked',
      s,
    );
    check(
      Object.values(p.answers).every((a) => a === 'accepted'),
      'a rejection ends the proposal',
      s,
    );
    check(s.nextProposalNumber > p.number, 'proposal numbers grow', s);
    check(
      s.status === 'proposed' || s.status === 'escalated',
      'a proposal only when proposed or escalated',
      s,
    );
  }
  if (s.status === 'escalated') check(s.escalation !== null, 'escalated has a reason', s);
  if (s.status === 'open') check(s.proposal === null, 'open has nothing on the table', s);
  if (s.status === 'reopen_requested')
    check(
      s.reopenRequest !== null && s.inForceBy === 'decision',
      'a reopening is asked of a decision',
      s,
    );
}

interface Step {
  before: ArrangementState;
  actor: ArrangementActor;
  action: ArrangementAction;
}

/** Runs a history, checking each step; returns the accepted steps. */
function play(initial: string[], intents: Intent[]): Step[] {
  let s = deepFreeze(initialArrangement(initial));
  let now = T0;
  const accepted: Step[] = [];
  checkState(s);
  for (const i of intents) {
    now += i.elapsed * MINUTE;
    const actor = actorOf(s, i);
    const action = actionOf(s, i, now);
    const snapshot = JSON.stringify(s);
    const r = transition(s, actor, action);
    // Pure: the state given is never changed (it is frozen, and equal afterwards).
    check(JSON.stringify(s) === snapshot, 'input unchanged', action);
    if (actor.kind === 'party' && !s.parties.includes(actor.organisationId))
      check(!r.ok, 'an outsider changes nothing', s, action);
    if (!r.ok) continue;
    const next = deepFreeze(r.state);
    check(next.version === s.version + 1, 'version + 1', s, next);
    checkState(next);
    checkStep(s, next, actor, action, r.outcomes);
    accepted.push({ before: s, actor, action });
    s = next;
  }
  return accepted;
}

function checkStep(
  s: ArrangementState,
  next: ArrangementState,
  actor: ArrangementActor,
  action: ArrangementAction,
  outcomes: string[],
): void {
  // Agreement: every party that had to answer accepted this very proposal (or nobody had to).
  if (outcomes.includes('agreed')) {
    if (action.type === 'accept') {
      const p = s.proposal;
      check(
        p !== null && p.number === action.proposalNumber,
        'agreed on the proposal answered',
        s,
        action,
      );
      if (p && actor.kind === 'party') {
        const answered = { ...p.answers, [actor.organisationId]: 'accepted' };
        check(
          p.mustAnswer.every((o) => answered[o] === 'accepted'),
          'everyone asked accepted',
          s,
          action,
        );
        check(json(next.inForce) === json(p.roles), 'the agreed roles are the proposal’s', s, next);
      }
    } else {
      check(
        action.type === 'propose' || action.type === 'counter',
        'agreement by answer or sole proposal',
        action,
      );
      if ('roles' in action)
        check(
          json(next.inForce) === json(normaliseRoles(action.roles)),
          'sole proposal in force',
          next,
        );
    }
  }
  // Only a coordinator decides, and only a coordinator turns an agreement into a decision.
  if (outcomes.includes('decided') || (next.inForceBy === 'decision' && s.inForceBy !== 'decision'))
    check(actor.kind === 'coordinator', 'decided by a coordinator', s, action, actor);
  if (actor.kind === 'coordinator')
    check(
      action.type === 'decide' || action.type === 'answer_reopen',
      'coordinators decide only',
      action,
    );
  // The roles in force change only by agreement, decision or a party leaving.
  if (json(next.inForce) !== json(s.inForce))
    check(
      outcomes.some((o) => ['agreed', 'decided', 'party_left'].includes(o)),
      'roles change by agreement or decision',
      outcomes,
    );
  // Escalation by rejections needs two of them.
  if (next.escalation?.reason === 'rejected_twice' && !s.escalation)
    check(next.rejections >= 2, 'two rejections', next);
}

const historyArb = fc.tuple(
  fc.subarray(POOL.slice(0, 4), { minLength: 1 }),
  fc.array(intentArb, { minLength: 5, maxLength: 80, size: 'max' }),
);

describe('the rule book over random histories', () => {
  it('keeps every invariant, refuses outsiders and never changes the state it is given', () => {
    fc.assert(
      fc.property(historyArb, ([parties, intents]) => {
        play(parties, intents);
      }),
      { numRuns: 400 },
    );
  }, 60_000);

  it('never counts the same action twice: repeating an accepted action is refused', () => {
    fc.assert(
      fc.property(historyArb, ([parties, intents]) => {
        for (const { before, actor, action } of play(parties, intents)) {
          const first = transition(before, actor, action);
          if (!first.ok) throw new Error('an accepted step must replay identically');
          const again = transition(first.state, actor, action);
          // A proposal agreed at once (no one else to answer) may be proposed again as a renegotiation.
          if (action.type === 'propose' && first.state.status === 'agreed') continue;
          expect(again.ok, `${action.type} twice by ${JSON.stringify(actor)}`).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('reaches every status, so the invariants above are not vacuous', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(historyArb, ([parties, intents]) => {
        for (const step of play(parties, intents)) seen.add(step.before.status);
      }),
      { numRuns: 400 },
    );
    expect([...seen].sort()).toEqual([...ARRANGEMENT_STATUSES].sort());
  }, 60_000);

  it('offers outsiders and the hub no action, and coordinators only decide and answer reopenings', () => {
    fc.assert(
      fc.property(historyArb, ([parties, intents]) => {
        for (const { before } of play(parties, intents)) {
          expect(availableActions(before, { kind: 'party', organisationId: OUTSIDER })).toEqual([]);
          expect(availableActions(before, { kind: 'system' })).toEqual([]);
          for (const a of availableActions(before, { kind: 'coordinator' }))
            expect(['decide', 'answer_reopen']).toContain(a);
        }
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});
