import { randomBytes } from 'node:crypto';
import { blind, generateOprfKey, oprfReady } from '@parallax/fingerprint';
import { DataSource } from 'typeorm';
import { beforeAll, describe, expect, it } from 'vitest';
import { OprfPool } from '../src/modules/keys/oprf-pool.js';
import { OprfService } from '../src/modules/keys/oprf.service.js';
import {
  insertId,
  seedCoordinator,
  seedMembership,
  seedOrganisation,
  seedUser,
  seedWorkingGroup,
} from './support/identity-fixtures.js';
import { sessionHeaders } from './support/sessions.js';
import { useTestApp } from './support/test-app.js';

/**
 * The probing attacks of issue 9 (items 2, 6 and 10), against the real API:
 * each would succeed on the code before the change.
 */
const t = useTestApp({
  OPRF_BUDGET_BASE: '100',
  OPRF_BUDGET_PER_CASE: '10',
  OPRF_USER_BUDGET_BASE: '60',
  OPRF_ALERT_BASE: '40',
  OPRF_ALERT_PER_CASE: '5',
  OPRF_ALERT_ABSOLUTE: '80',
});
let db: DataSource;
beforeAll(async () => {
  db = t.app.get(DataSource);
  await oprfReady();
});

const EVALUATE =
  'mutation($w: ID!, $e: Int!, $b: [String!]!) { evaluateOprf(workingGroupId: $w, epoch: $e, blindedElements: $b) { evaluatedElements usedToday allowedToday } }';

interface Evaluation {
  evaluateOprf: { evaluatedElements: string[]; usedToday: number; allowedToday: number };
}

const elements = (n: number): string[] =>
  Array.from({ length: n }, () =>
    Buffer.from(blind(randomBytes(16)).blindedElement).toString('base64'),
  );

interface Group {
  wg: string;
  org: string;
  coordinator: string;
  members: [Member, Member];
}

interface Member {
  id: string;
  headers: Record<string, string>;
}

/** A fresh group (its own budget counters), with a current epoch 1, one member organisation and two of its investigators. */
async function group(): Promise<Group> {
  const wg = await seedWorkingGroup(db);
  const org = await seedOrganisation(db);
  await seedMembership(db, wg, org);
  await db.query(
    `INSERT INTO working_group_epoch (working_group_id, epoch, oprf_key, schema_version) VALUES ($1, 1, $2, 'v2')`,
    [wg, t.runtime.secretBox.seal(generateOprfKey(), `oprf-key/${wg}/1`)],
  );
  const secretariat = await seedOrganisation(db, 'secretariat');
  const coordinator = await seedUser(db, { organisationId: secretariat, role: 'org_admin' });
  await seedCoordinator(db, wg, coordinator);
  const member = async (): Promise<Member> => {
    const id = await seedUser(db, { organisationId: org, role: 'investigator' });
    return { id, headers: await sessionHeaders(t, id) };
  };
  return { wg, org, coordinator, members: [await member(), await member()] };
}

async function seedCases(g: Group, n: number, fingerprinted: boolean, createdBy: string): Promise<void> {
  for (let i = 0; i < n; i++) {
    const id = await insertId(
      db,
      `INSERT INTO tracking_case (working_group_id, organisation_id, reference, status, epoch, fingerprint_count, idempotency_key, created_by)
       VALUES ($1, $2, $3, 'active', 1, $4, $5, $6) RETURNING id`,
      [g.wg, g.org, `R-${i}`, fingerprinted ? 1 : 0, `seed-${randomBytes(8).toString('hex')}`, createdBy],
    );
    if (fingerprinted) {
      await db.query(
        `INSERT INTO case_fingerprint (case_id, working_group_id, epoch, kind, fp) VALUES ($1, $2, 1, 'name', $3)`,
        [id, g.wg, randomBytes(32)],
      );
    }
  }
}

const codeOf = (r: { body: { errors?: Array<{ extensions?: { code?: string } }> } }) =>
  r.body.errors?.[0]?.extensions?.code;

