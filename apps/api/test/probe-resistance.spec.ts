/*
 * Issue 9, items 2, 4 and 11: a member cannot cheaply learn whom others
 * track. Each attack drives the real API on PostgreSQL with the real client
 * library (docs/probe-resistance.md says what each limit bounds).
 */
import { randomBytes } from 'node:crypto';
import {
  ALWAYS_PRESENT_NAME_KINDS,
  FINGERPRINT_SIZE_CLASSES,
  MAX_FINGERPRINTS_PER_CASE,
} from '@parallax/domain';
import {
  FINGERPRINT_SCHEMA_VERSION,
  fingerprintPersons,
  type Fingerprint,
  type FtmPerson,
} from '@parallax/fingerprint';
import {
  assertNameLimits,
  earlierGroupKeys,
  hubEvaluator,
  importPersons,
  padFingerprints,
  unlockGroupKey,
} from '@parallax/hub-client';
import { scorePair, type SharedFingerprint } from '@parallax/matching';
import { DataSource } from 'typeorm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  devicePins,
  eventually,
  hubRequest,
  keysOf,
  openEpoch,
  registerPersons,
} from './support/hub.js';
import { useTestApp } from './support/test-app.js';
import { buildWorld, type Person, type World } from './support/world.js';

const t = useTestApp();
let w: World;
let db: DataSource;
beforeAll(async () => {
  w = await buildWorld(t, { withCases: false });
  db = t.app.get(DataSource);
}, 180_000);

const LATIN: FtmPerson = {
  id: 'pr-l',
  schema: 'Person',
  properties: { name: ['Mohammed Mahmoud ABU TAIR'], birthDate: ['1951'] },
};
const ARABIC: FtmPerson = {
  id: 'pr-a',
  schema: 'Person',
  properties: { name: ['محمد محمود أبو طير'], birthDate: ['1951'] },
};
const UNRELATED: FtmPerson = {
  id: 'pr-u',
  schema: 'Person',
  properties: { name: ['Olena Kovalenko'], birthDate: ['1988-05-05'] },
};

const REGISTER =
  'mutation($w: ID!, $c: [CaseInput!]!) { registerCases(workingGroupId: $w, cases: $c) { caseId created } }';
const UPDATE = `mutation($id: ID!, $e: Int!, $f: [FingerprintInput!]!) { updateCase(caseId: $id, input: { epoch: $e, schemaVersion: "${FINGERPRINT_SCHEMA_VERSION}", fingerprints: $f }) { id } }`;

const fakeFp = (): string => randomBytes(32).toString('base64url');
const fakeSet = (kind: string, n: number): Fingerprint[] =>
  Array.from({ length: n }, () => ({ kind, fp: fakeFp() }));
/** `n` fake name pairs with the name kinds every case with a name carries (four dummies each). */
const fakeNames = (n: number): Fingerprint[] => [
  ...fakeSet('name.pair', n),
  ...ALWAYS_PRESENT_NAME_KINDS.filter((k) => k !== 'name.pair').flatMap((k) => fakeSet(k, 4)),
];
const caseInput = (key: string, epoch: number, fingerprints: readonly Fingerprint[]) => ({
  idempotencyKey: key,
  reference: `REF-${key}`,
  status: 'active',
  situationTags: [],
  crimeTags: [],
  epoch,
  schemaVersion: FINGERPRINT_SCHEMA_VERSION,
  fingerprints,
});

async function epochOf(wg: string): Promise<number> {
  const [row] = await db.query(
    'SELECT epoch FROM working_group_epoch WHERE working_group_id = $1 AND retired_at IS NULL',
    [wg],
  );
  return row.epoch as number;
}

async function casesOf(org: string, wg: string): Promise<Array<{ id: string; epoch: number }>> {
  return db.query(
    'SELECT id, epoch FROM tracking_case WHERE organisation_id = $1 AND working_group_id = $2 AND withdrawn_at IS NULL',
    [org, wg],
  );
}

