import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractKeys, fingerprintPersons, type FtmPerson } from '@parallax/fingerprint';
import { HubSession, hubEvaluator, MemoryPinStore, registerCases, startKeyEpoch, unlockGroupKey } from '@parallax/hub-client';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppProcess, type AppProcess } from '@parallax/test-support';
import { demoLogins, freshTotp } from '../support/demo-logins.js';

/**
 * The security floor, tested as an auditor would: cases registered through
 * the real client code carry unique canary identifiers; afterwards, no
 * canary — nor any normalised form or plaintext key of it — appears in the
 * database (every table, every schema, and the raw cluster files) or in
 * anything the server printed.
 */
const CANARY_NAME = 'Zqxvorth Canarybird';
const CANARY_NAME_AR = 'زقسفورث كناريبيرد';
const CANARY_PASSPORT = 'CNRY7741920';
const CANARY_PHONE = '+380 44 555 0199';
const CANARY_EMAIL = 'zqxvorth.canary@example.org';
const CANARY_HANDLE = 'zqxvorth_canary';

const persons: FtmPerson[] = [
  {
    id: 'canary-1',
    schema: 'Person',
    properties: {
      name: [CANARY_NAME],
      alias: [CANARY_NAME_AR],
      birthDate: ['1967-11-23'],
      passportNumber: [CANARY_PASSPORT],
      phone: [CANARY_PHONE],
      email: [CANARY_EMAIL],
    },
    identifiers: [{ type: 'telegram', value: `@${CANARY_HANDLE}` }],
  },
];

let dataDir: string;
let app: AppProcess;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'parallax-canary-'));
  app = await startAppProcess({ dataDir, args: ['--demo'], env: { LOG_LEVEL: 'trace' } });
}, 240_000);
afterAll(async () => {
  await app?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

async function signIn(email: string) {
  const login = demoLogins(dataDir).get(email);
  if (!login) throw new Error(`no demo login for ${email}`);
  const session = new HubSession(app.url);
  const me = await session.login(login.email, login.password, await freshTotp(login.totpSecret));
  return { session, me };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('no plaintext on the server', () => {
  it('stores, logs and prints no canary identifier, in any form', async () => {
    const coordinator = await signIn('coordinator@demo.parallax.test');
    const [{ id: wg }] = (await coordinator.session.request<{ workingGroups: Array<{ id: string }> }>('{ workingGroups { id } }')).workingGroups as [{ id: string }];
    await startKeyEpoch(coordinator.session.request, wg, coordinator.me, { pins: new MemoryPinStore() });

    for (const email of ['investigator@ddc.demo.parallax.test', 'investigator@dja.demo.parallax.test']) {
      const { session, me } = await signIn(email);
      const key = await unlockGroupKey(session.request, wg, me, { pins: new MemoryPinStore() });
      if (!key) throw new Error('no group key');
      const records = await fingerprintPersons(persons, { groupKey: key.groupKey, evaluator: hubEvaluator(session.request, wg, key.epoch) });
      await registerCases(session.request, wg, key.epoch, [
        { idempotencyKey: `canary-${me.userId}`, reference: 'CAN-001', status: 'active', situationTags: ['syria'], crimeTags: ['torture'], fingerprints: records[0]?.fingerprints ?? [] },
      ]);
    }
    // Let matching run, so overlaps, notifications and jobs are in the dump too.
    const { session } = await signIn('investigator@ddc.demo.parallax.test');
    for (let i = 0; i < 50; i++) {
      const { overlaps } = await session.request<{ overlaps: { totalCount: number } }>('{ overlaps { totalCount } }');
      if (overlaps.totalCount > 0) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect((await session.request<{ overlaps: { totalCount: number } }>('{ overlaps { totalCount } }')).overlaps.totalCount).toBe(1);

    // Every form a canary could take: as typed, case-folded, and every
    // normalised key the client derived from it (which never leave the client).
    const keyValues = persons.flatMap((p) => extractKeys(p)).map((k) => k.value);
    const needles = [CANARY_NAME, CANARY_NAME_AR, CANARY_PASSPORT, CANARY_PHONE, CANARY_EMAIL, CANARY_HANDLE, 'zqxvorth', 'canarybird', 'Zqxvorth', 'CNRY7741920', '380445550199', ...keyValues]
      .flatMap((n) => [n, n.toLowerCase(), n.toUpperCase()])
      .filter((n) => n.length >= 6);
    expect(keyValues.length).toBeGreaterThan(5);

    const client = new pg.Client({ connectionString: app.databaseUrl() });
    await client.connect();
    let dump = '';
    try {
      await client.query('CHECKPOINT');
      const tables = (await client.query(
        `SELECT table_schema, table_name FROM information_schema.tables
         WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
      )).rows as Array<{ table_schema: string; table_name: string }>;
      expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(['tracking_case', 'case_fingerprint', 'audit_log', 'job']));
      for (const t of tables) {
        const rows = await client.query(`SELECT t::text AS row FROM "${t.table_schema}"."${t.table_name}" t`);
        dump += rows.rows.map((r: { row: string }) => r.row).join('\n');
      }
    } finally {
      await client.end();
    }
    expect(dump).toContain('CAN-001'); // the dump is real: it holds the case's own label
    const rawFiles = filesUnder(join(dataDir, 'postgres')).map((f) => readFileSync(f).toString('latin1'));
    const rawUtf8 = filesUnder(join(dataDir, 'postgres')).map((f) => readFileSync(f).toString('utf8'));
    const output = app.output();
    expect(output.length).toBeGreaterThan(1000); // trace logging was on
    for (const needle of needles) {
      expect(dump.includes(needle), `database holds "${needle}"`).toBe(false);
      expect(output.includes(needle), `server output holds "${needle}"`).toBe(false);
      expect(rawFiles.some((f) => f.includes(needle)) || rawUtf8.some((f) => f.includes(needle)), `cluster files hold "${needle}"`).toBe(false);
    }
  });
});