describe('OPRF allowance', () => {
  it('is not earned by registering cases without fingerprints (empty cases raised it 25-fold)', async () => {
    const g = await group();
    const [u] = g.members;
    await seedCases(g, 30, false, u.id);
    const first = await t.graphql<Evaluation>(EVALUATE, { w: g.wg, e: 1, b: elements(1) }, u.headers);
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data?.evaluateOprf.allowedToday).toBe(100);
    await seedCases(g, 2, true, u.id);
    const after = await t.graphql<Evaluation>(EVALUATE, { w: g.wg, e: 1, b: elements(1) }, u.headers);
    expect(after.body.data?.evaluateOprf.allowedToday).toBe(100 + 2 * 10);
  });

  it('has a per-user budget beside the organisation’s: one account cannot spend its organisation’s day', async () => {
    const g = await group();
    const [u1, u2] = g.members;
    const ok = await t.graphql<Evaluation>(EVALUATE, { w: g.wg, e: 1, b: elements(50) }, u1.headers);
    expect(ok.body.data?.evaluateOprf.evaluatedElements).toHaveLength(50);
    const refused = await t.graphql(EVALUATE, { w: g.wg, e: 1, b: elements(20) }, u1.headers);
    expect(codeOf(refused)).toBe('BUDGET_EXHAUSTED');
    expect(refused.body.errors?.[0]).toMatchObject({ extensions: { details: { scope: 'user', allowed: '60' } } });
    // The organisation still has budget: another of its members may go on.
    const other = await t.graphql<Evaluation>(EVALUATE, { w: g.wg, e: 1, b: elements(20) }, u2.headers);
    expect(other.body.data?.evaluateOprf.usedToday).toBe(70);
    const [usage] = await db.query(
      'SELECT evaluations FROM oprf_user_usage WHERE user_id = $1 AND working_group_id = $2',
      [u1.id, g.wg],
    );
    expect(usage.evaluations).toBe(50);
    // A user earns more with cases of their own that carry fingerprints.
    await seedCases(g, 3, true, u1.id);
    const more = await t.graphql<Evaluation>(EVALUATE, { w: g.wg, e: 1, b: elements(20) }, u1.headers);
    expect(more.body.errors).toBeUndefined();
  });
});

describe('one evaluateOprf per request', () => {
  it('refuses aliases (5 × the batch limit in one call) before evaluating anything', async () => {
    const g = await group();
    const [u] = g.members;
    const pool = t.app.get(OprfPool);
    const batches = pool.stats.batches;
    const aliased = `mutation($w: ID!, $b: [String!]!) {
      a: evaluateOprf(workingGroupId: $w, epoch: 1, blindedElements: $b) { usedToday }
      b: evaluateOprf(workingGroupId: $w, epoch: 1, blindedElements: $b) { usedToday }
      c: evaluateOprf(workingGroupId: $w, epoch: 1, blindedElements: $b) { usedToday }
    }`;
    const r = await t.graphql(aliased, { w: g.wg, b: elements(2) }, u.headers);
    expect(r.status).toBe(400);
    expect(codeOf(r)).toBe('ONE_OPRF_PER_REQUEST');
    expect(r.body.errors?.[0]).toMatchObject({ extensions: { category: 'BAD_USER_INPUT' } });
    expect(r.body.data ?? null).toBeNull();
    expect(pool.stats.batches).toBe(batches);
    const usage = await db.query('SELECT 1 FROM oprf_usage WHERE working_group_id = $1', [g.wg]);
    expect(usage).toHaveLength(0);
  });

  it('refuses repeated fields and fragments too', async () => {
    const g = await group();
    const [u] = g.members;
    const repeated = `mutation($w: ID!, $b: [String!]!) {
      evaluateOprf(workingGroupId: $w, epoch: 1, blindedElements: $b) { usedToday }
      evaluateOprf(workingGroupId: $w, epoch: 1, blindedElements: $b) { usedToday }
    }`;
    expect(codeOf(await t.graphql(repeated, { w: g.wg, b: elements(1) }, u.headers))).toBe('ONE_OPRF_PER_REQUEST');
    const viaFragments = `mutation($w: ID!, $b: [String!]!) { ...A ...B }
      fragment A on Mutation { x: evaluateOprf(workingGroupId: $w, epoch: 1, blindedElements: $b) { usedToday } }
      fragment B on Mutation { y: evaluateOprf(workingGroupId: $w, epoch: 1, blindedElements: $b) { usedToday } }`;
    expect(codeOf(await t.graphql(viaFragments, { w: g.wg, b: elements(1) }, u.headers))).toBe('ONE_OPRF_PER_REQUEST');
    // One per request stays fine.
    const one = await t.graphql<Evaluation>(EVALUATE, { w: g.wg, e: 1, b: elements(1) }, u.headers);
    expect(one.body.data?.evaluateOprf.evaluatedElements).toHaveLength(1);
  });
});

describe('retired epochs', () => {
  it('refuses a retired epoch after a rotation, even with its key in this replica’s cache', async () => {
    const g = await group();
    const [u] = g.members;
    const service = t.app.get(OprfService);
    const warm = await t.graphql<Evaluation>(EVALUATE, { w: g.wg, e: 1, b: elements(1) }, u.headers);
    expect(warm.body.data?.evaluateOprf.evaluatedElements).toHaveLength(1);
    const cached = service.cachedKeyCount;
    // What a rotation leaves in the database (from whichever replica did it).
    await db.query('UPDATE working_group_epoch SET retired_at = now() WHERE working_group_id = $1 AND epoch = 1', [g.wg]);
    await db.query(
      `INSERT INTO working_group_epoch (working_group_id, epoch, oprf_key, schema_version) VALUES ($1, 2, $2, 'v2')`,
      [g.wg, t.runtime.secretBox.seal(generateOprfKey(), `oprf-key/${g.wg}/2`)],
    );
    const stale = await t.graphql(EVALUATE, { w: g.wg, e: 1, b: elements(1) }, u.headers);
    expect(codeOf(stale)).toBe('STALE_EPOCH');
    expect(service.cachedKeyCount).toBe(cached - 1);
    const current = await t.graphql<Evaluation>(EVALUATE, { w: g.wg, e: 2, b: elements(1) }, u.headers);
    expect(current.body.data?.evaluateOprf.evaluatedElements).toHaveLength(1);
  });
});

