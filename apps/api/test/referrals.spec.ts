import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  agreedCluster,
  day,
  RECORD,
  UPDATE,
  type ReferralView,
} from './support/referral-fixtures.js';
import { useTestApp } from './support/test-app.js';
import { buildWorld, type Person, type World } from './support/world.js';

const t = useTestApp();
let w: World;
/** orgA leads, orgA2 supports without the right to refer. */
let cluster: string;
/** orgA leads, orgA2 supports and may refer. */
let clusterMayRefer: string;
/** orgA2 alone: orgA is not a party. */
let clusterWithoutA: string;

beforeAll(async () => {
  w = await buildWorld(t, { withCases: false });
  const ds = t.app.get(DataSource);
  cluster = await agreedCluster(ds, w.wg1, [
    { organisationId: w.orgA, role: 'lead', mayRefer: true },
    { organisationId: w.orgA2, role: 'supporting', mayRefer: false },
  ]);
  clusterMayRefer = await agreedCluster(ds, w.wg1, [
    { organisationId: w.orgA, role: 'lead', mayRefer: true },
    { organisationId: w.orgA2, role: 'supporting', mayRefer: true },
  ]);
  clusterWithoutA = await agreedCluster(ds, w.wg1, [
    { organisationId: w.orgA2, role: 'lead', mayRefer: true },
  ]);
}, 180_000);

const input = (clusterId: string, over: Record<string, unknown> = {}) => ({
  clusterId,
  authorityId: 'de-bka-zbkv',
  referredOn: day(-3),
  categories: ['witness_statements', 'documents'],
  ...over,
});

async function record(p: Person, i: Record<string, unknown>) {
  return p.client.request<{ recordReferral: ReferralView }>(RECORD, { i });
}

/** Records as `p`, which must succeed. */
async function recorded(p: Person, i: Record<string, unknown>): Promise<ReferralView> {
  return (await p.client.ok<{ recordReferral: ReferralView }>(RECORD, { i })).recordReferral;
}

async function update(p: Person, i: Record<string, unknown>) {
  return p.client.request<{ updateReferralStatus: ReferralView }>(UPDATE, { i });
}

const codeOf = (r: { errors?: Array<{ extensions?: { code?: string } }> }) =>
  r.errors?.[0]?.extensions?.code;

async function counts(clusterId: string) {
  const ds = t.app.get(DataSource);
  const [r] = await ds.query<Array<{ referrals: number; events: number; audits: number }>>(
    `SELECT (SELECT count(*)::int FROM referral WHERE cluster_id = $1) AS referrals,
            (SELECT count(*)::int FROM referral_event e JOIN referral r ON r.id = e.referral_id WHERE r.cluster_id = $1) AS events,
            (SELECT count(*)::int FROM audit_log WHERE action LIKE 'referral.%') AS audits`,
    [clusterId],
  );
  return r;
}

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

describe('following a referral up', () => {
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
    expect(codeOf(await update(w.adminA, { ...at, expectedVersion: 1, status: 'referred' }))).toBe(
      'REFERRAL_TRANSITION_INVALID',
    );
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
    const ok = await update(w.investigatorA, { ...at, expectedVersion: 1, status: 'acknowledged' });
    expect(ok.errors).toBeUndefined();
    expect(codeOf(await update(w.adminA, { ...at, expectedVersion: 1, status: 'declined' }))).toBe(
      'REFERRAL_VERSION_STALE',
    );
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
