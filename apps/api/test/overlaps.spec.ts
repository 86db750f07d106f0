import { blind, FINGERPRINT_SCHEMA_VERSION, fingerprintPersons } from '@parallax/fingerprint';
import { groupKeyStatus, hubEvaluator, padFingerprints, startKeyEpoch, unlockGroupKey } from '@parallax/hub-client';
import { DataSource } from 'typeorm';
import { beforeAll, describe, expect, it } from 'vitest';
import { devicePins, eventually, hubRequest, keysOf, registerPersons, shareKey } from './support/hub.js';
import { certifyColleague } from './support/key-trust.js';
import { startTestApp, type TestApp, useTestApp } from './support/test-app.js';
import { buildWorld, person, type Person, type World } from './support/world.js';

const t = useTestApp();
let w: World;
let db: DataSource;
beforeAll(async () => {
  w = await buildWorld(t);
  db = t.app.get(DataSource);
  // Only overlaps at an organisation's alert level notify it (probable by default, issue 13), and
  // the band of this file's pair follows the engine's calibration: at "possible" every overlap alerts.
  await db.query(`UPDATE organisation SET overlap_alert_level = 'possible' WHERE id = ANY($1::uuid[])`, [[w.orgA, w.orgA2]]);
}, 180_000);

const LATIN = { id: 'l1', schema: 'Person', properties: { name: ['Mohammed Mahmoud ABU TAIR'], birthDate: ['1951'] } };
const ARABIC = { id: 'a1', schema: 'Person', properties: { name: ['محمد محمود أبو طير'], birthDate: ['1951'] } };
const OTHER = { id: 'o1', schema: 'Person', properties: { name: ['Olena Kovalenko'], birthDate: ['1988-05-05'] } };

interface OverlapView {
  id: string;
  myCase: { id: string; reference: string };
  otherOrganisation: { name: string } | null;
  strength: string;
  matchedKinds: string[];
  contactStatus: string;
  revealed: boolean;
  retractedAt: string | null;
}
const OVERLAPS = '{ overlaps(includeRetracted: true) { nodes { id myCase { id reference } otherOrganisation { name } strength matchedKinds contactStatus revealed retractedAt } } }';
const overlapsOf = async (p: Person) => (await p.client.ok<{ overlaps: { nodes: OverlapView[] } }>(OVERLAPS)).overlaps.nodes;

