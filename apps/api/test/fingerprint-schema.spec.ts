/*
 * Issue 13: every fingerprint of a key epoch follows one fingerprint schema
 * version. A group keyed under older rules refuses fingerprints of the new
 * ones (FINGERPRINT_SCHEMA_MISMATCH, nothing stored) until a coordinator
 * rotates its keys: the new epoch takes the hub's rules, and registration
 * and re-import work again. A case with name fingerprints always carries the
 * always-present name kinds (padding), or it is refused.
 */
import { randomBytes } from 'node:crypto';
import { ALWAYS_PRESENT_NAME_KINDS } from '@parallax/domain';
import { FINGERPRINT_SCHEMA_VERSION, type FtmPerson } from '@parallax/fingerprint';
import { groupKeyStatus, HubError } from '@parallax/hub-client';
import { DataSource } from 'typeorm';
import { beforeAll, describe, expect, it } from 'vitest';
import { hubRequest, openEpoch, registerPersons } from './support/hub.js';
import { useTestApp } from './support/test-app.js';
import { buildWorld, type World } from './support/world.js';

const t = useTestApp();
let w: World;
let db: DataSource;
beforeAll(async () => {
  w = await buildWorld(t, { withCases: false });
  db = t.app.get(DataSource);
}, 180_000);

/** The rules of a group keyed before the schema change (what the migration gives its epochs). */
const OLD_RULES = 'v1';

const PERSON: FtmPerson = {
  id: 'fs-1',
  schema: 'Person',
  properties: { name: ['Oleksandr Petrovych HONCHARENKO'], birthDate: ['1975-06-01'] },
};

const REGISTER =
  'mutation($w: ID!, $c: [CaseInput!]!) { registerCases(workingGroupId: $w, cases: $c) { caseId created } }';
const UPDATE =
  'mutation($id: ID!, $i: CaseUpdateInput!) { updateCase(caseId: $id, input: $i) { id epoch } }';

const fake = (kind: string, n = 4) =>
  Array.from({ length: n }, () => ({ kind, fp: randomBytes(32).toString('base64url') }));
/** A padded set of name fingerprints, as a client sends it (always-present kinds included). */
const names = () => [...fake('name.full'), ...ALWAYS_PRESENT_NAME_KINDS.flatMap((k) => fake(k))];
const caseInput = (
  key: string,
  epoch: number,
  schemaVersion: string,
  fingerprints = names(),
  reference = `FS-${key}`,
) => ({
  idempotencyKey: key,
  reference,
  status: 'active',
  situationTags: [],
  crimeTags: [],
  epoch,
  schemaVersion,
  fingerprints,
});

async function currentEpoch(wg: string): Promise<{ epoch: number; schema_version: string }> {
  const [row] = await db.query(
    'SELECT epoch, schema_version FROM working_group_epoch WHERE working_group_id = $1 AND retired_at IS NULL',
    [wg],
  );
  return row;
}

async function stored(): Promise<{ cases: number; fingerprints: number }> {
  const [row] = await db.query(
    `SELECT (SELECT count(*)::int FROM tracking_case) AS cases, (SELECT count(*)::int FROM case_fingerprint) AS fingerprints`,
  );
  return row;
}

