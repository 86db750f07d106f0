import type { Actor } from '@parallax/authz';
import { initialArrangement, type ArrangementStatus, type PartyRole } from '@parallax/domain';
import { DataSource } from 'typeorm';
import { beforeAll, describe, expect, it } from 'vitest';
import { CoordinationService } from '../src/modules/coordination/coordination.service.js';
import type { ClusterSummary } from '../src/modules/coordination/models/picture.model.js';
import { seedCase, seedGroup, type SeededGroup } from './support/case-fixtures.js';
import { insertId, seedOrganisation, seedUser } from './support/identity-fixtures.js';
import { useTestApp } from './support/test-app.js';

/**
 * The dashboard's Lead column and referral count come from the persisted
 * clusters (issue 11): each picture cluster (live overlaps) is matched to the
 * persisted cluster holding most of its cases, merged clusters and cases that
 * left are ignored, and nothing but ids and counts comes out.
 */
const t = useTestApp({ JOBS_ENABLED: 'false' });
let db: DataSource;
let g: SeededGroup;
let coordinator: Actor;
let nextOrg = 0;
const expected = new Map<string, Partial<ClusterSummary>>();

const org = (): string => g.organisationIds[nextOrg++] ?? '';

async function newCase(organisationId: string): Promise<{ id: string; org: string }> {
  const reference = `LEAD-REF-${nextOrg}-${Math.random().toString(36).slice(2, 8)}`;
  const id = await seedCase(db, {
    workingGroupId: g.workingGroupId,
    organisationId,
    reference,
    fingerprints: [],
  });
  return { id, org: organisationId };
}

async function overlap(x: { id: string; org: string }, y: { id: string; org: string }) {
  const [a, b] = x.id < y.id ? [x, y] : [y, x];
  await db.query(
    `INSERT INTO overlap (working_group_id, case_a, case_b, org_a, org_b, score, strength, matched_kinds)
     VALUES ($1, $2, $3, $4, $5, 0.9, 'strong', '{id.passport}')`,
    [g.workingGroupId, a.id, b.id, a.org, b.org],
  );
}

interface Persisted {
  status?: ArrangementStatus | 'merged';
  inForce?: boolean;
  createdAt?: string;
  mergedInto?: string;
  referrals?: number;
  left?: boolean;
}

/** A persisted cluster holding `cases`, with its arrangement in the given state. */
async function persist(cases: Array<{ id: string; org: string }>, p: Persisted = {}) {
  const id = await insertId(
    db,
    `INSERT INTO cluster (working_group_id, created_at, merged_into, merged_at)
     VALUES ($1, $2, $3, CASE WHEN $3::uuid IS NULL THEN NULL ELSE now() END) RETURNING id`,
    [g.workingGroupId, p.createdAt ?? new Date().toISOString(), p.mergedInto ?? null],
  );
  const orgs = [...new Set(cases.map((c) => c.org))].sort();
  for (const c of cases) {
    await db.query(
      `INSERT INTO cluster_case (case_id, cluster_id, organisation_id, left_at) VALUES ($1, $2, $3, $4)`,
      [c.id, id, c.org, p.left ? new Date() : null],
    );
  }
  for (const o of orgs) {
    await db.query(`INSERT INTO cluster_party (cluster_id, organisation_id) VALUES ($1, $2)`, [
      id,
      o,
    ]);
  }
  if (p.status) {
    const roles: PartyRole[] = orgs.map((o, i) => ({
      organisationId: o,
      role: i === 0 ? 'lead' : 'supporting',
      mayRefer: i === 0,
    }));
    const state = {
      ...initialArrangement(orgs),
      status: p.status,
      inForce: p.inForce ? roles : null,
      inForceBy: p.inForce ? 'agreement' : null,
    };
    await db.query(
      `INSERT INTO lead_arrangement (cluster_id, working_group_id, version, status, state) VALUES ($1, $2, 3, $3, $4)`,
      [id, g.workingGroupId, p.status, JSON.stringify(state)],
    );
  }
  const recorder = await seedUser(db, { organisationId: orgs[0] ?? null, role: 'org_admin' });
  for (let i = 0; i < (p.referrals ?? 0); i++) {
    await db.query(
      `INSERT INTO referral (cluster_id, working_group_id, organisation_id, recorded_by, authority_id,
                             referred_on, categories, status, status_on)
       VALUES ($1, $2, $3, $4, 'icc_otp', current_date, '{testimony}', 'referred', current_date)`,
      [id, g.workingGroupId, orgs[0], recorder],
    );
  }
  return id;
}

/** Two cases of two new organisations with a live overlap; the key is their sorted organisation ids. */
async function pair(): Promise<{
  x: { id: string; org: string };
  y: { id: string; org: string };
  key: string;
}> {
  const [x, y] = [await newCase(org()), await newCase(org())];
  await overlap(x, y);
  return { x, y, key: [x.org, y.org].sort().join() };
}