describe('overlap detection, end to end through the real client library', () => {
  let caseLatin = '';
  let caseArabic = '';

  it('finds the same person written in Latin and in Arabic script by two organisations', async () => {
    [caseLatin = ''] = await registerPersons(t, w.investigatorA, w.wg1, [LATIN, OTHER], (i) => `A-${i}`);
    [caseArabic = ''] = await registerPersons(t, w.investigatorA2, w.wg1, [ARABIC], () => 'A2-1');
    const mine = await eventually(() => overlapsOf(w.investigatorA), (o) => o.length > 0);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ myCase: { id: caseLatin, reference: 'A-0' }, otherOrganisation: null, revealed: false, contactStatus: 'none' });
    expect(['strong', 'probable', 'possible']).toContain(mine[0]?.strength);
    expect(mine[0]?.matchedKinds.length).toBeGreaterThan(0);
    const theirs = await overlapsOf(w.investigatorA2);
    expect(theirs[0]).toMatchObject({ id: mine[0]?.id, myCase: { id: caseArabic, reference: 'A2-1' } });
  });

  it('alerts both organisations, each about its own case only', async () => {
    const a = await w.adminA.client.ok<{ notifications: Array<{ kind: string; payload: Record<string, unknown> }> }>('{ notifications { kind payload } }');
    const alert = a.notifications.find((n) => n.kind === 'overlap.new');
    expect(alert?.payload).toMatchObject({ caseId: caseLatin, caseReference: 'A-0' });
    expect(JSON.stringify(a.notifications)).not.toContain('A2-1');
    const a2 = await w.investigatorA2.client.ok<{ notifications: Array<{ kind: string; payload: Record<string, unknown> }> }>('{ notifications { kind payload } }');
    expect(a2.notifications.find((n) => n.kind === 'overlap.new')?.payload).toMatchObject({ caseReference: 'A2-1' });
  });

  it('reveals identities only when contact is requested and accepted', async () => {
    const [o] = await overlapsOf(w.investigatorA);
    await w.investigatorA.client.ok('mutation($id: ID!) { requestContact(overlapId: $id) { id } }', { id: o?.id });
    const self = await w.investigatorA.client.request('mutation($id: ID!) { respondToContact(overlapId: $id, accept: true) { id } }', { id: o?.id });
    expect(self.errors?.[0]?.extensions?.code).toBe('NO_CONTACT_REQUEST');
    const twice = await w.investigatorA.client.request('mutation($id: ID!) { requestContact(overlapId: $id) { id } }', { id: o?.id });
    expect(twice.errors?.[0]?.extensions?.code).toBe('CONTACT_ALREADY_REQUESTED');
    expect((await overlapsOf(w.investigatorA2))[0]).toMatchObject({ contactStatus: 'requested', otherOrganisation: null });
    await w.investigatorA2.client.ok('mutation($id: ID!) { respondToContact(overlapId: $id, accept: true) { id } }', { id: o?.id });
    expect((await overlapsOf(w.investigatorA))[0]?.otherOrganisation).toEqual({ name: 'Org A2' });
    expect((await overlapsOf(w.investigatorA2))[0]?.otherOrganisation).toEqual({ name: 'Org A' });
  });

  it('shows a third organisation nothing', async () => {
    expect(await overlapsOf(w.investigatorB)).toHaveLength(1); // only B's own overlap with B2
    const n = await w.adminB.client.ok<{ notifications: Array<{ payload: unknown }> }>('{ notifications { payload } }');
    expect(JSON.stringify(n)).not.toContain(caseLatin);
    expect(JSON.stringify(n)).not.toContain(caseArabic);
  });

  it('gives coordinators the picture without references or identifiers', async () => {
    const { coordinatorPicture: p } = await w.coordinator1.client.ok<{
      coordinatorPicture: { clusters: Array<{ organisationCount: number; caseCount: number; organisationIds: string[] }>; matrix: Array<{ a: string; b: string; overlaps: number }> };
    }>('query($w: ID!) { coordinatorPicture(workingGroupId: $w) { clusters { organisationCount caseCount organisationIds } matrix { a b overlaps } } }', { w: w.wg1 });
    expect(p.clusters).toEqual([{ organisationCount: 2, caseCount: 2, organisationIds: [w.orgA, w.orgA2].sort() }]);
    expect(p.matrix).toEqual([{ a: [w.orgA, w.orgA2].sort()[0], b: [w.orgA, w.orgA2].sort()[1], overlaps: 1 }]);
    expect(JSON.stringify(p)).not.toContain('A-0');
    const refused = await w.investigatorA.client.request('query($w: ID!) { coordinatorPicture(workingGroupId: $w) { matrix { a } } }', { w: w.wg1 });
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('needs a reason for a false match, and records the verdict', async () => {
    const [o] = await overlapsOf(w.investigatorA);
    const noReason = await w.investigatorA.client.request('mutation($id: ID!) { setOverlapVerdict(overlapId: $id, verdict: "false_match") { id } }', { id: o?.id });
    expect(noReason.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const done = await w.investigatorA.client.ok<{ setOverlapVerdict: { myVerdict: string } }>(
      'mutation($id: ID!) { setOverlapVerdict(overlapId: $id, verdict: "confirmed") { myVerdict } }',
      { id: o?.id },
    );
    expect(done.setOverlapVerdict.myVerdict).toBe('confirmed');
  });

  it('registers a retried case once (same idempotency key)', async () => {
    const req = hubRequest(w.investigatorA.client);
    const key = await unlockGroupKey(req, w.wg1, await keysOf(t, w.investigatorA), { pins: devicePins });
    const [rec] = await fingerprintPersons([OTHER], { groupKey: key?.groupKey ?? new Uint8Array(32), evaluator: hubEvaluator(req, w.wg1, key?.epoch ?? 1) });
    const input = { idempotencyKey: 'retry-me-0001', reference: 'R-1', status: 'active', situationTags: [], crimeTags: [], epoch: key?.epoch, schemaVersion: FINGERPRINT_SCHEMA_VERSION, fingerprints: padFingerprints(rec?.fingerprints ?? []) };
    const q = 'mutation($w: ID!, $c: [CaseInput!]!) { registerCases(workingGroupId: $w, cases: $c) { caseId created } }';
    const first = await w.investigatorA.client.ok<{ registerCases: Array<{ caseId: string; created: boolean }> }>(q, { w: w.wg1, c: [input] });
    const again = await w.investigatorA.client.ok<{ registerCases: Array<{ caseId: string; created: boolean }> }>(q, { w: w.wg1, c: [input, input] });
    expect(first.registerCases[0]?.created).toBe(true);
    expect(again.registerCases.map((r) => r)).toEqual([
      { caseId: first.registerCases[0]?.caseId, created: false },
      { caseId: first.registerCases[0]?.caseId, created: false },
    ]);
    // a retry that would now be refused (its key epoch is gone) still answers with the registered case
    const late = await w.investigatorA.client.ok<{ registerCases: Array<{ caseId: string; created: boolean }> }>(q, { w: w.wg1, c: [{ ...input, epoch: 99 }] });
    expect(late.registerCases).toEqual([{ caseId: first.registerCases[0]?.caseId, created: false }]);
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM tracking_case WHERE idempotency_key = 'retry-me-0001'`);
    expect(n).toBe(1);
  });

  it('refuses fingerprints made under a wrong epoch, or malformed, with stable codes and no change', async () => {
    const before = Number((await db.query('SELECT count(*) AS n FROM tracking_case'))[0].n);
    const q = 'mutation($w: ID!, $c: [CaseInput!]!) { registerCases(workingGroupId: $w, cases: $c) { caseId } }';
    const base = { idempotencyKey: 'bad-epoch-0001', reference: 'X-1', status: 'active', situationTags: [], crimeTags: [], schemaVersion: FINGERPRINT_SCHEMA_VERSION, fingerprints: ['name.pair', 'name.sub', 'name.glued'].flatMap((kind, k) => ['A', 'B', 'C', 'D'].map((c) => ({ kind, fp: `${c.repeat(42)}${k}` }))) };
    const wrongEpoch = await w.investigatorA.client.request(q, { w: w.wg1, c: [{ ...base, epoch: 99 }] });
    expect(wrongEpoch.errors?.[0]?.extensions?.code).toBe('STALE_EPOCH');
    const badFp = await w.investigatorA.client.request(q, { w: w.wg1, c: [{ ...base, epoch: 1, fingerprints: [{ kind: 'name.pair', fp: 'Mohammed' }] }] });
    expect(badFp.errors?.[0]?.extensions?.code, JSON.stringify(badFp.errors)).toBe('BAD_USER_INPUT');
    const badTag = await w.investigatorA.client.request(q, { w: w.wg1, c: [{ ...base, epoch: 1, situationTags: ['atlantis'] }] });
    expect(badTag.errors?.[0]?.extensions?.code, JSON.stringify(badTag.errors)).toBe('BAD_USER_INPUT');
    const viewer = await w.viewerA.client.request(q, { w: w.wg1, c: [{ ...base, epoch: 1 }] });
    expect(viewer.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(Number((await db.query('SELECT count(*) AS n FROM tracking_case'))[0].n)).toBe(before);
  });

  it('retracts the overlap when a case is withdrawn, keeping the audit trail', async () => {
    await w.investigatorA2.client.ok('mutation($id: ID!) { withdrawCase(caseId: $id) { withdrawnAt } }', { id: caseArabic });
    const after = await eventually(() => overlapsOf(w.investigatorA), (o) => o.every((x) => x.retractedAt !== null));
    expect(after[0]?.retractedAt).not.toBeNull();
    const [{ n }] = await db.query('SELECT count(*)::int AS n FROM case_fingerprint WHERE case_id = $1', [caseArabic]);
    expect(n).toBe(0);
    const actions = (await db.query('SELECT action FROM audit_log WHERE subject_id = $1', [caseArabic])).map((r: { action: string }) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['case.register', 'case.withdraw']));
  });
});

describe('group key distribution', () => {
  it('hands K_group to a newly admitted member once their admin certified their keys, then without anyone acting, sealed to them alone', async () => {
    const { createInvitation } = await w.adminA.client.ok<{ createInvitation: { token: string } }>(
      'mutation($o: ID!) { createInvitation(input: { organisationId: $o, role: investigator }) { token } }',
      { o: w.orgA },
    );
    expect(createInvitation.token).toBeTruthy();
    // The new investigator is simulated directly (keys made as at sign-up): what matters here is the grant.
    const { id: newcomer } = await person(t, 'newcomer@t.test', { organisationId: w.orgA, role: 'investigator' });
    const status = await groupKeyStatus(hubRequest(w.adminA.client), w.wg1);
    expect(status.pendingRecipients.map((r) => r.userId)).toContain(newcomer);
    // Issue 9: listed by the hub is not enough; nobody seals to keys nobody vouched for.
    expect(await shareKey(t, w.adminA, w.wg1)).toBe(0);
    expect(await db.query('SELECT 1 FROM group_key_grant WHERE user_id = $1', [newcomer])).toEqual([]);
    await certifyColleague(t, w.adminA, w.wg1, { id: newcomer });
    expect(await shareKey(t, w.investigatorA, w.wg1)).toBeGreaterThanOrEqual(1);
    const [grant] = await db.query('SELECT sealed_key FROM group_key_grant WHERE user_id = $1', [newcomer]);
    expect(grant.sealed_key.length).toBeGreaterThan(32);
    const after = await groupKeyStatus(hubRequest(w.adminA.client), w.wg1);
    expect(after.pendingRecipients.map((r) => r.userId)).not.toContain(newcomer);
  });

  it('stores no group key in clear: only sealed copies, different for each member', async () => {
    const grants = (await db.query('SELECT sealed_key FROM group_key_grant WHERE working_group_id = $1', [w.wg1])) as Array<{ sealed_key: Buffer }>;
    const key = await unlockGroupKey(hubRequest(w.investigatorA.client), w.wg1, await keysOf(t, w.investigatorA), { pins: devicePins });
    const hex = Buffer.from(key?.groupKey ?? []).toString('hex');
    expect(grants.length).toBeGreaterThan(3);
    expect(new Set(grants.map((g) => g.sealed_key.toString('hex'))).size).toBe(grants.length);
    const dump = JSON.stringify(await db.query('SELECT * FROM group_key_grant')) + JSON.stringify(await db.query('SELECT * FROM working_group_epoch'));
    expect(dump).not.toContain(hex);
  });

  it('rotation starts a new epoch; old cases ask to be re-fingerprinted; a member who left gets no new key', async () => {
    await db.query(`UPDATE working_group_member SET status = 'left' WHERE working_group_id = $1 AND organisation_id = $2`, [w.wg1, w.orgA2]);
    const req = hubRequest(w.coordinator1.client);
    const status = await groupKeyStatus(req, w.wg1);
    const { epoch } = await startKeyEpoch(req, w.wg1, await keysOf(t, w.coordinator1), { pins: devicePins });
    expect(epoch).toBe((status.epoch ?? 0) + 1);
    const cases = await w.investigatorA.client.ok<{ cases: { nodes: Array<{ needsRefingerprint: boolean; withdrawnAt: string | null }> } }>(
      'query($w: ID) { cases(workingGroupId: $w) { nodes { needsRefingerprint withdrawnAt } } }',
      { w: w.wg1 },
    );
    expect(cases.cases.nodes.filter((c) => !c.withdrawnAt).every((c) => c.needsRefingerprint)).toBe(true);
    const leaver = await w.investigatorA2.client.request('query($w: ID!) { groupKeyStatus(workingGroupId: $w) { epoch mySealedKey } }', { w: w.wg1 });
    expect(leaver.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const [{ n }] = await db.query('SELECT count(*)::int AS n FROM group_key_grant WHERE user_id = $1 AND epoch = $2', [w.investigatorA2.id, epoch]);
    expect(n).toBe(0);
  });
});

describe('OPRF budget', () => {
  it('refuses beyond the budget with BUDGET_EXHAUSTED, charges nothing, audits and alerts the coordinators', async () => {
    const small = await startTestApp({ OPRF_BUDGET_BASE: '3', OPRF_BUDGET_PER_CASE: '0' });
    try {
      const sw = await buildWorldQuick(small);
      const req = hubRequest(sw.investigatorA.client);
      const key = await unlockGroupKey(req, sw.wg1, await keysOf(small, sw.investigatorA), { pins: devicePins });
      const evaluator = hubEvaluator(req, sw.wg1, key?.epoch ?? 1);
      const elements = (n: number) => Array.from({ length: n }, (_, i) => blind(new TextEncoder().encode(`guess-${i}`)).blindedElement);
      await expect(evaluator(elements(2))).resolves.toHaveLength(2);
      await expect(evaluator(elements(2))).rejects.toMatchObject({ code: 'BUDGET_EXHAUSTED' });
      const sdb = small.app.get(DataSource);
      const [usage] = await sdb.query('SELECT evaluations, refused FROM oprf_usage WHERE organisation_id = $1', [sw.orgA]);
      expect(usage).toEqual({ evaluations: 2, refused: 2 });
      const alerts = await sw.coordinator1.client.ok<{ notifications: Array<{ kind: string; payload: { organisationId: string } }> }>('{ notifications { kind payload } }');
      expect(alerts.notifications.find((n) => n.kind === 'oprf.budget_exceeded')?.payload.organisationId).toBe(sw.orgA);
      const audited = await sdb.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'oprf.budget_exceeded'`);
      expect(audited[0].n).toBe(1);
    } finally {
      await small.close();
    }
  });
});

/** A small world (the default one registers cases, which this budget cannot afford). */
async function buildWorldQuick(app: TestApp): Promise<World> {
  return buildWorld(app, { withCases: false });
}
