import { DataSource } from 'typeorm';
import { beforeAll, describe, expect, it } from 'vitest';
import { MatchingService } from '../src/modules/matching/matching.service.js';
import { fp, seedCase } from './support/case-fixtures.js';
import { useTestApp } from './support/test-app.js';
import { buildWorld, forgetUsedCode, totpCode, type Person, type World } from './support/world.js';

/**
 * Alert fatigue (issue 13): every overlap is stored, audited and listed on
 * its cases, but an organisation is notified only of those at or above its
 * alert level (probable by default), and of an overlap rescored upward
 * across it. Its admins set the level, with a fresh second factor; the
 * change is audited with it; nobody can reach another organisation's.
 *
 * Cases are written straight into group 1 (orgs A and A2) with chosen
 * fingerprint kinds and matched by the real service: a shared glued name
 * alone scores "possible", a shared phone number alone "probable", both
 * together "strong" (libs/matching weights; each test asserts the strength
 * it starts from, so a recalibration fails loudly here, not silently).
 */
const t = useTestApp();
let w: World;
let db: DataSource;
let matching: MatchingService;
let epoch = 1;
beforeAll(async () => {
  w = await buildWorld(t, { withCases: false });
  db = t.app.get(DataSource);
  matching = t.app.get(MatchingService);
  const [row] = await db.query<Array<{ epoch: number }>>(
    'SELECT epoch FROM working_group_epoch WHERE working_group_id = $1 AND retired_at IS NULL',
    [w.wg1],
  );
  epoch = row?.epoch ?? 1;
}, 180_000);

type Kind = 'name.glued' | 'phone';
let counter = 0;
const print = (kind: Kind, label: string) => ({ kind, fp: fp(`alert-level-${label}`) });

async function caseOf(organisationId: string, prints: Array<{ kind: Kind; fp: Buffer }>) {
  return seedCase(db, {
    workingGroupId: w.wg1,
    organisationId,
    reference: `AL-${++counter}`,
    fingerprints: prints,
    epoch,
  });
}

/** What a re-fingerprinted case leaves in the database: its new fingerprints, a new version. */
async function refingerprint(caseId: string, prints: Array<{ kind: Kind; fp: Buffer }>) {
  await db.query('DELETE FROM case_fingerprint WHERE case_id = $1', [caseId]);
  for (const p of prints) {
    await db.query(
      'INSERT INTO case_fingerprint (case_id, working_group_id, epoch, kind, fp) VALUES ($1, $2, $3, $4, $5)',
      [caseId, w.wg1, epoch, p.kind, p.fp],
    );
  }
  await db.query(
    'UPDATE tracking_case SET fingerprint_count = $2, updated_at = now() WHERE id = $1',
    [caseId, prints.length],
  );
}

async function overlapOf(caseA: string, caseB: string) {
  const [o] = await db.query<Array<{ id: string; strength: string }>>(
    'SELECT id, strength FROM overlap WHERE $1 IN (case_a, case_b) AND $2 IN (case_a, case_b) AND retracted_at IS NULL',
    [caseA, caseB],
  );
  if (!o) throw new Error('no overlap');
  return o;
}

/** The alerts about an overlap: [recipient organisation, kind, the case it names], in a stable order. */
async function alertsOf(overlapId: string): Promise<Array<[string, string, string]>> {
  const rows = await db.query<
    Array<{ recipient_organisation_id: string; kind: string; payload: { caseId: string } }>
  >(
    `SELECT recipient_organisation_id, kind, payload FROM notification
     WHERE payload->>'overlapId' = $1 ORDER BY created_at, kind, recipient_organisation_id`,
    [overlapId],
  );
  return rows.map((r) => [r.recipient_organisation_id, r.kind, r.payload.caseId]);
}

async function auditActions(overlapId: string): Promise<string[]> {
  const rows = await db.query<Array<{ action: string }>>(
    'SELECT action FROM audit_log WHERE subject_id = $1 ORDER BY seq',
    [overlapId],
  );
  return rows.map((r) => r.action);
}

const levelOf = async (organisationId: string): Promise<string> =>
  (
    await db.query<Array<{ level: string }>>(
      'SELECT overlap_alert_level AS level FROM organisation WHERE id = $1',
      [organisationId],
    )
  )[0]?.level ?? '?';

const SET = `mutation($l: OverlapAlertLevel!) {
  setOverlapAlertLevel(level: $l) { id overlapAlertLevel }
}`;
const setLevel = (p: Person, level: string) =>
  p.client.request<{ setOverlapAlertLevel: { id: string; overlapAlertLevel: string } }>(SET, {
    l: level,
  });
