import { DataSource } from 'typeorm';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CLOCK, type Clock } from '../../src/common/clock.js';
import { REFERRAL_REMINDERS_QUEUE } from '../../src/modules/jobs/job-queues.js';
import { JobsService } from '../../src/modules/jobs/jobs.service.js';
import { eventually } from '../support/hub.js';
import {
  agreedCluster,
  day,
  RECORD,
  UPDATE,
  type ReferralView,
} from '../support/referral-fixtures.js';
import type { SuiteContext } from '../support/suite-context.js';
import type { TestApp } from '../support/test-app.js';
import type { World } from '../support/world.js';

/**
 * Reminders to record feedback, from the `referral-reminders` sweep through
 * pg-boss, with the hub's clock moved (REFERRAL_REMINDER_DAYS is 60 in the
 * entry). Its own cluster; the clock spy is restored after each test.
 */
export function remindersSuite(ctx: () => SuiteContext): void {
  let t: TestApp;
  let w: World;
  let cluster: string;
  const start = new Date();

  const DAY_MS = 24 * 3600_000;

  /** The hub's clock reads `at` (the API and the sweep's worker both ask it). */
  function clockAt(at: Date): void {
    vi.spyOn(t.app.get<Clock>(CLOCK), 'now').mockImplementation(() => new Date(at));
  }

  /** Queues one `referral-reminders` sweep through pg-boss and waits until its worker has finished it. */
  async function sweep(): Promise<void> {
    const jobs = t.app.get(JobsService);
    const ds = t.app.get(DataSource);
    // The queue keeps at most one job waiting (the every-minute schedule may have queued one): retry until ours is in.
    const id = await eventually(
      () => jobs.triggerSweep(REFERRAL_REMINDERS_QUEUE),
      (v) => v !== null,
    );
    expect(id).not.toBeNull();
    const [job] = await eventually(
      () => ds.query<Array<{ state: string }>>('SELECT state FROM pgboss.job WHERE id = $1', [id]),
      (rows) => ['completed', 'failed'].includes(rows[0]?.state ?? ''),
    );
    expect(job?.state).toBe('completed');
  }

  async function reminders(
    referralId: string,
  ): Promise<Array<{ recipient_organisation_id: string }>> {
    return t.app
      .get(DataSource)
      .query(
        `SELECT recipient_organisation_id FROM notification WHERE kind = 'referral.reminder' AND payload ->> 'referralId' = $1`,
        [referralId],
      );
  }

  async function referralsSeenBy(
    client: World['adminA']['client'],
  ): Promise<Array<{ id: string; reminderDue: boolean; status: string }>> {
    const r = await client.ok<{
      cluster: { referrals: Array<{ id: string; reminderDue: boolean; status: string }> };
    }>('query($id: ID!) { cluster(id: $id) { referrals { id status reminderDue } } }', {
      id: cluster,
    });
    return r.cluster.referrals;
  }

  describe('reminders to record feedback', () => {
    beforeAll(async () => {
      ({ t, w } = ctx());
      cluster = await agreedCluster(t.app.get(DataSource), w.wg1, [
        { organisationId: w.orgA, role: 'lead', mayRefer: true },
        { organisationId: w.orgA2, role: 'observer', mayRefer: false },
      ]);
    });

    afterEach(() => {
      vi.restoreAllMocks();
    });

    let open: ReferralView;
    let closed: ReferralView;

    it('are not sent before the interval has passed', async () => {
      clockAt(start);
      const rec = (i: Record<string, unknown>) =>
        w.adminA.client.ok<{ recordReferral: ReferralView }>(RECORD, { i });
      const base = {
        clusterId: cluster,
        authorityId: 'icc-otp',
        referredOn: day(0, start),
        categories: ['documents'],
      };
      open = (await rec(base)).recordReferral;
      closed = (await rec(base)).recordReferral;
      await w.adminA.client.ok(UPDATE, {
        i: { referralId: closed.id, expectedVersion: 1, status: 'closed', statusOn: day(0, start) },
      });

      clockAt(new Date(start.getTime() + 59 * DAY_MS));
      await sweep();
      expect(await reminders(open.id)).toEqual([]);
      expect(
        (await referralsSeenBy(w.adminA.client)).find((r) => r.id === open.id)?.reminderDue,
      ).toBe(false);
    });

    it('are sent once after the interval, to the recording organisation, and only for referrals awaiting news', async () => {
      clockAt(new Date(start.getTime() + 61 * DAY_MS));
      await sweep();
      expect(await reminders(open.id)).toEqual([{ recipient_organisation_id: w.orgA }]);
      expect(await reminders(closed.id)).toEqual([]);
      const seen = await referralsSeenBy(w.adminA.client);
      expect(seen.find((r) => r.id === open.id)?.reminderDue).toBe(true);
      expect(seen.find((r) => r.id === closed.id)?.reminderDue).toBe(false);
      const [audit] = await t.app
        .get(DataSource)
        .query<Array<{ n: number }>>(
          `SELECT count(*)::int AS n FROM audit_log WHERE action = 'referral.reminded' AND subject_id = $1`,
          [open.id],
        );
      expect(audit?.n).toBe(1);
    });

    it('are not sent twice within one interval, and again after the next', async () => {
      clockAt(new Date(start.getTime() + 62 * DAY_MS));
      await sweep();
      await sweep();
      expect(await reminders(open.id)).toHaveLength(1);
      clockAt(new Date(start.getTime() + 122 * DAY_MS));
      await sweep();
      expect(await reminders(open.id)).toHaveLength(2);
    });

    it('start counting again from news recorded on the referral', async () => {
      const now = new Date(start.getTime() + 123 * DAY_MS);
      clockAt(now);
      await w.adminA.client.ok(UPDATE, {
        i: {
          referralId: open.id,
          expectedVersion: 1,
          status: 'acknowledged',
          statusOn: day(0, now),
        },
      });
      clockAt(new Date(now.getTime() + 30 * DAY_MS));
      await sweep();
      expect(await reminders(open.id)).toHaveLength(2);
      expect(
        (await referralsSeenBy(w.adminA.client)).find((r) => r.id === open.id)?.reminderDue,
      ).toBe(false);
    });

    it('are visible to the group’s coordinators through the cluster, without the right to act', async () => {
      const seen = await referralsSeenBy(w.coordinator1.client);
      expect(seen.map((r) => r.id).sort()).toEqual([open.id, closed.id].sort());
      const r = await w.coordinator1.client.ok<{
        cluster: { referrals: Array<{ nextStatuses: string[] }> };
      }>('query($id: ID!) { cluster(id: $id) { referrals { nextStatuses } } }', { id: cluster });
      expect(r.cluster.referrals.every((x) => x.nextStatuses.length === 0)).toBe(true);
      const other = await w.coordinator2.client.request(
        'query($id: ID!) { cluster(id: $id) { referrals { id } } }',
        { id: cluster },
      );
      expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });
  });
}
