import { describe, expect, it } from 'vitest';
import { deadlineProblemMessage, isFullScope, rolesProblemMessage } from './arrangement-rules';
import type { ArrangementView, PartyRoleView } from './cluster-view';
import { localInputToIso, relativeTo, toLocalInput } from './deadline';
import { chosenRoles, initialProposalForm, proposalFormReducer } from './proposal-form';

const r = (
  organisationId: string,
  role: PartyRoleView['role'],
  mayRefer = false,
): PartyRoleView => ({
  organisationId,
  role,
  mayRefer,
});

const base: ArrangementView = {
  clusterId: 'cl',
  version: 5,
  status: 'open',
  parties: ['b', 'a', 'c'],
  scope: ['a', 'b', 'c'],
  inForce: null,
  proposal: null,
  rejections: 0,
  history: [],
  availableActions: [],
};

/** A newcomer (c) joined an agreed arrangement: only c's role is open. */
const reopenedForC: ArrangementView = {
  ...base,
  scope: ['c'],
  inForce: [r('a', 'lead', true), r('b', 'supporting')],
  inForceBy: 'agreement',
};

const NOW = new Date('2026-11-27T12:00:00Z');

describe('the proposal form', () => {
  it('opens with every party, sorted, and nothing chosen on a first proposal', () => {
    const form = initialProposalForm(base, 'propose', true, NOW);
    expect(form.parties).toEqual(['a', 'b', 'c']);
    expect(chosenRoles(form)).toEqual([]);
    expect(Date.parse(localInputToIso(form.deadline) ?? '') - NOW.getTime()).toBe(
      14 * 24 * 3600 * 1000,
    );
  });

  it('starts a counter-proposal from the proposal it answers', () => {
    const arrangement = {
      ...base,
      status: 'proposed',
      proposal: {
        number: 4,
        proposedBy: 'b',
        roles: [r('a', 'observer', true), r('b', 'lead', true), r('c', 'withdrawn')],
        deadline: '2026-12-01T00:00:00Z',
        mustAnswer: ['a', 'c'],
        answers: [],
      },
    };
    expect(chosenRoles(initialProposalForm(arrangement, 'counter', true, NOW))).toEqual([
      r('a', 'observer', true),
      r('b', 'lead', true),
      r('c', 'withdrawn', false),
    ]);
  });

  it('locks the parties outside a newcomer’s reopening to their role in force', () => {
    expect(isFullScope(reopenedForC)).toBe(false);
    const form = initialProposalForm(reopenedForC, 'propose', false, NOW);
    expect(form.locked).toEqual(['a', 'b']);
    const tried = proposalFormReducer(form, {
      type: 'role',
      organisationId: 'a',
      role: 'observer',
    });
    expect(tried).toBe(form);
    // A decision sets every role.
    expect(initialProposalForm(reopenedForC, 'decide', true, NOW).locked).toEqual([]);
  });

  it('offers “may refer” only where the role leaves it open, and forgets it on a change of role', () => {
    let form = initialProposalForm(base, 'propose', true, NOW);
    form = proposalFormReducer(form, { type: 'role', organisationId: 'a', role: 'supporting' });
    form = proposalFormReducer(form, { type: 'mayRefer', organisationId: 'a', mayRefer: true });
    expect(form.roles['a']).toEqual({ role: 'supporting', mayRefer: true });
    form = proposalFormReducer(form, { type: 'role', organisationId: 'a', role: 'withdrawn' });
    expect(form.roles['a']).toEqual({ role: 'withdrawn', mayRefer: false });
    expect(
      proposalFormReducer(form, { type: 'mayRefer', organisationId: 'a', mayRefer: true }),
    ).toBe(form);
    form = proposalFormReducer(form, { type: 'role', organisationId: 'b', role: 'co_lead' });
    expect(chosenRoles(form)).toContainEqual(r('b', 'co_lead', true));
  });
});

describe('the rule book’s verdict, in the user’s words', () => {
  it('names the problem of a set of roles', () => {
    expect(
      rolesProblemMessage(base, [r('a', 'lead'), r('b', 'lead'), r('c', 'observer')], true),
    ).toBe('arrangement.problem.oneLead');
    expect(
      rolesProblemMessage(
        base,
        [r('a', 'observer'), r('b', 'supporting'), r('c', 'observer')],
        true,
      ),
    ).toBe('arrangement.problem.needLead');
    expect(rolesProblemMessage(base, [r('a', 'lead'), r('b', 'supporting')], true)).toBe(
      'arrangement.problem.everyParty',
    );
    expect(
      rolesProblemMessage(
        base,
        [r('a', 'lead', true), r('b', 'supporting'), r('c', 'observer')],
        true,
      ),
    ).toBeNull();
  });

  it('refuses a change outside the reopened scope, as the API would', () => {
    const changed = [r('a', 'lead', true), r('b', 'co_lead', true), r('c', 'observer')];
    expect(rolesProblemMessage(reopenedForC, changed, false)).toBe('arrangement.problem.scope');
    const newcomerOnly = [r('a', 'lead', true), r('b', 'supporting'), r('c', 'observer')];
    expect(rolesProblemMessage(reopenedForC, newcomerOnly, false)).toBeNull();
  });

  it('keeps a deadline between an hour and 60 days ahead', () => {
    const at = (ms: number) => new Date(NOW.getTime() + ms).toISOString();
    expect(deadlineProblemMessage(null, NOW)).toBe('arrangement.problem.deadlineMissing');
    expect(deadlineProblemMessage(at(30 * 60_000), NOW)).toBe('arrangement.problem.deadlineSoon');
    expect(deadlineProblemMessage(at(61 * 24 * 3600_000), NOW)).toBe(
      'arrangement.problem.deadlineFar',
    );
    expect(deadlineProblemMessage(at(2 * 24 * 3600_000), NOW)).toBeNull();
  });
});

describe('deadlines', () => {
  it('round-trip through a datetime-local value', () => {
    const local = toLocalInput(NOW);
    expect(localInputToIso(local)).toBe(NOW.toISOString());
    expect(localInputToIso('not a date')).toBeNull();
  });

  it('are told in the largest unit that says them', () => {
    expect(relativeTo('2026-11-30T12:00:00Z', NOW)).toEqual({ value: 3, unit: 'day' });
    expect(relativeTo('2026-11-27T17:00:00Z', NOW)).toEqual({ value: 5, unit: 'hour' });
    expect(relativeTo('2026-11-27T11:50:00Z', NOW)).toEqual({ value: -10, unit: 'minute' });
  });
});
