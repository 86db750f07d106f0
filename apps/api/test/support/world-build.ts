import { initialArrangement } from '@parallax/domain';
import { DataSource } from 'typeorm';
import type { UserRole } from '../../src/modules/users/user.entity.js';
import { GqlClient } from './gql-client.js';
import { eventually, openEpoch, registerPersons } from './hub.js';
import { certifyAdmin, certifyColleague } from './key-trust.js';
import type { TestApp } from './test-app.js';
import { login, person, PERSON_CYRILLIC, PERSON_LATIN, type Person, type World } from './world.js';

/*
 * How the world of world.ts is built from scratch (once per run: the other
 * files clone it, see world-template.ts).
 */

/** buildWorld's world, built from scratch in the app's own database. */
export async function buildWorldHere(
  t: TestApp,
  opts: { withCases: boolean } = { withCases: true },
): Promise<World> {
  const w = await worldWithoutCases(t);
  return opts.withCases ? addWorldCases(t, w) : w;
}

async function worldWithoutCases(t: TestApp): Promise<World> {
  const ds = t.app.get(DataSource);
  const one = async (sql: string, params: unknown[]) =>
    ((await ds.query(sql, params)) as Array<{ id: string }>)[0]?.id ?? '';
  const org = (name: string, kind: string) =>
    one('INSERT INTO organisation (name, kind) VALUES ($1, $2) RETURNING id', [name, kind]);
  const [orgA, orgB, donor, secretariat, orgA2, orgB2] = await Promise.all([
    org('Org A', 'cso'),
    org('Org B', 'cso'),
    org('Donor D', 'donor'),
    org('Secretariat S', 'secretariat'),
    org('Org A2', 'cso'),
    org('Org B2', 'cso'),
  ]);
  const wg1 = await one(`INSERT INTO working_group (name) VALUES ('WG 1') RETURNING id`, []);
  const wg2 = await one(`INSERT INTO working_group (name) VALUES ('WG 2') RETURNING id`, []);
  await ds.query(
    `INSERT INTO working_group_member (working_group_id, organisation_id, status, joined_at)
     VALUES ($1, $2, 'active', now()), ($3, $4, 'active', now()), ($1, $5, 'active', now()), ($3, $6, 'active', now())`,
    [wg1, orgA, wg2, orgB, orgA2, orgB2],
  );
  await ds.query(
    'INSERT INTO working_group_donor (working_group_id, organisation_id) VALUES ($1, $2)',
    [wg1, donor],
  );

  const roles = {
    platformAdmin: ['platform@t.test', undefined],
    adminA: ['admin-a@t.test', { organisationId: orgA, role: 'org_admin' }],
    investigatorA: ['investigator-a@t.test', { organisationId: orgA, role: 'investigator' }],
    viewerA: ['viewer-a@t.test', { organisationId: orgA, role: 'viewer' }],
    coordinator1: ['coordinator-1@t.test', { organisationId: secretariat, role: 'org_admin' }],
    donorViewer: ['donor@t.test', { organisationId: donor, role: 'viewer' }],
    adminB: ['admin-b@t.test', { organisationId: orgB, role: 'org_admin' }],
    investigatorB: ['investigator-b@t.test', { organisationId: orgB, role: 'investigator' }],
    coordinator2: ['coordinator-2@t.test', { organisationId: secretariat, role: 'investigator' }],
    investigatorA2: ['investigator-a2@t.test', { organisationId: orgA2, role: 'investigator' }],
    investigatorB2: ['investigator-b2@t.test', { organisationId: orgB2, role: 'investigator' }],
    adminA2: ['admin-a2@t.test', { organisationId: orgA2, role: 'org_admin' }],
    adminB2: ['admin-b2@t.test', { organisationId: orgB2, role: 'org_admin' }],
  } satisfies Record<string, [string, { organisationId: string; role: UserRole } | undefined]>;
  type Name = keyof typeof roles;
  const people = {} as Record<Name, Person>;
  for (const [name, [email, membership]] of Object.entries(roles) as Array<
    [Name, (typeof roles)[Name]]
  >) {
    const p = await person(t, email, membership);
    people[name] = { ...p, client: new GqlClient(t.url) };
  }
  await ds.query(
    'INSERT INTO working_group_coordinator (working_group_id, user_id) VALUES ($1, $2), ($3, $4)',
    [wg1, people.coordinator1.id, wg2, people.coordinator2.id],
  );
  // One after another: at once, on a loaded machine, a sign-in could reach
  // the hub after its code's step (±1) had passed.
  for (const p of Object.values(people)) await login(t, p, p.client);

  const invitationB = await one(
    `INSERT INTO invitation (token_hash, purpose, organisation_id, role, expires_at)
     VALUES (sha256('b-token'::bytea), 'sign_up', $1, 'viewer', now() + interval '1 day') RETURNING id`,
    [orgB],
  );
  const sessionB = await one('SELECT id FROM user_session WHERE user_id = $1 LIMIT 1', [
    people.adminB.id,
  ]);

  // Verified keys, as the people would have after comparing safety numbers:
  // each coordinator vouches for its member organisations' admins, each
  // admin for the investigators of its organisation.
  await certifyWorld(t, people, wg1, wg2);
  // Key epochs in both groups, and an overlap inside tenant B's group.
  await openEpoch(t, people.coordinator1, wg1);
  await openEpoch(t, people.coordinator2, wg2);
  const base = {
    orgA,
    orgB,
    orgA2,
    orgB2,
    donor,
    secretariat,
    wg1,
    wg2,
    ...people,
    invitationB,
    sessionB,
  };
  return { ...base, caseB: '', overlapB: '', notificationB: '', clusterB: '', referralB: '' };
}

