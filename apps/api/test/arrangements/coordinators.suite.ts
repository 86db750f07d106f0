import type { DataSource } from 'typeorm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  act,
  arrangementOf,
  codeOf,
  escalateByRejections,
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
 * The coordinators' part in who leads a cluster (issue 11): escalation after
 * two rejections, comments and binding decisions (each with its reason, a
 * sealed note), reopenings asked by a party and granted or refused.
 */
export function coordinatorsSuite(ctx: () => SuiteContext): void {
  let t: TestApp;
  let w: World;
  let db: DataSource;

  const cluster = () => freshCluster(t, w.wg2, [w.orgB, w.orgB2]);

  describe('the coordinators', () => {
    beforeAll(() => {
      ({ t, w, db } = ctx());
    });

    it('two rejections escalate to the coordinators, who comment and decide', async () => {
      const c = await cluster();
      await ok(w.adminB, 'propose', {
        clusterId: c,
        expectedVersion: 0,
        roles: roles(w.orgB, w.orgB2),
        deadline: inHours(48),
      });
      // A rejection without its reason is refused and writes nothing.
      const before = await traces(t, c);
      const bare = await act(w.adminB2, 'respond', {
        clusterId: c,
        expectedVersion: 1,
        proposalNumber: 1,
        accept: false,
      });
      expect(codeOf(bare)).toBe('NOTE_REQUIRED');
      expect(await traces(t, c)).toEqual(before);

      const r1 = await ok(w.adminB2, 'respond', {
        clusterId: c,
        expectedVersion: 1,
        proposalNumber: 1,
        accept: false,
        note: note(w.adminB2),
      });
      expect(r1).toMatchObject({ status: 'open', rejections: 1 });
      await ok(w.adminB2, 'propose', {
        clusterId: c,
        expectedVersion: 2,
        roles: roles(w.orgB2, w.orgB),
        deadline: inHours(48),
      });
      const r2 = await ok(w.adminB, 'respond', {
        clusterId: c,
        expectedVersion: 3,
        proposalNumber: 2,
        accept: false,
        note: note(w.adminB),
      });
      expect(r2).toMatchObject({
        status: 'escalated',
        escalationReason: 'rejected_twice',
        rejections: 2,
      });
      const coordinatorNotes = await db.query<unknown[]>(
        `SELECT 1 FROM notification WHERE kind = 'arrangement.escalated' AND recipient_user_id = $1 AND payload->>'clusterId' = $2`,
        [w.coordinator2.id, c],
      );
      expect(coordinatorNotes.length).toBe(1);

      const seen = await arrangementOf(w.coordinator2, c);
      expect(seen.availableActions.sort()).toEqual(['comment', 'decide']);
      const commented = await ok(w.coordinator2, 'comment', {
        clusterId: c,
        note: note(w.coordinator2),
      });
      expect(commented.version).toBe(4);
      expect(codeOf(await act(w.coordinator2, 'comment', { clusterId: c }))).toBe('NOTE_REQUIRED');

      // A party cannot decide; a coordinator needs a reason.
      expect(
        codeOf(
          await act(w.adminB, 'decide', {
            clusterId: c,
            expectedVersion: 4,
            roles: roles(w.orgB, w.orgB2),
            note: note(w.adminB),
          }),
        ),
      ).toBe('FORBIDDEN');
      expect(
        codeOf(
          await act(w.coordinator2, 'decide', {
            clusterId: c,
            expectedVersion: 4,
            roles: roles(w.orgB, w.orgB2),
          }),
        ),
      ).toBe('NOTE_REQUIRED');
      expect(
        codeOf(
          await act(w.coordinator2, 'decide', {
            clusterId: c,
            expectedVersion: 4,
            roles: roles(w.orgB),
            note: note(w.coordinator2),
          }),
        ),
      ).toBe('ARRANGEMENT_INVALID_ROLES');
      const decided = await ok(w.coordinator2, 'decide', {
        clusterId: c,
        expectedVersion: 4,
        roles: roles(w.orgB, w.orgB2),
        note: note(w.coordinator2),
      });
      expect(decided).toMatchObject({ status: 'decided', inForceBy: 'decision', version: 5 });
      expect(decided.history.map((e) => e.kind).slice(-2)).toEqual(['commented', 'decided']);
      expect(decided.history.at(-1)?.byCoordinator).toBe(true);
    });

    it('a decision is reopened on request when the coordinator grants it, and stays when refused', async () => {
      const c = await cluster();
      await escalateByRejections(c, { p: w.adminB, org: w.orgB }, { p: w.adminB2, org: w.orgB2 });
      await ok(w.coordinator2, 'decide', {
        clusterId: c,
        expectedVersion: 4,
        roles: roles(w.orgB, w.orgB2),
        note: note(w.coordinator2),
      });

      expect(codeOf(await act(w.adminB2, 'reopen', { clusterId: c, expectedVersion: 5 }))).toBe(
        'NOTE_REQUIRED',
      );
      const asked = await ok(w.adminB2, 'reopen', {
        clusterId: c,
        expectedVersion: 5,
        note: note(w.adminB2),
      });
      expect(asked).toMatchObject({ status: 'reopen_requested', reopenRequestedBy: w.orgB2 });
      expect((await arrangementOf(w.coordinator2, c)).availableActions.sort()).toEqual([
        'answer_reopen',
        'comment',
      ]);
      const refused = await ok(w.coordinator2, 'answer', {
        clusterId: c,
        expectedVersion: 6,
        grant: false,
        note: note(w.coordinator2),
      });
      expect(refused).toMatchObject({
        status: 'decided',
        reopenRequestedBy: null,
        inForceBy: 'decision',
      });

      await ok(w.adminB2, 'reopen', { clusterId: c, expectedVersion: 7, note: note(w.adminB2) });
      const granted = await ok(w.coordinator2, 'answer', {
        clusterId: c,
        expectedVersion: 8,
        grant: true,
        note: note(w.coordinator2),
      });
      expect(granted).toMatchObject({ status: 'open' });
      expect(granted.scope.sort()).toEqual([w.orgB, w.orgB2].sort());
      const answered = await db.query<unknown[]>(
        `SELECT 1 FROM notification WHERE kind = 'arrangement.reopen_answered' AND payload->>'clusterId' = $1`,
        [c],
      );
      expect(answered.length).toBe(4);
    });

    it("lists escalations to the group's coordinators only", async () => {
      const c = await cluster();
      await escalateByRejections(c, { p: w.adminB, org: w.orgB }, { p: w.adminB2, org: w.orgB2 });
      const Q =
        'query($w: ID!) { clusterEscalations(workingGroupId: $w) { id arrangement { status } } }';
      const list = await w.coordinator2.client.ok<{
        clusterEscalations: Array<{ id: string; arrangement: { status: string } }>;
      }>(Q, { w: w.wg2 });
      expect(list.clusterEscalations).toContainEqual({
        id: c,
        arrangement: { status: 'escalated' },
      });
      for (const who of [w.adminB, w.coordinator1])
        expect(codeOf(await who.client.request(Q, { w: w.wg2 }))).toBe('FORBIDDEN');
    });
  });
}
