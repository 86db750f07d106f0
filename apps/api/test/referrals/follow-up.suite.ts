import { DataSource } from 'typeorm';
import { beforeAll, describe, expect, it } from 'vitest';
import { day } from '../support/referral-fixtures.js';
import type { SuiteContext } from '../support/suite-context.js';
import type { TestApp } from '../support/test-app.js';
import type { World } from '../support/world.js';
import { referralClusters, referralHelpers } from './referral-helpers.js';

/**
 * Following a referral up: the status walk, refusals, the lead following
 * up another party's referral, concurrent updates. Its own clusters.
 */
export function followUpSuite(ctx: () => SuiteContext): void {
  let t: TestApp;
  let w: World;
  let cluster: string;
  let clusterMayRefer: string;
  const { input, recorded, update, codeOf } = referralHelpers(ctx);

  describe('following a referral up', () => {
    beforeAll(async () => {
      ({ t, w } = ctx());
      ({ cluster, clusterMayRefer } = await referralClusters(t.app.get(DataSource), w));
    });

    it('walks referred → acknowledged → investigation opened → arrest → charges → trial → closed', async () => {
      const ref = await recorded(w.investigatorA, input(cluster, { referredOn: day(-30) }));
      const walk = ['acknowledged', 'investigation_opened', 'arrest', 'charges', 'trial', 'closed'];
      let version = ref.version;
      for (const [i, status] of walk.entries()) {
        const r = await update(w.investigatorA, {
          referralId: ref.id,
          expectedVersion: version,
          status,
          statusOn: day(-29 + i),
        });
        expect(r.errors, status).toBeUndefined();
        expect(r.data?.updateReferralStatus).toMatchObject({
          status,
          version: version + 1,
          statusOn: day(-29 + i),
        });
        version += 1;
      }
      const last = await update(w.investigatorA, {
        referralId: ref.id,
        expectedVersion: version,
        status: 'closed',
        statusOn: day(0),
      });
      expect(codeOf(last)).toBe('REFERRAL_TRANSITION_INVALID');
      const ds = t.app.get(DataSource);
      const events = await ds.query<Array<{ version: number; status: string }>>(
        'SELECT version, status FROM referral_event WHERE referral_id = $1 ORDER BY version',
        [ref.id],
      );
      expect(events.map((e) => e.status)).toEqual(['referred', ...walk]);
      const audits = await ds.query<Array<{ n: number }>>(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'referral.status_changed' AND subject_id = $1`,
        [ref.id],
      );
      expect(audits[0]?.n).toBe(walk.length);
    });

    it('refuses a jump, a stale version, an earlier day and a party that neither recorded it nor leads', async () => {
      const ref = await recorded(w.adminA, input(cluster, { referredOn: day(-10) }));
      const at = { referralId: ref.id, statusOn: day(-1) };
      expect(codeOf(await update(w.adminA, { ...at, expectedVersion: 1, status: 'trial' }))).toBe(
        'REFERRAL_TRANSITION_INVALID',
      );
      expect(
        codeOf(await update(w.adminA, { ...at, expectedVersion: 1, status: 'referred' })),
      ).toBe('REFERRAL_TRANSITION_INVALID');
      expect(
        codeOf(
          await update(w.adminA, {
            ...at,
            expectedVersion: 1,
            status: 'acknowledged',
            statusOn: day(-11),
          }),
        ),
      ).toBe('BAD_USER_INPUT');
      expect(
        codeOf(await update(w.adminA2, { ...at, expectedVersion: 1, status: 'acknowledged' })),
      ).toBe('REFERRAL_NOT_ALLOWED');
      expect(
        codeOf(await update(w.adminB, { ...at, expectedVersion: 1, status: 'acknowledged' })),
      ).toBe('NOT_FOUND');
      const ok = await update(w.investigatorA, {
        ...at,
        expectedVersion: 1,
        status: 'acknowledged',
      });
      expect(ok.errors).toBeUndefined();
      expect(
        codeOf(await update(w.adminA, { ...at, expectedVersion: 1, status: 'declined' })),
      ).toBe('REFERRAL_VERSION_STALE');
      const ds = t.app.get(DataSource);
      const [row] = await ds.query<Array<{ status: string; version: number }>>(
        'SELECT status, version FROM referral WHERE id = $1',
        [ref.id],
      );
      expect(row).toEqual({ status: 'acknowledged', version: 2 });
    });

    it('lets the lead follow up a referral a supporting party recorded', async () => {
      const ref = await recorded(w.investigatorA2, input(clusterMayRefer));
      const r = await update(w.adminA, {
        referralId: ref.id,
        expectedVersion: 1,
        status: 'declined',
        statusOn: day(0),
      });
      expect(r.errors).toBeUndefined();
      expect(r.data?.updateReferralStatus).toMatchObject({
        status: 'declined',
        nextStatuses: ['closed'],
      });
    });

    it('ends two concurrent updates of one version in one consistent state', async () => {
      const ref = await recorded(w.adminA, input(cluster));
      const [a, b] = await Promise.all([
        update(w.adminA, {
          referralId: ref.id,
          expectedVersion: 1,
          status: 'acknowledged',
          statusOn: day(0),
        }),
        update(w.investigatorA, {
          referralId: ref.id,
          expectedVersion: 1,
          status: 'declined',
          statusOn: day(0),
        }),
      ]);
      const codes = [codeOf(a), codeOf(b)];
      expect(codes.filter((c) => c === undefined)).toHaveLength(1);
      expect(codes.filter((c) => c === 'REFERRAL_VERSION_STALE')).toHaveLength(1);
      const ds = t.app.get(DataSource);
      const events = await ds.query<Array<{ version: number }>>(
        'SELECT version FROM referral_event WHERE referral_id = $1',
        [ref.id],
      );
      expect(events.map((e) => e.version).sort()).toEqual([1, 2]);
    });
  });
}