/** The real client's fingerprints of one person, unpadded, under the caller's current key. */
async function fingerprintsOf(
  p: Person,
  wg: string,
  person: FtmPerson,
): Promise<{ epoch: number; fingerprints: Fingerprint[] }> {
  const req = hubRequest(p.client);
  const key = await unlockGroupKey(req, wg, await keysOf(t, p), { pins: devicePins });
  if (!key) throw new Error('no key');
  const [rec] = await fingerprintPersons([person], {
    groupKey: key.groupKey,
    evaluator: hubEvaluator(req, wg, key.epoch),
  });
  return { epoch: key.epoch, fingerprints: [...(rec?.fingerprints ?? [])] };
}

interface Notice {
  kind: string;
  payload: Record<string, unknown>;
}
const noticesOf = async (p: Person, kind: string): Promise<Notice[]> =>
  (
    await p.client.ok<{ notifications: Notice[] }>('{ notifications(limit: 200) { kind payload } }')
  ).notifications.filter((n) => n.kind === kind);

describe('a case describes one person (item 2)', () => {
  it('the client refuses 990 candidate names as one case before any evaluation (CASE_TOO_MANY_NAMES)', () => {
    const candidates: FtmPerson = {
      id: 'dictionary',
      properties: {
        name: ['Candidate Zero'],
        alias: Array.from({ length: 989 }, (_, i) => `Candidate${i} Family${i}`),
      },
    };
    expect(() => assertNameLimits(candidates)).toThrow(
      expect.objectContaining({ code: 'CASE_TOO_MANY_NAMES' }),
    );
    // A genuine person with a dozen names passes.
    expect(() =>
      assertNameLimits({
        id: 'ok',
        properties: {
          name: ['Ismail Haniya'],
          alias: Array.from({ length: 11 }, (_, i) => `Ismail Haniyya${i}`),
        },
      }),
    ).not.toThrow();
  });

  it('the hub refuses the 1,980-fingerprint dictionary case a modified client would send, and registers nothing', async () => {
    const epoch = await epochOf(w.wg1);
    const before = (await casesOf(w.orgA, w.wg1)).length;
    // What 990 two-word names with one guessed birth year yield: a pair and a pair+year each.
    const dictionary = [...fakeSet('name.pair', 990), ...fakeSet('name.pair+yob', 990)];
    const r = await w.investigatorA.client.request(REGISTER, {
      w: w.wg1,
      c: [caseInput('dict-0001', epoch, dictionary)],
    });
    expect(r.errors?.[0]?.extensions?.code, JSON.stringify(r.errors)).toBe(
      'CASE_TOO_MANY_FINGERPRINTS',
    );
    // Padded to a size class but over the per-kind cap: refused too.
    const padded = await w.investigatorA.client.request(REGISTER, {
      w: w.wg1,
      c: [caseInput('dict-0002', epoch, fakeSet('name.pair', 256))],
    });
    expect(padded.errors?.[0]?.extensions?.code).toBe('CASE_TOO_MANY_FINGERPRINTS');
    // Within the per-kind caps but over the total.
    const kinds = Array.from({ length: 5 }, (_, i) => fakeSet(`name.k${i}`, 128)).flat();
    expect(kinds.length).toBeGreaterThan(MAX_FINGERPRINTS_PER_CASE);
    const total = await w.investigatorA.client.request(REGISTER, {
      w: w.wg1,
      c: [caseInput('dict-0003', epoch, kinds)],
    });
    expect(total.errors?.[0]?.extensions?.code).toBe('CASE_TOO_MANY_FINGERPRINTS');
    expect((await casesOf(w.orgA, w.wg1)).length).toBe(before);
  });
});