beforeAll(async () => {
  db = t.app.get(DataSource);
  g = await seedGroup(db, 18);
  const secretariat = await seedOrganisation(db, 'secretariat');
  coordinator = {
    userId: await seedUser(db, { organisationId: secretariat, role: 'org_admin' }),
    isPlatformAdmin: false,
    organisationId: secretariat,
    organisationKind: 'secretariat',
    role: 'org_admin',
    coordinatorOf: [g.workingGroupId],
    memberOf: [],
    donorOf: [],
  };

  // Not revealed: no persisted cluster.
  const hidden = await pair();
  expected.set(hidden.key, { clusterId: null, leadStatus: 'none', referrals: 0 });

  // Revealed, arrangement open with nothing ever in force: no lead yet.
  const fresh = await pair();
  expected.set(fresh.key, {
    clusterId: await persist([fresh.x, fresh.y], { status: 'open' }),
    leadStatus: 'none',
    referrals: 0,
  });

  // Agreed, with two referrals.
  const agreed = await pair();
  expected.set(agreed.key, {
    clusterId: await persist([agreed.x, agreed.y], {
      status: 'agreed',
      inForce: true,
      referrals: 2,
    }),
    leadStatus: 'agreed',
    referrals: 2,
  });

  // Reopened (a newcomer) while roles are in force: open, not "no lead".
  const reopened = await pair();
  expected.set(reopened.key, {
    clusterId: await persist([reopened.x, reopened.y], { status: 'open', inForce: true }),
    leadStatus: 'open',
  });

  // Every case left its cluster: nothing persisted to show.
  const gone = await pair();
  await persist([gone.x, gone.y], { status: 'agreed', inForce: true, left: true });
  expected.set(gone.key, { clusterId: null, leadStatus: 'none', referrals: 0 });

  // A merged-away cluster (older, so it would win a tie) is ignored.
  const merged = await pair();
  const survivor = await persist([merged.y], { status: 'reopen_requested', inForce: true });
  await persist([merged.x], {
    status: 'merged',
    createdAt: '2020-01-01T00:00:00Z',
    mergedInto: survivor,
  });
  expected.set(merged.key, { clusterId: survivor, leadStatus: 'reopen_requested' });

  // One picture cluster over two persisted ones (linked by an unrevealed overlap):
  // the one with most cases wins, though the other is older.
  const [a, b, c, d, e] = [org(), org(), org(), org(), org()];
  const [ca, cb, cc, cd, ce] = [
    await newCase(a),
    await newCase(b),
    await newCase(c),
    await newCase(d),
    await newCase(e),
  ];
  await overlap(ca, cb);
  await overlap(cb, ce);
  await overlap(cb, cc);
  await overlap(cc, cd);
  const bigger = await persist([ca, cb, ce], { status: 'escalated', inForce: false, referrals: 1 });
  await persist([cc, cd], { status: 'decided', inForce: true, createdAt: '2020-01-01T00:00:00Z' });
  expected.set([a, b, c, d, e].sort().join(), {
    clusterId: bigger,
    leadStatus: 'escalated',
    referrals: 1,
  });
}, 180_000);

describe('the coordinator picture’s lead status', () => {
  it('matches each cluster to its persisted cluster, arrangement and referrals', async () => {
    const picture = await t.app.get(CoordinationService).picture(coordinator, g.workingGroupId);
    const byOrgs = new Map(picture.clusters.map((c) => [c.organisationIds.join(), c]));
    expect(picture.clusters).toHaveLength(expected.size);
    for (const [key, want] of expected) {
      const got = byOrgs.get(key);
      expect({
        clusterId: got?.clusterId,
        leadStatus: got?.leadStatus,
        referrals: got?.referrals,
      }).toEqual({
        clusterId: null,
        leadStatus: 'none',
        referrals: 0,
        ...want,
      });
    }
  });

  it('keeps the aggregate-only promise: no case id, no reference', async () => {
    const picture = await t.app.get(CoordinationService).picture(coordinator, g.workingGroupId);
    const text = JSON.stringify(picture);
    expect(text).not.toContain('LEAD-REF');
    const caseIds = await db.query<Array<{ id: string }>>(
      'SELECT id FROM tracking_case WHERE working_group_id = $1',
      [g.workingGroupId],
    );
    expect(caseIds.length).toBeGreaterThan(10);
    for (const { id } of caseIds) expect(text).not.toContain(id);
  });

  it('refuses anyone who does not coordinate the group, as not found', async () => {
    const member = { ...coordinator, coordinatorOf: [], memberOf: [g.workingGroupId] };
    await expect(
      t.app.get(CoordinationService).picture(member, g.workingGroupId),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