describe('batch validation', () => {
  it('checks every element before evaluating any; a refused batch is audited and charges nothing', async () => {
    const g = await group();
    const [u] = g.members;
    const pool = t.app.get(OprfPool);
    const before = { ...pool.stats };
    const batch = [...elements(30), Buffer.alloc(32, 0xff).toString('base64')];
    const r = await t.graphql(EVALUATE, { w: g.wg, e: 1, b: batch }, u.headers);
    expect(codeOf(r)).toBe('INVALID_BLINDED_ELEMENT');
    expect(r.body.errors?.[0]).toMatchObject({ extensions: { category: 'BAD_USER_INPUT', details: { index: '30' } } });
    expect(pool.stats.batches).toBe(before.batches);
    expect(pool.stats.elements).toBe(before.elements);
    const audited = await db.query(
      `SELECT actor_user_id, change FROM audit_log WHERE action = 'oprf.invalid_batch' AND working_group_id = $1`,
      [g.wg],
    );
    expect(audited).toHaveLength(1);
    expect(audited[0].actor_user_id).toBe(u.id);
    const usage = await db.query('SELECT evaluations FROM oprf_usage WHERE working_group_id = $1', [g.wg]);
    expect(usage.every((row: { evaluations: number }) => row.evaluations === 0)).toBe(true);
    // A wrong length is refused the same way, naming the element.
    const short = await t.graphql(EVALUATE, { w: g.wg, e: 1, b: [...elements(2), Buffer.alloc(31, 1).toString('base64')] }, u.headers);
    expect(codeOf(short)).toBe('INVALID_BLINDED_ELEMENT');
  });
});

describe('unusual volume', () => {
  const volumeAlerts = async (g: Group): Promise<number> =>
    (
      (await db.query(
        `SELECT 1 FROM notification WHERE kind = 'oprf.unusual_volume' AND working_group_id = $1`,
        [g.wg],
      )) as unknown[]
    ).length;

  it('tells the coordinators once a day when evaluations far exceed the cases fingerprinted today, without any refusal', async () => {
    const g = await group();
    const [u1, u2] = g.members;
    const alerts = async () =>
      (await db.query(
        `SELECT payload FROM notification WHERE kind = 'oprf.unusual_volume' AND working_group_id = $1 AND recipient_user_id = $2`,
        [g.wg, g.coordinator],
      )) as Array<{ payload: { organisationId: string; evaluationsToday: number } }>;
    // Within the alert base: nothing.
    await t.graphql(EVALUATE, { w: g.wg, e: 1, b: elements(30) }, u1.headers);
    expect(await alerts()).toHaveLength(0);
    // 45 evaluations, no case fingerprinted today: unusual (40 + 5 × 0).
    const r = await t.graphql<Evaluation>(EVALUATE, { w: g.wg, e: 1, b: elements(15) }, u2.headers);
    expect(r.body.errors).toBeUndefined();
    const first = await alerts();
    expect(first).toHaveLength(1);
    expect(first[0]?.payload).toMatchObject({ organisationId: g.org, evaluationsToday: 45 });
    await t.graphql(EVALUATE, { w: g.wg, e: 1, b: elements(10) }, u2.headers);
    expect(await alerts()).toHaveLength(1);
    const audited = await db.query(`SELECT 1 FROM audit_log WHERE action = 'oprf.unusual_volume' AND working_group_id = $1`, [g.wg]);
    expect(audited).toHaveLength(1);
  });

  it('stays quiet while evaluations match the cases being fingerprinted', async () => {
    const g = await group();
    const [u] = g.members;
    await seedCases(g, 4, true, u.id);
    // 55 evaluations for 4 cases fingerprinted today: under 40 + 5 × 4 = 60.
    await t.graphql(EVALUATE, { w: g.wg, e: 1, b: elements(55) }, u.headers);
    expect(await volumeAlerts(g)).toBe(0);
  });

  it('cannot be silenced by registering cases of dummy fingerprints (the hub cannot tell them from real ones)', async () => {
    const g = await group();
    const [u] = g.members;
    // 20 "cases" raise the relative threshold to 40 + 5 × 20 = 140 …
    await seedCases(g, 20, true, u.id);
    await t.graphql(EVALUATE, { w: g.wg, e: 1, b: elements(60) }, u.headers);
    expect(await volumeAlerts(g)).toBe(0);
    // … but not the absolute one (80): 90 evaluations alert the coordinators.
    await t.graphql(EVALUATE, { w: g.wg, e: 1, b: elements(30) }, u.headers);
    expect(await volumeAlerts(g)).toBe(1);
  });
});