describe('fingerprint schema version per key epoch', () => {
  it('a new epoch takes the hub’s rules; the key status and the server info say which', async () => {
    expect((await currentEpoch(w.wg1)).schema_version).toBe(FINGERPRINT_SCHEMA_VERSION);
    const status = await groupKeyStatus(hubRequest(w.investigatorA.client), w.wg1);
    expect(status.schemaVersion).toBe(FINGERPRINT_SCHEMA_VERSION);
    const info = await w.investigatorA.client.ok<{ serverInfo: { schemaVersion: string } }>(
      '{ serverInfo { schemaVersion } }',
    );
    expect(info.serverInfo.schemaVersion).toBe(FINGERPRINT_SCHEMA_VERSION);
  });

  describe('a group keyed under older rules', () => {
    let oldEpoch: number;
    let oldCase: string;

    beforeAll(async () => {
      expect(FINGERPRINT_SCHEMA_VERSION).not.toBe(OLD_RULES);
      // What the migration leaves for an epoch made before the change.
      await db.query(
        'UPDATE working_group_epoch SET schema_version = $2 WHERE working_group_id = $1 AND retired_at IS NULL',
        [w.wg1, OLD_RULES],
      );
      oldEpoch = (await currentEpoch(w.wg1)).epoch;
      // A case an old client registered under the old rules.
      const r = await w.investigatorA.client.ok<{ registerCases: Array<{ caseId: string }> }>(
        REGISTER,
        { w: w.wg1, c: [caseInput('fs-old-0001', oldEpoch, OLD_RULES, names(), 'FS-OLD-1')] },
      );
      oldCase = r.registerCases[0]?.caseId ?? '';
    });

    it('refuses a real client’s new-rules registration with FINGERPRINT_SCHEMA_MISMATCH, storing nothing', async () => {
      const status = await groupKeyStatus(hubRequest(w.investigatorA.client), w.wg1);
      expect(status.schemaVersion).toBe(OLD_RULES);
      const before = await stored();
      const refused = await registerPersons(t, w.investigatorA, w.wg1, [PERSON]).catch(
        (e: unknown) => e,
      );
      expect(refused).toBeInstanceOf(HubError);
      expect((refused as HubError).code).toBe('FINGERPRINT_SCHEMA_MISMATCH');
      expect((refused as HubError).message).toMatch(/rotates the group's keys/);
      expect(await stored()).toEqual(before);
    });

    it('refuses a whole batch with one case of other rules: not even the matching case is registered', async () => {
      const before = await stored();
      const r = await w.investigatorA.client.request(REGISTER, {
        w: w.wg1,
        c: [
          caseInput('fs-batch-0001', oldEpoch, OLD_RULES),
          caseInput('fs-batch-0002', oldEpoch, FINGERPRINT_SCHEMA_VERSION),
        ],
      });
      expect(r.errors?.[0]?.extensions?.code).toBe('FINGERPRINT_SCHEMA_MISMATCH');
      expect(await stored()).toEqual(before);
    });

    it('refuses re-fingerprinting a case under other rules, leaving its fingerprints as they were', async () => {
      const fps = () =>
        db.query('SELECT kind, fp FROM case_fingerprint WHERE case_id = $1 ORDER BY kind, fp', [
          oldCase,
        ]);
      const before = await fps();
      const r = await w.investigatorA.client.request(UPDATE, {
        id: oldCase,
        i: { epoch: oldEpoch, schemaVersion: FINGERPRINT_SCHEMA_VERSION, fingerprints: names() },
      });
      expect(r.errors?.[0]?.extensions?.code).toBe('FINGERPRINT_SCHEMA_MISMATCH');
      expect(await fps()).toEqual(before);
      // Fingerprints without a schema version are refused outright.
      const bare = await w.investigatorA.client.request(UPDATE, {
        id: oldCase,
        i: { epoch: oldEpoch, fingerprints: names() },
      });
      expect(bare.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(await fps()).toEqual(before);
    });

    it('after a rotation the new epoch uses the new rules: registration and re-import work, old rules are refused', async () => {
      const { epoch } = await openEpoch(t, w.coordinator1, w.wg1);
      expect(epoch).toBe(oldEpoch + 1);
      expect(await currentEpoch(w.wg1)).toEqual({
        epoch,
        schema_version: FINGERPRINT_SCHEMA_VERSION,
      });
      const status = await groupKeyStatus(hubRequest(w.investigatorA.client), w.wg1);
      expect(status).toMatchObject({ epoch, schemaVersion: FINGERPRINT_SCHEMA_VERSION });
      // The old epoch's case waits for re-fingerprinting (the existing flow).
      const view = await w.investigatorA.client.ok<{ case: { needsRefingerprint: boolean } }>(
        'query($id: ID!) { case(id: $id) { needsRefingerprint } }',
        { id: oldCase },
      );
      expect(view.case.needsRefingerprint).toBe(true);

      // Never two schemas in one epoch: the old rules are refused under the new key.
      const before = await stored();
      const old = await w.investigatorA.client.request(REGISTER, {
        w: w.wg1,
        c: [caseInput('fs-new-0001', epoch, OLD_RULES, names(), 'FS-OLD-1')],
      });
      expect(old.errors?.[0]?.extensions?.code).toBe('FINGERPRINT_SCHEMA_MISMATCH');
      expect(await stored()).toEqual(before);

      // The real client registers under the new rules.
      const [created] = await registerPersons(t, w.investigatorA, w.wg1, [PERSON]);
      const [row] = await db.query(
        'SELECT epoch, fingerprint_count FROM tracking_case WHERE id = $1',
        [created],
      );
      expect(row.epoch).toBe(epoch);
      expect(row.fingerprint_count).toBeGreaterThan(0);

      // Re-import of the old record (same reference) re-fingerprints its case in place.
      const again = await w.investigatorA.client.ok<{
        registerCases: Array<{ caseId: string; created: boolean }>;
      }>(REGISTER, {
        w: w.wg1,
        c: [caseInput('fs-new-0002', epoch, FINGERPRINT_SCHEMA_VERSION, names(), 'FS-OLD-1')],
      });
      expect(again.registerCases[0]).toEqual({ caseId: oldCase, created: false });
      const [moved] = await db.query('SELECT epoch FROM tracking_case WHERE id = $1', [oldCase]);
      expect(moved.epoch).toBe(epoch);
    });
  });
});

describe('always-present name kinds', () => {
  it.each(ALWAYS_PRESENT_NAME_KINDS)(
    'refuses a case with name fingerprints but no %s (CASE_FINGERPRINTS_NOT_PADDED), storing nothing',
    async (missing) => {
      const { epoch, schema_version } = await currentEpoch(w.wg2);
      const fingerprints = [
        ...fake('name.full'),
        ...ALWAYS_PRESENT_NAME_KINDS.filter((k) => k !== missing).flatMap((k) => fake(k)),
      ];
      const before = await stored();
      const r = await w.investigatorB.client.request(REGISTER, {
        w: w.wg2,
        c: [caseInput(`fs-pad-${missing.replace('.', '-')}`, epoch, schema_version, fingerprints)],
      });
      expect(r.errors?.[0]?.extensions?.code).toBe('CASE_FINGERPRINTS_NOT_PADDED');
      expect(await stored()).toEqual(before);
    },
  );

  it('accepts the same case with all of them, and a case of identifiers only without them', async () => {
    const { epoch, schema_version } = await currentEpoch(w.wg2);
    const r = await w.investigatorB.client.ok<{ registerCases: Array<{ created: boolean }> }>(
      REGISTER,
      {
        w: w.wg2,
        c: [
          caseInput('fs-pad-ok-0001', epoch, schema_version, names()),
          caseInput('fs-pad-ok-0002', epoch, schema_version, fake('id.passport')),
        ],
      },
    );
    expect(r.registerCases.map((c) => c.created)).toEqual([true, true]);
  });
});