describe('padding and bands (item 11)', () => {
  it('refuses a set whose per-kind counts are not a size class, on registration and on update', async () => {
    const epoch = await epochOf(w.wg1);
    const r = await w.investigatorA.client.request(REGISTER, {
      w: w.wg1,
      c: [caseInput('unpadded-1', epoch, fakeSet('name.pair', 3))],
    });
    expect(r.errors?.[0]?.extensions?.code).toBe('CASE_FINGERPRINTS_NOT_PADDED');
    // Repeating a fingerprint does not fake the padding (counted after deduplication).
    const one = fakeSet('phone', 1)[0] as Fingerprint;
    const dup = await w.investigatorA.client.request(REGISTER, {
      w: w.wg1,
      c: [caseInput('unpadded-2', epoch, [one, one, one, one])],
    });
    expect(dup.errors?.[0]?.extensions?.code).toBe('CASE_FINGERPRINTS_NOT_PADDED');
    const ok = await w.investigatorA.client.ok<{ registerCases: Array<{ caseId: string }> }>(
      REGISTER,
      { w: w.wg1, c: [caseInput('padded-1', epoch, fakeNames(4))] },
    );
    const id = ok.registerCases[0]?.caseId;
    const upd = await w.investigatorA.client.request(UPDATE, {
      id,
      e: epoch,
      f: fakeNames(5),
    });
    expect(upd.errors?.[0]?.extensions?.code).toBe('CASE_FINGERPRINTS_NOT_PADDED');
    await w.investigatorA.client.ok('mutation($id: ID!) { withdrawCase(caseId: $id) { id } }', {
      id,
    });
  });

  it('the real client pads every kind to a size class; the hub stores nothing that tells the real count', async () => {
    const [caseId] = await registerPersons(t, w.investigatorA2, w.wg1, [UNRELATED], () => 'PAD-1');
    const rows = (await db.query(
      'SELECT kind, count(*)::int AS n FROM case_fingerprint WHERE case_id = $1 GROUP BY kind',
      [caseId],
    )) as Array<{ kind: string; n: number }>;
    const { fingerprints } = await fingerprintsOf(w.investigatorA2, w.wg1, UNRELATED);
    const real = new Map<string, number>();
    for (const f of fingerprints) real.set(f.kind, (real.get(f.kind) ?? 0) + 1);
    // The real kinds, and the always-present name kinds (dummies where the person has none).
    expect(new Set(rows.map((r) => r.kind))).toEqual(
      new Set([...real.keys(), ...ALWAYS_PRESENT_NAME_KINDS]),
    );
    for (const r of rows) {
      expect(FINGERPRINT_SIZE_CLASSES).toContain(r.n);
      expect(r.n).toBeGreaterThanOrEqual(real.get(r.kind) ?? 0);
    }
    const [c] = await db.query('SELECT fingerprint_count FROM tracking_case WHERE id = $1', [
      caseId,
    ]);
    expect(c.fingerprint_count).toBe(rows.reduce((n, r) => n + r.n, 0));
  });

  it('padding changes no score, and members see a band, never the raw score', async () => {
    const [mine] = await registerPersons(t, w.investigatorA, w.wg1, [LATIN], () => 'BAND-A');
    const [theirs] = await registerPersons(t, w.investigatorA2, w.wg1, [ARABIC], () => 'BAND-A2');
    const [overlap] = await eventually(
      () =>
        db.query(
          'SELECT score, strength FROM overlap WHERE (case_a = $1 AND case_b = $2) OR (case_a = $2 AND case_b = $1)',
          [mine, theirs],
        ) as Promise<Array<{ score: number; strength: string }>>,
      (rows) => rows.length > 0,
    );
    // The same pair scored on the unpadded sets: equal (the shared fingerprints are unchanged, and
    // the only kinds padding adds are the always-present ones, whose presence the scorer ignores).
    const a = (await fingerprintsOf(w.investigatorA, w.wg1, LATIN)).fingerprints;
    const b = (await fingerprintsOf(w.investigatorA2, w.wg1, ARABIC)).fingerprints;
    const kindInB = new Map(b.map((f) => [f.fp, f.kind]));
    const shared: SharedFingerprint[] = a
      .filter((f) => kindInB.has(f.fp))
      .map((f) => ({ kind: f.kind, otherKind: kindInB.get(f.fp), fp: f.fp, frequency: 2 }));
    const unpadded = scorePair(shared, {
      leftKinds: new Set(a.map((f) => f.kind)),
      rightKinds: new Set(b.map((f) => f.kind)),
    });
    expect(overlap?.strength).toBe(unpadded.strength);
    expect(overlap?.score).toBeCloseTo(unpadded.score, 5);

    const view = await w.investigatorA.client.ok<{ overlaps: { nodes: Array<{ strength: string }> } }>(
      '{ overlaps { nodes { strength } } }',
    );
    expect(['strong', 'probable', 'possible']).toContain(view.overlaps.nodes[0]?.strength);
    const raw = await w.investigatorA.client.request('{ overlaps { nodes { score } } }');
    expect(raw.errors?.[0]?.message).toMatch(/score/);
  });
});

