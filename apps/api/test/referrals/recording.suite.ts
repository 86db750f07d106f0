import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { beforeAll, describe, expect, it } from 'vitest';
import { agreedCluster, day } from '../support/referral-fixtures.js';
import type { SuiteContext } from '../support/suite-context.js';
import type { TestApp } from '../support/test-app.js';
import type { World } from '../support/world.js';
import { referralClusters, referralHelpers } from './referral-helpers.js';

/**
 * The referral authorities, and recording a referral: who may, what it
 * writes, what is refused. Its own clusters of orgs A and A2.
 */
export function recordingSuite(ctx: () => SuiteContext): void {
  let t: TestApp;
  let w: World;
  let cluster: string;
  let clusterMayRefer: string;
  let clusterWithoutA: string;
  const { input, record, recorded, codeOf, counts } = referralHelpers(ctx);

  beforeAll(async () => {
    ({ t, w } = ctx());
    ({ cluster, clusterMayRefer, clusterWithoutA } = await referralClusters(
      t.app.get(DataSource),
      w,
    ));
  });

  describe('referral authorities', () => {
    it('lists national units, the ICC, UN mechanisms, Eurojust and then other, to any signed-in member', async () => {
      const r = await w.viewerA.client.ok<{
        referralAuthorities: Array<{ id: string; kind: string; country: string | null }>;
      }>('{ referralAuthorities { id name kind country } }');
      const ids = r.referralAuthorities.map((a) => a.id);
      expect(ids).toContain('icc-otp');
      expect(ids).toContain('eurojust-genocide-network');
      expect(ids.at(-1)).toBe('other');
      expect(r.referralAuthorities.find((a) => a.id === 'de-bka-zbkv')).toMatchObject({
        kind: 'national_unit',
        country: 'DE',
      });
    });
  });

  describe('recording a referral', () => {
    it('is done by the lead: status referred, version 1, a history entry, an audit entry, alerts to the others', async () => {
      const before = await counts(cluster);
      const ref = await recorded(w.investigatorA, input(cluster));
      expect(ref).toMatchObject({
        clusterId: cluster,
        organisationId: w.orgA,
        authorityId: 'de-bka-zbkv',
        authorityName: expect.stringContaining('Germany'),
        referredOn: day(-3),
        categories: ['documents', 'witness_statements'],
        status: 'referred',
        statusOn: day(-3),
        version: 1,
        nextStatuses: ['acknowledged', 'investigation_opened', 'declined', 'closed'],
        reminderDue: false,
      });
      expect(ref.history).toEqual([
        {
          version: 1,
          status: 'referred',
          statusOn: day(-3),
          actorOrganisationId: w.orgA,
          noteMessageId: null,
        },
      ]);
      expect(await counts(cluster)).toEqual({
        referrals: (before?.referrals ?? 0) + 1,
        events: (before?.events ?? 0) + 1,
        audits: (before?.audits ?? 0) + 1,
      });
      const ds = t.app.get(DataSource);
      const alerts = await ds.query<
        Array<{ recipient_organisation_id: string | null; recipient_user_id: string | null }>
      >(
        `SELECT recipient_organisation_id, recipient_user_id FROM notification WHERE kind = 'referral.recorded' AND payload ->> 'referralId' = $1`,
        [ref.id],
      );
      expect(alerts.map((a) => a.recipient_organisation_id)).toContain(w.orgA2);
      expect(alerts.map((a) => a.recipient_organisation_id)).not.toContain(w.orgA);
      expect(alerts.map((a) => a.recipient_user_id)).toContain(w.coordinator1.id);
    });

    it("takes 'other' with a name, and a sealed note referred to by id", async () => {
      const messageId = randomUUID();
      const note = {
        messageId,
        audience: 'parties_and_coordinators',
        copies: [{ userId: w.adminA.id, sealed: randomBytes(512).toString('base64') }],
      };
      const r = await record(
        w.adminA,
        input(cluster, { authorityId: 'other', authorityName: 'Prosecutor of Utopia', note }),
      );
      expect(r.errors).toBeUndefined();
      expect(r.data?.recordReferral).toMatchObject({
        authorityId: 'other',
        authorityName: 'Prosecutor of Utopia',
      });
      expect(r.data?.recordReferral.history[0]?.noteMessageId).toBe(messageId);
    });

    it('is refused to a supporting party the arrangement does not allow to refer, allowed when it does', async () => {
      const refused = await record(w.adminA2, input(cluster));
      expect(codeOf(refused)).toBe('REFERRAL_NOT_ALLOWED');
      const allowed = await record(w.investigatorA2, input(clusterMayRefer));
      expect(allowed.errors).toBeUndefined();
      expect(allowed.data?.recordReferral.organisationId).toBe(w.orgA2);
    });

    it('is refused to a non-party, another tenant, a coordinator and a viewer, writing nothing', async () => {
      const before = await counts(clusterWithoutA);
      const beforeMain = await counts(cluster);
      expect(codeOf(await record(w.adminA, input(clusterWithoutA)))).toBe('NOT_FOUND');
      expect(codeOf(await record(w.adminB, input(cluster)))).toBe('NOT_FOUND');
      expect(codeOf(await record(w.coordinator1, input(cluster)))).toBe('REFERRAL_NOT_ALLOWED');
      expect(codeOf(await record(w.viewerA, input(cluster)))).toBe('FORBIDDEN');
      expect(await counts(clusterWithoutA)).toEqual(before);
      expect(await counts(cluster)).toEqual(beforeMain);
    });

    it('is refused to a party that has left, and while no roles are in force', async () => {
      const ds = t.app.get(DataSource);
      const left = await agreedCluster(ds, w.wg1, [
        { organisationId: w.orgA, role: 'lead', mayRefer: true },
        { organisationId: w.orgA2, role: 'supporting', mayRefer: false },
      ]);
      await ds.query(
        'UPDATE cluster_party SET left_at = now() WHERE cluster_id = $1 AND organisation_id = $2',
        [left, w.orgA],
      );
      expect(codeOf(await record(w.adminA, input(left)))).toBe('REFERRAL_NOT_ALLOWED');
      // The arrangement of a cluster nobody has agreed on yet: nobody speaks for it.
      await ds.query(
        `UPDATE lead_arrangement SET status = 'open', state = jsonb_set(jsonb_set(state, '{inForce}', 'null'), '{status}', '"open"')
         WHERE cluster_id = $1`,
        [clusterWithoutA],
      );
      expect(codeOf(await record(w.adminA2, input(clusterWithoutA)))).toBe('REFERRAL_NOT_ALLOWED');
      expect((await counts(left))?.referrals).toBe(0);
      expect((await counts(clusterWithoutA))?.referrals).toBe(0);
    });

    it('refuses an unknown authority, a day that is not real or in the future, and bad categories, writing nothing', async () => {
      const before = await counts(cluster);
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ authorityId: 'xx-nowhere' }, 'UNKNOWN_AUTHORITY'],
        [{ authorityId: 'other' }, 'UNKNOWN_AUTHORITY'],
        [{ authorityId: 'other', authorityName: '   ' }, 'UNKNOWN_AUTHORITY'],
        [{ authorityId: 'icc-otp', authorityName: 'ICC' }, 'UNKNOWN_AUTHORITY'],
        [{ referredOn: '2025-02-30' }, 'BAD_USER_INPUT'],
        [{ referredOn: day(3) }, 'BAD_USER_INPUT'],
        [{ referredOn: 'last week' }, 'BAD_USER_INPUT'],
        [{ referredOn: '1890-01-01' }, 'BAD_USER_INPUT'],
        [{ categories: [] }, 'BAD_USER_INPUT'],
        [{ categories: ['documents', 'the suspect diary'] }, 'BAD_USER_INPUT'],
        [{ categories: ['documents', 'documents'] }, 'BAD_USER_INPUT'],
        [
          {
            note: {
              messageId: randomUUID(),
              audience: 'parties',
              copies: [{ userId: w.adminA.id, sealed: randomBytes(512).toString('base64') }],
            },
          },
          'BAD_USER_INPUT',
        ],
      ];
      for (const [over, code] of cases)
        expect([over, codeOf(await record(w.adminA, input(cluster, over)))]).toEqual([over, code]);
      expect(await counts(cluster)).toEqual(before);
    });
  });
}
