import type { DataSource } from 'typeorm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  act,
  arrangementOf,
  codeOf,
  freshCluster,
  inHours,
  note,
  ok,
  roles,
  traces,
} from '../support/arrangement-fixtures.js';
import type { SuiteContext } from '../support/suite-context.js';
import type { TestApp } from '../support/test-app.js';
import type { World } from '../support/world.js';

/**
 * Who may act on a cluster's lead arrangement (issue 11): negotiators only
 * (admins, investigators when allowed, never viewers), on the current
 * version, never for another organisation; every refusal writes nothing.
 */
export function refusalsSuite(ctx: () => SuiteContext): void {
  let t: TestApp;
  let w: World;
  let db: DataSource;

  const cluster = () => freshCluster(t, w.wg2, [w.orgB, w.orgB2]);

  describe('who may act', () => {
    beforeAll(() => {
      ({ t, w, db } = ctx());
    });

    it('an investigator negotiates only once an admin allows it; a viewer never', async () => {
      const c = await freshCluster(t, w.wg1, [w.orgA, w.orgA2]);
      const input = {
        clusterId: c,
        expectedVersion: 0,
        roles: roles(w.orgA, w.orgA2),
        deadline: inHours(48),
      };
      const before = await traces(t, c);
      expect(codeOf(await act(w.investigatorA, 'propose', input))).toBe('NOT_A_NEGOTIATOR');
      expect(codeOf(await act(w.viewerA, 'propose', input))).toBe('NOT_A_NEGOTIATOR');
      expect(await traces(t, c)).toEqual(before);
      expect((await arrangementOf(w.investigatorA, c)).availableActions).toEqual([]);

      // Only an admin sets the policy.
      const SET =
        'mutation($p: LeadNegotiators!) { setLeadNegotiators(policy: $p) { id leadNegotiators } }';
      const denied = await w.investigatorA.client.request(SET, { p: 'admins_and_investigators' });
      expect(denied.errors?.[0]?.extensions?.['code']).toMatch(/FORBIDDEN|STEP_UP_REQUIRED/);
      const set = await w.adminA.client.ok<{
        setLeadNegotiators: { id: string; leadNegotiators: string };
      }>(SET, {
        p: 'admins_and_investigators',
      });
      expect(set.setLeadNegotiators).toEqual({
        id: w.orgA,
        leadNegotiators: 'admins_and_investigators',
      });
      const logged = await db.query<unknown[]>(
        `SELECT 1 FROM audit_log WHERE action = 'organisation.lead_negotiators_set' AND organisation_id = $1`,
        [w.orgA],
      );
      expect(logged.length).toBe(1);

      expect((await arrangementOf(w.investigatorA, c)).availableActions).toEqual(['propose']);
      expect((await ok(w.investigatorA, 'propose', input)).status).toBe('proposed');
      // Still never a viewer; and the policy of org A says nothing for org A2's investigator.
      expect(
        codeOf(
          await act(w.viewerA, 'respond', {
            clusterId: c,
            expectedVersion: 1,
            proposalNumber: 1,
            accept: true,
          }),
        ),
      ).toBe('NOT_A_NEGOTIATOR');
      expect(
        codeOf(
          await act(w.investigatorA2, 'respond', {
            clusterId: c,
            expectedVersion: 1,
            proposalNumber: 1,
            accept: true,
          }),
        ),
      ).toBe('NOT_A_NEGOTIATOR');
    });

    it('refuses a stale version, an answer that is not due, and a party acting as coordinator, writing nothing', async () => {
      const c = await cluster();
      await ok(w.adminB, 'propose', {
        clusterId: c,
        expectedVersion: 0,
        roles: roles(w.orgB, w.orgB2),
        deadline: inHours(48),
      });
      const before = await traces(t, c);
      const refusals = [
        [
          w.adminB2,
          'respond',
          { clusterId: c, expectedVersion: 0, proposalNumber: 1, accept: true },
          'ARRANGEMENT_VERSION_STALE',
        ],
        [
          w.adminB,
          'respond',
          { clusterId: c, expectedVersion: 1, proposalNumber: 1, accept: true },
          'ARRANGEMENT_NOT_ALLOWED',
        ],
        [
          w.adminB2,
          'respond',
          { clusterId: c, expectedVersion: 1, proposalNumber: 7, accept: true },
          'ARRANGEMENT_NOT_ALLOWED',
        ],
        [
          w.adminB2,
          'propose',
          {
            clusterId: c,
            expectedVersion: 1,
            roles: roles(w.orgB, w.orgB2),
            deadline: inHours(48),
          },
          'ARRANGEMENT_NOT_ALLOWED',
        ],
        [
          w.adminB2,
          'propose',
          {
            clusterId: c,
            expectedVersion: 1,
            counterTo: 1,
            roles: roles(w.orgB, w.orgB2),
            deadline: inHours(0.5),
          },
          'ARRANGEMENT_INVALID_DEADLINE',
        ],
        [
          w.adminB2,
          'propose',
          {
            clusterId: c,
            expectedVersion: 1,
            counterTo: 1,
            roles: [
              { organisationId: w.orgB, role: 'observer' },
              { organisationId: w.orgB2, role: 'observer' },
            ],
            deadline: inHours(48),
          },
          'ARRANGEMENT_INVALID_ROLES',
        ],
        [
          w.adminB2,
          'answer',
          { clusterId: c, expectedVersion: 1, grant: true, note: note(w.adminB2) },
          'FORBIDDEN',
        ],
        [
          w.coordinator2,
          'propose',
          {
            clusterId: c,
            expectedVersion: 1,
            roles: roles(w.orgB, w.orgB2),
            deadline: inHours(48),
          },
          'FORBIDDEN',
        ],
        [
          w.adminB2,
          'respond',
          {
            clusterId: c,
            expectedVersion: 1,
            proposalNumber: 1,
            accept: false,
            note: { ...note(w.adminB2), audience: 'parties' },
          },
          'BAD_USER_INPUT',
        ],
      ] as const;
      for (const [who, mutation, input, code] of refusals) {
        expect(
          codeOf(await act(who, mutation, input)),
          `${mutation} ${JSON.stringify(input)}`,
        ).toBe(code);
      }
      expect(await traces(t, c)).toEqual(before);
    });

    it('an organisation never acts on a cluster it is not a party of', async () => {
      const other = await freshCluster(t, w.wg1, [w.orgA, w.orgA2]);
      const mine = await cluster();
      const before = await traces(t, other);
      for (const [who, mutation, input] of [
        [
          w.adminB,
          'propose',
          {
            clusterId: other,
            expectedVersion: 0,
            roles: roles(w.orgB, w.orgA),
            deadline: inHours(48),
          },
        ],
        [
          w.adminB,
          'propose',
          {
            clusterId: other,
            expectedVersion: 0,
            roles: roles(w.orgA, w.orgA2),
            deadline: inHours(48),
          },
        ],
        [w.coordinator2, 'comment', { clusterId: other, note: note(w.coordinator2) }],
        [
          w.coordinator2,
          'decide',
          {
            clusterId: other,
            expectedVersion: 0,
            roles: roles(w.orgA, w.orgA2),
            note: note(w.coordinator2),
          },
        ],
      ] as const) {
        expect(codeOf(await act(who, mutation, input))).toBe('NOT_FOUND');
      }
      expect(await traces(t, other)).toEqual(before);
      // A party of one cluster naming another organisation's cluster with its own note.
      const stolen = await act(w.adminB, 'respond', {
        clusterId: other,
        expectedVersion: 0,
        proposalNumber: 1,
        accept: false,
        note: note(w.adminB),
      });
      expect(codeOf(stolen)).toBe('NOT_FOUND');
      expect((await arrangementOf(w.adminB, mine)).status).toBe('open');
      const seen = await w.adminA.client.request(`query($id: ID!) { cluster(id: $id) { id } }`, {
        id: mine,
      });
      expect(codeOf(seen)).toBe('NOT_FOUND');
    });
  });
}
