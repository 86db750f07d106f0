import type { DataSource } from 'typeorm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ArrangementDeadlinesService } from '../../src/modules/arrangements/arrangement-deadlines.service.js';
import {
  act,
  arrangementOf,
  codeOf,
  freshCluster,
  inHours,
  note,
  ok,
  roles,
  thirdParty,
  type Arrangement,
} from '../support/arrangement-fixtures.js';
import type { GqlResult } from '../support/gql-client.js';
import type { SuiteContext } from '../support/suite-context.js';
import type { TestApp } from '../support/test-app.js';
import type { Person, World } from '../support/world.js';

/**
 * Acts on the same version at the same moment (issue 11): the row lock and
 * the version make exactly one win; the other is told the arrangement
 * changed (or that its act no longer applies), and the stored state, its
 * version and its history agree.
 */
export function racesSuite(ctx: () => SuiteContext): void {
  let t: TestApp;
  let w: World;
  let db: DataSource;
  let third: { org: string; admin: Person };

  const LOSING = ['ARRANGEMENT_VERSION_STALE', 'ARRANGEMENT_NOT_ALLOWED'];

  function oneWinner(results: ReadonlyArray<GqlResult<Record<string, Arrangement>>>): Arrangement {
    const won = results.filter((r) => !r.errors?.length);
    const lost = results.filter((r) => r.errors?.length);
    expect(won).toHaveLength(1);
    for (const r of lost) expect(LOSING).toContain(codeOf(r));
    const a = won[0]?.data?.['r'];
    if (!a) throw new Error('no winner');
    return a;
  }

  /** The stored row, its events and audit entries tell the same story as the winner's answer. */
  async function consistent(clusterId: string, winner: Arrangement): Promise<void> {
    const [row] = await db.query<
      Array<{ version: number; status: string; state: { version: number; status: string } }>
    >('SELECT version, status, state FROM lead_arrangement WHERE cluster_id = $1', [clusterId]);
    expect(row).toMatchObject({ version: winner.version, status: winner.status });
    expect(row?.state).toMatchObject({ version: winner.version, status: winner.status });
    const events = await db.query<Array<{ version: number }>>(
      'SELECT version FROM lead_arrangement_event WHERE cluster_id = $1 ORDER BY version',
      [clusterId],
    );
    expect(events.map((e) => e.version)).toEqual(
      Array.from({ length: winner.version }, (_, i) => i + 1),
    );
  }

  describe('simultaneous acts on one arrangement', () => {
    beforeAll(async () => {
      ({ t, w, db } = ctx());
      third = await thirdParty(t, w.wg2, 'b3');
    });

    it('one party accepts while another counter-proposes: exactly one wins', async () => {
      for (let i = 0; i < 4; i++) {
        const c = await freshCluster(t, w.wg2, [w.orgB, w.orgB2, third.org]);
        await ok(w.adminB, 'propose', {
          clusterId: c,
          expectedVersion: 0,
          roles: roles(w.orgB, w.orgB2, third.org),
          deadline: inHours(48),
        });
        const results = await Promise.all([
          act(w.adminB2, 'respond', {
            clusterId: c,
            expectedVersion: 1,
            proposalNumber: 1,
            accept: true,
          }),
          act(third.admin, 'propose', {
            clusterId: c,
            expectedVersion: 1,
            counterTo: 1,
            roles: roles(third.org, w.orgB, w.orgB2),
            deadline: inHours(24),
          }),
        ]);
        const winner = oneWinner(results);
        expect(winner.version).toBe(2);
        await consistent(c, winner);
        const seen = await arrangementOf(w.adminB, c);
        expect(seen.proposal?.number).toBe(winner.proposal?.number);
      }
    });

    it('two parties accept at the same moment: one wins, the other acts again on the new version and it is agreed', async () => {
      const c = await freshCluster(t, w.wg2, [w.orgB, w.orgB2, third.org]);
      await ok(w.adminB, 'propose', {
        clusterId: c,
        expectedVersion: 0,
        roles: roles(w.orgB, w.orgB2, third.org),
        deadline: inHours(48),
      });
      const answer = (p: Person, v: number) =>
        act(p, 'respond', { clusterId: c, expectedVersion: v, proposalNumber: 1, accept: true });
      const results = await Promise.all([answer(w.adminB2, 1), answer(third.admin, 1)]);
      const winner = oneWinner(results);
      expect(winner).toMatchObject({ status: 'proposed', version: 2 });
      expect(codeOf(results.find((r) => r.errors) ?? {})).toBe('ARRANGEMENT_VERSION_STALE');
      await consistent(c, winner);
      const loser = results[0]?.errors ? w.adminB2 : third.admin;
      const agreed = await ok(loser, 'respond', {
        clusterId: c,
        expectedVersion: 2,
        proposalNumber: 1,
        accept: true,
      });
      expect(agreed).toMatchObject({ status: 'agreed', version: 3 });
      await consistent(c, agreed);
    });

    it('a coordinator decides while a party accepts: one consistent state', async () => {
      for (let i = 0; i < 3; i++) {
        const c = await freshCluster(t, w.wg2, [w.orgB, w.orgB2]);
        const a = await ok(w.adminB, 'propose', {
          clusterId: c,
          expectedVersion: 0,
          roles: roles(w.orgB, w.orgB2),
          deadline: inHours(2),
        });
        // The deadline passes (the sweep itself is tested through pg-boss in arrangements/deadlines.suite.ts).
        await t.app
          .get(ArrangementDeadlinesService)
          .escalateDue(new Date(Date.parse(a.proposal?.deadline ?? '') + 1000));
        expect((await arrangementOf(w.adminB2, c)).status).toBe('escalated');
        const results = await Promise.all([
          act(w.coordinator2, 'decide', {
            clusterId: c,
            expectedVersion: 2,
            roles: roles(w.orgB2, w.orgB),
            note: note(w.coordinator2),
          }),
          act(w.adminB2, 'respond', {
            clusterId: c,
            expectedVersion: 2,
            proposalNumber: 1,
            accept: true,
          }),
        ]);
        const winner = oneWinner(results);
        expect(['decided', 'agreed']).toContain(winner.status);
        expect(winner.version).toBe(3);
        await consistent(c, winner);
        // The loser's note was not kept either.
        const notes = await db.query<unknown[]>(
          'SELECT 1 FROM cluster_message WHERE cluster_id = $1',
          [c],
        );
        expect(notes).toHaveLength(winner.status === 'decided' ? 1 : 0);
      }
    });
  });
}
