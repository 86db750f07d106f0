import { randomBytes } from 'node:crypto';
import { threadId } from 'node:worker_threads';
import { blind, generateOprfKey, oprfReady } from '@parallax/fingerprint';
import { DataSource } from 'typeorm';
import { beforeAll, describe, expect, it } from 'vitest';
import { OprfPool } from '../src/modules/keys/oprf-pool.js';
import { seedMembership, seedOrganisation, seedUser, seedWorkingGroup } from './support/identity-fixtures.js';
import { sessionHeaders } from './support/sessions.js';
import { useTestApp } from './support/test-app.js';

/**
 * Issue 9, item 6: OPRF batches ran on the event loop, so one large batch
 * stalled every other request. They now run on a worker thread.
 */
const t = useTestApp({ OPRF_BUDGET_BASE: '1000000', OPRF_USER_BUDGET_BASE: '1000000' });
let wg = '';
let headers: Record<string, string> = {};
beforeAll(async () => {
  const db = t.app.get(DataSource);
  await oprfReady();
  wg = await seedWorkingGroup(db);
  const org = await seedOrganisation(db);
  await seedMembership(db, wg, org);
  await db.query(`INSERT INTO working_group_epoch (working_group_id, epoch, oprf_key, schema_version) VALUES ($1, 1, $2, 'v2')`, [
    wg,
    t.runtime.secretBox.seal(generateOprfKey(), `oprf-key/${wg}/1`),
  ]);
  headers = await sessionHeaders(t, await seedUser(db, { organisationId: org, role: 'investigator' }));
});

const EVALUATE =
  'mutation($w: ID!, $b: [String!]!) { evaluateOprf(workingGroupId: $w, epoch: 1, blindedElements: $b) { evaluatedElements } }';

describe('OPRF evaluation off the event loop', () => {
  it('evaluates on a worker thread, and the hub answers /health while a 20,000-element batch is being evaluated', async () => {
    const pool = t.app.get(OprfPool);
    // 100 distinct elements, repeated: blinding 20,000 here would cost more than evaluating them.
    const distinct = Array.from({ length: 100 }, () => Buffer.from(blind(randomBytes(16)).blindedElement).toString('base64'));
    const batch = Array.from({ length: 20_000 }, (_, i) => distinct[i % distinct.length] ?? '');
    let settled = false;
    const evaluation = t.graphql<{ evaluateOprf: { evaluatedElements: string[] } }>(EVALUATE, { w: wg, b: batch }, headers).finally(() => {
      settled = true;
    });
    // Poll /health/live for as long as the batch runs; note whether an answer
    // came while the pool was busy (impossible if the evaluation held the loop).
    let answeredDuringEvaluation = 0;
    while (!settled) {
      const res = await fetch(`${t.url}/health/live`);
      expect(res.status).toBe(200);
      if (pool.stats.inFlight > 0) answeredDuringEvaluation++;
      await new Promise((r) => setImmediate(r));
    }
    const result = await evaluation;
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data?.evaluateOprf.evaluatedElements).toHaveLength(20_000);
    expect(answeredDuringEvaluation).toBeGreaterThan(0);
    expect(pool.stats.lastThreadId).not.toBeNull();
    expect(pool.stats.lastThreadId).not.toBe(threadId);
  });
});
