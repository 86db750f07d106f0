import type { Actor } from '@parallax/authz';
import { initialArrangement, transition, type ArrangementState } from '@parallax/domain';
import { describe, expect, it } from 'vitest';
import { noticesOf } from './arrangement-effects.js';
import { actingAs, viewerActions, type Standing } from './arrangement-sides.js';

const WG = 'wg';
const actor = (
  role: Actor['role'],
  organisationId: string | null,
  coordinatorOf: string[] = [],
): Actor => ({
  userId: 'u',
  isPlatformAdmin: false,
  organisationId,
  organisationKind: 'cso',
  role,
  coordinatorOf,
  memberOf: [],
  donorOf: [],
});
const standing = (
  access: Standing['access'],
  negotiators: Standing['negotiators'] = 'admins',
): Standing => ({
  access,
  workingGroupId: WG,
  negotiators,
});
const codeOf = (f: () => unknown) => {
  try {
    f();
    return null;
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
};

function proposed(): ArrangementState {
  const r = transition(
    initialArrangement(['a', 'b']),
    { kind: 'party', organisationId: 'a' },
    {
      type: 'propose',
      roles: [
        { organisationId: 'a', role: 'lead', mayRefer: true },
        { organisationId: 'b', role: 'supporting', mayRefer: false },
      ],
      deadline: new Date(Date.now() + 86_400_000).toISOString(),
      at: new Date().toISOString(),
    },
  );
  if (!r.ok) throw new Error(r.message);
  return r.state;
}

describe('who acts on an arrangement', () => {
  it('lets an admin act for its party, an investigator only when allowed, a viewer never', () => {
    expect(actingAs(actor('org_admin', 'a'), 'party', standing('party'))).toEqual({
      kind: 'party',
      organisationId: 'a',
    });
    expect(codeOf(() => actingAs(actor('investigator', 'a'), 'party', standing('party')))).toBe(
      'NOT_A_NEGOTIATOR',
    );
    expect(
      actingAs(actor('investigator', 'a'), 'party', standing('party', 'admins_and_investigators')),
    ).toEqual({
      kind: 'party',
      organisationId: 'a',
    });
    expect(
      codeOf(() =>
        actingAs(actor('viewer', 'a'), 'party', standing('party', 'admins_and_investigators')),
      ),
    ).toBe('NOT_A_NEGOTIATOR');
  });

  it('refuses former parties and outsiders, and coordinators of other groups', () => {
    expect(codeOf(() => actingAs(actor('org_admin', 'a'), 'party', standing('former')))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(() => actingAs(actor('org_admin', 'a'), 'party', standing(null)))).toBe(
      'NOT_FOUND',
    );
    expect(
      codeOf(() =>
        actingAs(actor('org_admin', 's', ['other']), 'coordinator', standing('coordinator')),
      ),
    ).toBe('FORBIDDEN');
    // A coordinator whose own organisation is a party acts as coordinator for a coordinator's act.
    expect(actingAs(actor('org_admin', 'a', [WG]), 'coordinator', standing('party'))).toEqual({
      kind: 'coordinator',
    });
  });

  it('shows the viewer only what its side may do', () => {
    const s = proposed();
    expect(viewerActions(actor('org_admin', 'b'), 'proposed', s, standing('party')).sort()).toEqual(
      ['accept', 'counter', 'reject'],
    );
    expect(viewerActions(actor('investigator', 'b'), 'proposed', s, standing('party'))).toEqual([]);
    expect(viewerActions(actor('org_admin', 'a'), 'proposed', s, standing('party'))).toEqual([]);
    expect(
      viewerActions(actor('org_admin', 's', [WG]), 'proposed', s, standing('coordinator')),
    ).toEqual(['comment']);
    expect(viewerActions(actor('org_admin', 'b'), 'merged', s, standing('party'))).toEqual([]);
  });
});

describe('who hears of an outcome', () => {
  it('tells the other parties of an act, everyone of a result, coordinators of escalations', () => {
    const n = noticesOf(['accepted', 'agreed'], 'b', { version: 2 });
    expect(n.map((x) => [x.kind, x.exceptOrganisationId, x.coordinators])).toEqual([
      ['arrangement.accepted', 'b', false],
      ['arrangement.agreed', null, false],
    ]);
    expect(noticesOf(['rejected', 'escalated'], 'b', {}).at(-1)).toMatchObject({
      coordinators: true,
      exceptOrganisationId: null,
    });
    expect(noticesOf(['reopen_refused'], null, {})[0]).toMatchObject({
      kind: 'arrangement.reopen_answered',
      payload: { granted: false },
    });
  });
});
