import type { DataSource } from 'typeorm';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CLOCK, type Clock } from '../../src/common/clock.js';
import { ARRANGEMENT_DEADLINES_QUEUE } from '../../src/modules/jobs/job-queues.js';
import { JobsService } from '../../src/modules/jobs/jobs.service.js';
import {
  arrangementOf,
  freshCluster,
  inHours,
  ok,
  roles,
  traces,
} from '../support/arrangement-fixtures.js';
import { eventually } from '../support/hub.js';
import type { SuiteContext } from '../support/suite-context.js';
import type { TestApp } from '../support/test-app.js';
import type { World } from '../support/world.js';

/**
 * Escalation on deadline (issue 11), through the real job queue: the
 * `arrangement-deadlines` sweep reads the hub's clock, which the test moves.
 * Before the deadline a sweep does nothing; after it the proposal is
 * escalated (audited, parties and coordinators notified); a second sweep
 * changes nothing.
 *
 * The clock spy is restored after each test, so no later suite of the
 * shared app reads a moved clock.
 */
export function deadlinesSuite(ctx: () => SuiteContext): void {
  let t: TestApp;
  let w: World;
  let db: DataSource;

  const setClock = (at: Date) =>
    vi.spyOn(t.app.get<Clock>(CLOCK), 'now').mockImplementation(() => new Date(at));

  /** Queues a sweep now and waits until pg-boss has run it. */
  async function sweep(): Promise<void> {
    const jobs = t.app.get(JobsService);
    let id: string | null = null;
    // The queue keeps one sweep waiting: if the minute's sweep is queued, try again in a moment.
    for (let i = 0; i < 50 && !id; i++) {
      id = await jobs.triggerSweep(ARRANGEMENT_DEADLINES_QUEUE);
      if (!id) await new Promise((r) => setTimeout(r, 200));
    }
    expect(id).not.toBeNull();
    const rows = await eventually(
      () => db.query<Array<{ state: string }>>('SELECT state FROM pgboss.job WHERE id = $1', [id]),
      (r) => r[0]?.state === 'completed' || r[0]?.state === 'failed',
    );
    expect(rows[0]?.state).toBe('completed');
  }

  const auditOf = (clusterId: string) =>
    db.query<Array<{ action: string; actor_user_id: string | null }>>(
      `SELECT action, actor_user_id FROM audit_log WHERE subject_id = $1 AND action LIKE 'arrangement.%' ORDER BY seq`,
      [clusterId],
    );

  describe('the arrangement-deadlines sweep', () => {
    beforeAll(() => {
      ({ t, w, db } = ctx());
    });
    afterEach(() => vi.restoreAllMocks());

    it('escalates a proposal once its deadline has passed, and only then, and only once', async () => {
      const c = await freshCluster(t, w.wg2, [w.orgB, w.orgB2]);
      const later = await freshCluster(t, w.wg2, [w.orgB, w.orgB2]);
      const start = new Date();
      await ok(w.adminB, 'propose', {
        clusterId: c,
        expectedVersion: 0,
        roles: roles(w.orgB, w.orgB2),
        deadline: inHours(2, start),
      });
      await ok(w.adminB, 'propose', {
        clusterId: later,
        expectedVersion: 0,
        roles: roles(w.orgB, w.orgB2),
        deadline: inHours(5, start),
      });

      // Before the deadline: nothing.
      setClock(new Date(start.getTime() + 3_600_000));
      const before = await traces(t, c);
      await sweep();
      expect(await traces(t, c)).toEqual(before);

      // After it: escalated by the hub, audited, parties and coordinators told.
      setClock(new Date(start.getTime() + 3 * 3_600_000));
      await sweep();
      const escalated = await arrangementOf(w.adminB2, c);
      expect(escalated).toMatchObject({
        status: 'escalated',
        escalationReason: 'deadline',
        version: 2,
      });
      expect(escalated.proposal?.number).toBe(1);
      expect(escalated.history.at(-1)).toMatchObject({
        kind: 'escalated',
        actorOrganisationId: null,
        byCoordinator: false,
        proposalNumber: 1,
      });
      expect(await auditOf(c)).toContainEqual({
        action: 'arrangement.escalated',
        actor_user_id: null,
      });
      const told = await db.query<
        Array<{ recipient_organisation_id: string | null; recipient_user_id: string | null }>
      >(
        `SELECT recipient_organisation_id, recipient_user_id FROM notification
         WHERE kind = 'arrangement.escalated' AND payload->>'clusterId' = $1`,
        [c],
      );
      expect(
        told
          .map((n) => n.recipient_organisation_id)
          .filter(Boolean)
          .sort(),
      ).toEqual([w.orgB, w.orgB2].sort());
      expect(told.map((n) => n.recipient_user_id)).toContain(w.coordinator2.id);
      // The other proposal is not due yet.
      expect((await arrangementOf(w.adminB, later)).status).toBe('proposed');

      // A second sweep: nothing more.
      const after = await traces(t, c);
      await sweep();
      expect(await traces(t, c)).toEqual(after);
      expect((await auditOf(c)).filter((a) => a.action === 'arrangement.escalated')).toHaveLength(
        1,
      );

      // The parties may still agree while the coordinators mediate.
      const agreed = await ok(w.adminB2, 'respond', {
        clusterId: c,
        expectedVersion: 2,
        proposalNumber: 1,
        accept: true,
      });
      expect(agreed).toMatchObject({ status: 'agreed', escalationReason: null });
    });
  });
}