const codeOf = (r: { errors?: ReadonlyArray<{ extensions?: { code?: unknown } }> }) =>
  r.errors?.[0]?.extensions?.code;
const READ = 'query($o: ID!) { organisation(id: $o) { id overlapAlertLevel } }';

describe('overlap alert levels: who is notified', () => {
  let possibleMine = '';
  let possibleTheirs = '';
  let possibleId = '';

  it('with default levels, a possible overlap is created, audited and listed on the case, but notifies no one', async () => {
    expect([await levelOf(w.orgA), await levelOf(w.orgA2)]).toEqual(['probable', 'probable']);
    possibleMine = await caseOf(w.orgA, [print('name.glued', 'g1'), print('phone', 'p1')]);
    possibleTheirs = await caseOf(w.orgA2, [print('name.glued', 'g1')]);
    await matching.matchCases([possibleTheirs]);
    const o = await overlapOf(possibleMine, possibleTheirs);
    expect(o.strength).toBe('possible');
    possibleId = o.id;
    expect(await alertsOf(o.id)).toEqual([]);
    expect(await auditActions(o.id)).toEqual(['overlap.detect']);
    const listed = await w.investigatorA.client.ok<{
      overlaps: { nodes: Array<{ id: string; strength: string }> };
    }>('query($c: ID) { overlaps(caseId: $c) { nodes { id strength } } }', { c: possibleMine });
    expect(listed.overlaps.nodes).toEqual([{ id: o.id, strength: 'possible' }]);
  });

  it('a probable overlap notifies both sides, each about its own case', async () => {
    const mine = await caseOf(w.orgA, [print('phone', 'p2')]);
    const theirs = await caseOf(w.orgA2, [print('phone', 'p2')]);
    await matching.matchCases([theirs]);
    const o = await overlapOf(mine, theirs);
    expect(o.strength).toBe('probable');
    expect((await alertsOf(o.id)).sort()).toEqual(
      [
        [w.orgA, 'overlap.new', mine],
        [w.orgA2, 'overlap.new', theirs],
      ].sort(),
    );
  });

  it('an overlap rescored from possible to probable notifies both sides then, once, and is audited as before', async () => {
    await refingerprint(possibleTheirs, [print('phone', 'p1')]);
    await matching.matchCases([possibleTheirs]);
    const o = await overlapOf(possibleMine, possibleTheirs);
    expect(o).toEqual({ id: possibleId, strength: 'probable' });
    const alerts = await alertsOf(o.id);
    expect(alerts.sort()).toEqual(
      [
        [w.orgA, 'overlap.upgraded', possibleMine],
        [w.orgA2, 'overlap.upgraded', possibleTheirs],
      ].sort(),
    );
    const [payload] = await db.query<Array<{ payload: Record<string, unknown> }>>(
      `SELECT payload FROM notification WHERE payload->>'overlapId' = $1 AND recipient_organisation_id = $2`,
      [o.id, w.orgA],
    );
    expect(payload?.payload).toMatchObject({
      caseId: possibleMine,
      strength: 'probable',
      previousStrength: 'possible',
    });
    expect(await auditActions(o.id)).toEqual(['overlap.detect', 'overlap.rescore']);

    // Again (the queue may deliver twice): nothing new.
    await matching.matchCases([possibleTheirs, possibleMine]);
    expect(await alertsOf(o.id)).toHaveLength(2);
    // Up within the notified band (probable → strong): no one is told again.
    await refingerprint(possibleTheirs, [print('phone', 'p1'), print('name.glued', 'g1')]);
    await matching.matchCases([possibleTheirs]);
    expect((await overlapOf(possibleMine, possibleTheirs)).strength).toBe('strong');
    expect(await alertsOf(o.id)).toHaveLength(2);
    expect(await auditActions(o.id)).toEqual([
      'overlap.detect',
      'overlap.rescore',
      'overlap.rescore',
    ]);
  });
});