describe('no silent retraction, and coordinators hear of probing (item 2)', () => {
  it('ten updateCase rounds of binary search each leave a dated record and a notification for the victim; coordinators are alerted', async () => {
    const [victim] = await registerPersons(t, w.investigatorA, w.wg1, [LATIN], () => 'VICTIM-1');
    const [probe] = await registerPersons(t, w.investigatorA2, w.wg1, [ARABIC], () => 'PROBE-1');
    const overlapId = (
      await eventually(
        () =>
          db.query('SELECT id FROM overlap WHERE case_a = $1 OR case_b = $1', [probe]) as Promise<
            Array<{ id: string }>
          >,
        (rows) => rows.some(Boolean),
      )
    )[0]?.id;
    expect(overlapId).toBeTruthy();
    const hit = await fingerprintsOf(w.investigatorA2, w.wg1, ARABIC);
    const miss = await fingerprintsOf(w.investigatorA2, w.wg1, UNRELATED);
    const seen = new Set<string>();
    for (let round = 1; round <= 10; round++) {
      // Binary search: alternately a half that still matches and one that does not.
      const set = round % 2 === 1 ? miss : hit;
      await w.investigatorA2.client.ok(UPDATE, {
        id: probe,
        e: set.epoch,
        f: padFingerprints(set.fingerprints),
      });
      const notices = await noticesOf(w.investigatorA, 'overlap.counterpart_changed');
      expect(notices.filter((n) => n.payload['overlapId'] === overlapId)).toHaveLength(round);
      const list = await w.investigatorA.client.ok<{
        overlaps: { nodes: Array<{ id: string; counterpartChange: { kind: string; at: string } | null }> };
      }>('{ overlaps { nodes { id counterpartChange { kind at } } } }');
      // Listed even while retracted, with the change and its date.
      const o = list.overlaps.nodes.find((x) => x.id === overlapId);
      expect(o?.counterpartChange?.kind).toBe('changed');
      seen.add(o?.counterpartChange?.at ?? '');
    }
    expect(seen.size).toBe(10);
    // The victim's notification names its own case only.
    const last = (await noticesOf(w.investigatorA, 'overlap.counterpart_changed')).at(-1);
    expect(
      JSON.stringify(await noticesOf(w.investigatorA, 'overlap.counterpart_changed')),
    ).not.toContain('PROBE-1');
    expect(last?.payload['caseId'] ?? victim).toBe(victim);
    const alerts = await noticesOf(w.coordinator1, 'cases.unusual_changes');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.payload).toMatchObject({
      organisationId: w.orgA2,
      reasons: expect.arrayContaining(['case_changes']),
    });
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'cases.unusual_changes'`,
    );
    expect(n).toBe(1);

    // A withdrawal is never silent either.
    await w.investigatorA2.client.ok('mutation($id: ID!) { withdrawCase(caseId: $id) { id } }', {
      id: probe,
    });
    const afterWithdraw = await w.investigatorA.client.ok<{
      overlaps: { nodes: Array<{ id: string; counterpartChange: { kind: string } | null }> };
    }>('{ overlaps { nodes { id counterpartChange { kind } } } }');
    expect(afterWithdraw.overlaps.nodes.find((x) => x.id === overlapId)?.counterpartChange?.kind).toBe(
      'withdrawn',
    );
  });
});

describe('an organisation removed from a group (item 4)', () => {
  it('has its cases frozen, receives no new overlap alerts, and the coordinators are told to rotate', async () => {
    // At "possible", any overlap would alert B2 (issue 13: the default, probable, could make "no alert" vacuous).
    await db.query(`UPDATE organisation SET overlap_alert_level = 'possible' WHERE id = ANY($1::uuid[])`, [[w.orgB, w.orgB2]]);
    const [theirs] = await registerPersons(t, w.investigatorB2, w.wg2, [LATIN], () => 'LEAVER-1');
    const [mine] = await registerPersons(t, w.investigatorB, w.wg2, [ARABIC], () => 'STAYER-1');
    await eventually(
      () =>
        db.query('SELECT id FROM overlap WHERE case_a = $1 OR case_b = $1', [mine]) as Promise<
          unknown[]
        >,
      (rows) => rows.length > 0,
    );
    const before = (await noticesOf(w.investigatorB2, 'overlap.new')).length;
    const removed = await w.coordinator2.client.request(
      'mutation($w: ID!, $o: ID!) { removeOrganisationFromWorkingGroup(workingGroupId: $w, organisationId: $o) { status } }',
      { w: w.wg2, o: w.orgB2 },
    );
    expect(removed.errors, JSON.stringify(removed.errors)).toBeUndefined();
    const [frozen] = await db.query('SELECT frozen_at FROM tracking_case WHERE id = $1', [theirs]);
    expect(frozen.frozen_at).not.toBeNull();
    const rotate = await noticesOf(w.coordinator2, 'keys.rotation_recommended');
    expect(rotate[0]?.payload).toMatchObject({ organisationId: w.orgB2, frozenCases: 1 });
    const stayerView = await w.investigatorB.client.ok<{
      overlaps: { nodes: Array<{ myCase: { id: string }; counterpartChange: { kind: string } | null }> };
    }>('{ overlaps { nodes { myCase { id } counterpartChange { kind } } } }');
    expect(stayerView.overlaps.nodes.find((o) => o.myCase.id === mine)?.counterpartChange?.kind).toBe(
      'left',
    );

    // A new case of a remaining member that matches the leaver's case alerts no one.
    await registerPersons(t, w.investigatorB, w.wg2, [{ ...LATIN, id: 'pr-l2' }], () => 'STAYER-2');
    await new Promise((r) => setTimeout(r, 1500));
    expect((await noticesOf(w.investigatorB2, 'overlap.new')).length).toBe(before);
    const [{ n }] = await db.query(
      'SELECT count(*)::int AS n FROM overlap WHERE (case_a = $1 OR case_b = $1) AND retracted_at IS NULL',
      [theirs],
    );
    expect(n).toBeLessThanOrEqual(1);
    // Frozen: no updates (the leaver is no longer a member, so the case is not even found for fingerprinting).
    const upd = await w.investigatorB2.client.request(UPDATE, {
      id: theirs,
      e: await epochOf(w.wg2),
      f: fakeNames(4),
    });
    expect(['CASE_FROZEN', 'FORBIDDEN', 'NOT_FOUND']).toContain(upd.errors?.[0]?.extensions?.code);
    const view = await w.investigatorB2.client.ok<{ case: { frozenAt: string | null } }>(
      'query($id: ID!) { case(id: $id) { frozenAt } }',
      { id: theirs },
    );
    expect(view.case.frozenAt).not.toBeNull();
  });
});

describe('re-import after a key rotation (item 4)', () => {
  const persons: FtmPerson[] = Array.from({ length: 6 }, (_, i) => ({
    id: `rec-${i}`,
    schema: 'Person',
    properties: {
      name: [`Yaroslav${'abcdef'[i]} Melnyk${'uvwxyz'[i]}`],
      birthDate: [`19${60 + i}`],
    },
  }));
  const fields = { status: 'active', situationTags: ['ukraine'], crimeTags: ['torture'] } as const;

  it('registers N cases at epoch 1, then re-fingerprints the same N in place at epoch 2 (CLI and web share runImport)', async () => {
    const req = hubRequest(w.investigatorA.client);
    const me = await keysOf(t, w.investigatorA);
    const k1 = await unlockGroupKey(req, w.wg1, me, { pins: devicePins });
    if (!k1) throw new Error('no key');
    const first = await importPersons(persons, {
      request: req,
      workingGroupId: w.wg1,
      epoch: k1.epoch,
      groupKey: k1.groupKey,
      fields,
    });
    expect(first.created).toBe(persons.length);
    const before = (await casesOf(w.orgA, w.wg1)).length;

    // The coordinator rotates (e.g. after a removal); org A's verified holders get the new key.
    const { epoch: e2 } = await openEpoch(t, w.coordinator1, w.wg1);
    expect(e2).toBe(k1.epoch + 1);
    const k2 = await unlockGroupKey(req, w.wg1, me, { pins: devicePins });
    if (!k2) throw new Error('no new key');

    // What the CLI (fingerprint --hub) and the web import do: open the caller's copies of the earlier keys.
    const earlier = await earlierGroupKeys(req, w.wg1, me);
    expect(earlier.map((k) => k.epoch)).toContain(k1.epoch);
    expect(
      Buffer.from(earlier.find((k) => k.epoch === k1.epoch)?.groupKey ?? []).equals(
        Buffer.from(k1.groupKey),
      ),
    ).toBe(true);
    const again = await importPersons(persons, {
      request: req,
      workingGroupId: w.wg1,
      epoch: k2.epoch,
      groupKey: k2.groupKey,
      earlierGroupKeys: earlier,
      fields,
    });
    expect(again.created).toBe(0);
    expect(again.existing).toBe(persons.length);
    const after = await casesOf(w.orgA, w.wg1);
    expect(after.length).toBe(before);
    const imported = new Set(first.records.map((r) => r.caseId));
    expect(again.records.map((r) => r.caseId).sort()).toEqual([...imported].sort());
    expect(after.filter((c) => imported.has(c.id)).every((c) => c.epoch === e2)).toBe(true);
    // Run once more: nothing changes (idempotent at the new epoch).
    const third = await importPersons(persons, {
      request: req,
      workingGroupId: w.wg1,
      epoch: k2.epoch,
      groupKey: k2.groupKey,
      fields,
    });
    expect(third.created).toBe(0);
    expect((await casesOf(w.orgA, w.wg1)).length).toBe(before);
  });

  it('recognises records by their own reference across a rotation, without earlier keys', async () => {
    const req = hubRequest(w.investigatorA.client);
    const me = await keysOf(t, w.investigatorA);
    const own = persons.map((p) => ({ ...p, id: `own-${p.id}` }));
    const reference = (p: FtmPerson) => `CASE-${p.id}`;
    const k = await unlockGroupKey(req, w.wg1, me, { pins: devicePins });
    if (!k) throw new Error('no key');
    await importPersons(own, {
      request: req,
      workingGroupId: w.wg1,
      epoch: k.epoch,
      groupKey: k.groupKey,
      fields,
      reference,
    });
    const before = (await casesOf(w.orgA, w.wg1)).length;
    await openEpoch(t, w.coordinator1, w.wg1);
    const k2 = await unlockGroupKey(req, w.wg1, me, { pins: devicePins });
    if (!k2) throw new Error('no new key');
    const again = await importPersons(own, {
      request: req,
      workingGroupId: w.wg1,
      epoch: k2.epoch,
      groupKey: k2.groupKey,
      fields,
      reference,
    });
    expect(again.created).toBe(0);
    expect((await casesOf(w.orgA, w.wg1)).length).toBe(before);
  });
});