/** Tenant B's case, its overlap with org B2, the cluster they form and a referral of it. */
export async function addWorldCases(t: TestApp, w: World): Promise<World> {
  const ds = t.app.get(DataSource);
  const one = async (sql: string, params: unknown[]) =>
    ((await ds.query(sql, params)) as Array<{ id: string }>)[0]?.id ?? '';
  const { wg2, orgB } = w;
  const [caseB = ''] = await registerPersons(t, w.investigatorB, wg2, [PERSON_LATIN]);
  await registerPersons(t, w.investigatorB2, wg2, [PERSON_CYRILLIC]);
  const overlapB = (
    await eventually(
      () =>
        ds.query('SELECT id FROM overlap WHERE case_a = $1 OR case_b = $1', [caseB]) as Promise<
          Array<{ id: string }>
        >,
      (rows) => rows.length > 0,
    )
  )[0]?.id;
  if (!overlapB) throw new Error('the world needs an overlap in tenant B');
  const notificationB = await one(
    `SELECT id FROM notification WHERE recipient_organisation_id = $1 LIMIT 1`,
    [orgB],
  );
  const clusterB = await revealedCluster(ds, overlapB);
  const referralB = await one(
    `INSERT INTO referral (cluster_id, working_group_id, organisation_id, recorded_by, authority_id, referred_on, categories, status, status_on)
     VALUES ($1, $2, $3, $4, 'icc-otp', current_date, '{documents}', 'referred', current_date) RETURNING id`,
    [clusterB, wg2, orgB, w.adminB.id],
  );
  await ds.query(
    `INSERT INTO referral_event (referral_id, version, status, status_on, actor_user_id, actor_organisation_id)
     VALUES ($1, 1, 'referred', current_date, $2, $3)`,
    [referralB, w.adminB.id, orgB],
  );
  return { ...w, caseB, overlapB, notificationB, clusterB, referralB };
}

/**
 * Reveals an overlap and puts its two cases in a new cluster, as an accepted
 * contact request does (written directly: the world is built without the
 * GraphQL round trips of the lifecycle under test).
 */
export async function revealedCluster(ds: DataSource, overlapId: string): Promise<string> {
  // TypeORM answers an UPDATE … RETURNING with [rows, affected].
  const [[o]] = await ds.query<
    [
      Array<{
        working_group_id: string;
        case_a: string;
        case_b: string;
        org_a: string;
        org_b: string;
      }>,
      number,
    ]
  >(
    `UPDATE overlap SET contact_status = 'accepted', revealed_at = now(), revealed_by = 'consent'
     WHERE id = $1 RETURNING working_group_id, case_a, case_b, org_a, org_b`,
    [overlapId],
  );
  if (!o) throw new Error(`no overlap ${overlapId}`);
  const [c] = await ds.query<Array<{ id: string }>>(
    'INSERT INTO cluster (working_group_id) VALUES ($1) RETURNING id',
    [o.working_group_id],
  );
  const clusterId = c?.id ?? '';
  await ds.query(
    `INSERT INTO cluster_case (case_id, cluster_id, organisation_id) VALUES ($1, $3, $4), ($2, $3, $5)`,
    [o.case_a, o.case_b, clusterId, o.org_a, o.org_b],
  );
  await ds.query(
    `INSERT INTO cluster_party (cluster_id, organisation_id) VALUES ($1, $2), ($1, $3) ON CONFLICT DO NOTHING`,
    [clusterId, o.org_a, o.org_b],
  );
  const state = initialArrangement([o.org_a, o.org_b]);
  await ds.query(
    `INSERT INTO lead_arrangement (cluster_id, working_group_id, version, status, state)
     VALUES ($1, $2, $3, $4, $5::jsonb)`,
    [clusterId, o.working_group_id, state.version, state.status, JSON.stringify(state)],
  );
  return clusterId;
}

async function certifyWorld(
  t: TestApp,
  p: Record<
    | 'coordinator1'
    | 'coordinator2'
    | 'adminA'
    | 'adminA2'
    | 'adminB'
    | 'adminB2'
    | 'investigatorA'
    | 'investigatorA2'
    | 'investigatorB'
    | 'investigatorB2',
    Person
  >,
  wg1: string,
  wg2: string,
): Promise<void> {
  for (const [coordinator, wg, admins] of [
    [p.coordinator1, wg1, [p.adminA, p.adminA2]],
    [p.coordinator2, wg2, [p.adminB, p.adminB2]],
  ] as const) {
    for (const admin of admins) await certifyAdmin(t, coordinator, wg, admin);
  }
  for (const [admin, wg, colleague] of [
    [p.adminA, wg1, p.investigatorA],
    [p.adminA2, wg1, p.investigatorA2],
    [p.adminB, wg2, p.investigatorB],
    [p.adminB2, wg2, p.investigatorB2],
  ] as const) {
    await certifyColleague(t, admin, wg, colleague);
  }
}