describe('overlap alert levels: the setting', () => {
  it('is read by the organisation’s members only', async () => {
    for (const p of [w.adminA, w.investigatorA, w.viewerA]) {
      const r = await p.client.ok<{ organisation: { overlapAlertLevel: string | null } }>(READ, {
        o: w.orgA,
      });
      expect(r.organisation.overlapAlertLevel).toBe('probable');
    }
    // A coordinator reads the directory, not the organisation's settings.
    const outsider = await w.coordinator1.client.ok<{
      organisation: { overlapAlertLevel: string | null };
    }>(READ, { o: w.orgA });
    expect(outsider.organisation.overlapAlertLevel).toBeNull();
  });

  it('is set by its admins only, with a fresh second factor; bad input has a stable code; refusals change nothing', async () => {
    for (const p of [w.investigatorA, w.viewerA]) {
      expect(codeOf(await setLevel(p, 'possible'))).toMatch(/^(FORBIDDEN|STEP_UP_REQUIRED)$/);
    }
    const bad = await setLevel(w.adminA, 'loud');
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    await db.query(
      `UPDATE user_session SET step_up_at = now() - interval '1 hour' WHERE user_id = $1`,
      [w.adminA.id],
    );
    expect(codeOf(await setLevel(w.adminA, 'possible'))).toBe('STEP_UP_REQUIRED');
    expect(await levelOf(w.orgA)).toBe('probable');
    expect(
      await db.query(
        `SELECT 1 FROM audit_log WHERE action = 'organisation.overlap_alert_level_set'`,
      ),
    ).toEqual([]);

    await forgetUsedCode(t, w.adminA.id);
    await w.adminA.client.ok('mutation($c: String!) { stepUp(code: $c) }', {
      c: totpCode(w.adminA.totpSecret),
    });
    const set = await setLevel(w.adminA, 'possible');
    expect(set.errors).toBeUndefined();
    expect(set.data?.setOverlapAlertLevel).toEqual({ id: w.orgA, overlapAlertLevel: 'possible' });
    expect(await levelOf(w.orgA)).toBe('possible');
  });

  it('is audited in the same transaction as the change', async () => {
    const entries = await db.query<
      Array<{ actor_user_id: string; change: { level: string }; tx: string }>
    >(
      `SELECT actor_user_id, change, xmin::text AS tx FROM audit_log
       WHERE action = 'organisation.overlap_alert_level_set' AND organisation_id = $1 ORDER BY seq`,
      [w.orgA],
    );
    expect(entries.map((e) => [e.actor_user_id, e.change.level])).toEqual([
      [w.adminA.id, 'possible'],
    ]);
    const [row] = await db.query<Array<{ tx: string }>>(
      'SELECT xmin::text AS tx FROM organisation WHERE id = $1',
      [w.orgA],
    );
    expect(entries[0]?.tx).toBe(row?.tx);
  });

  it('reaches no other organisation: B’s level is unchanged and unreadable from A', async () => {
    // No argument names an organisation; one that tries is refused by the schema.
    const named = await w.adminA.client.request(
      'mutation($o: ID!) { setOverlapAlertLevel(level: possible, organisationId: $o) { id } }',
      { o: w.orgB },
    );
    expect(codeOf(named)).toBe('GRAPHQL_VALIDATION_FAILED');
    for (const p of [w.adminA, w.coordinator1]) {
      const r = await p.client.request<{ organisation: { overlapAlertLevel: string | null } }>(
        READ,
        { o: w.orgB },
      );
      expect(r.data?.organisation?.overlapAlertLevel ?? null).toBeNull();
    }
    expect(await levelOf(w.orgB)).toBe('probable');
    expect(await levelOf(w.orgA2)).toBe('probable');
  });
});

describe('overlap alert levels: each side by its own level', () => {
  it('an organisation at "possible" hears of possible overlaps; the other side, at the default, does not', async () => {
    expect([await levelOf(w.orgA), await levelOf(w.orgA2)]).toEqual(['possible', 'probable']);
    const mine = await caseOf(w.orgA, [print('name.glued', 'g3')]);
    const theirs = await caseOf(w.orgA2, [print('name.glued', 'g3')]);
    await matching.matchCases([mine]);
    const o = await overlapOf(mine, theirs);
    expect(o.strength).toBe('possible');
    expect(await alertsOf(o.id)).toEqual([[w.orgA, 'overlap.new', mine]]);
  });

  it('an organisation at "strong" is told only when an overlap becomes strong', async () => {
    const set = await setLevel(w.adminA2, 'strong');
    expect(set.errors).toBeUndefined();
    const mine = await caseOf(w.orgA, [print('phone', 'p4'), print('name.glued', 'g4')]);
    const theirs = await caseOf(w.orgA2, [print('phone', 'p4')]);
    await matching.matchCases([theirs]);
    const o = await overlapOf(mine, theirs);
    expect(o.strength).toBe('probable');
    expect(await alertsOf(o.id)).toEqual([[w.orgA, 'overlap.new', mine]]);

    await refingerprint(theirs, [print('phone', 'p4'), print('name.glued', 'g4')]);
    await matching.matchCases([theirs]);
    expect((await overlapOf(mine, theirs)).strength).toBe('strong');
    expect(await alertsOf(o.id)).toEqual([
      [w.orgA, 'overlap.new', mine],
      [w.orgA2, 'overlap.upgraded', theirs],
    ]);
  });
});
