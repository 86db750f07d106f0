import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fingerprintPersons, type FtmPerson } from '@parallax/fingerprint';
import { HubSession, hubEvaluator, MemoryPinStore, registerCases, startKeyEpoch, unlockGroupKey, type CaseUpload } from '@parallax/hub-client';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppProcess, type AppProcess } from '@parallax/test-support';
import { demoLogins, freshTotp } from '../support/demo-logins.js';

const N = 400;
const GIVEN = ['Ahmad', 'Olena', 'Karim', 'Iryna', 'Samir', 'Taras', 'Layla', 'Bohdan', 'Nour', 'Dmytro'];
const FAMILY = ['Haddad', 'Shevchenko', 'Khalil', 'Bondarenko', 'Mansour', 'Kovalchuk', 'Darwish', 'Melnyk'];

function people(): FtmPerson[] {
  return Array.from({ length: N }, (_, i) => ({
    id: `crash-${i}`,
    schema: 'Person',
    properties: {
      name: [`${GIVEN[i % GIVEN.length]} ${FAMILY[(i * 7) % FAMILY.length]} ${String.fromCharCode(65 + (i % 26))}${i}`],
      birthDate: [`${1950 + (i % 40)}-0${1 + (i % 9)}-1${i % 9}`],
    },
  }));
}

let dataDir: string;
let app: AppProcess | undefined;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'parallax-crash-'));
});
afterAll(async () => {
  await app?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

async function signIn(url: string, email: string) {
  const login = demoLogins(dataDir).get(email);
  if (!login) throw new Error(`no demo login for ${email}`);
  const session = new HubSession(url);
  return { session, me: await session.login(login.email, login.password, await freshTotp(login.totpSecret)) };
}

async function consistency(url: string): Promise<{ cases: number; halfRegistered: number; duplicates: number }> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query(
      `SELECT count(*)::int AS cases,
              count(*) FILTER (WHERE fingerprint_count <> (SELECT count(*) FROM case_fingerprint f WHERE f.case_id = t.id))::int AS "halfRegistered",
              (count(*) - count(DISTINCT idempotency_key))::int AS duplicates
       FROM tracking_case t`,
    );
    return rows[0];
  } finally {
    await c.end();
  }
}

describe('a bulk upload cut off by a crash', () => {
  it('leaves whole cases only, and the retried upload registers each case once', async () => {
    app = await startAppProcess({ dataDir, args: ['--demo'], env: { OPRF_BUDGET_BASE: '100000', OPRF_USER_BUDGET_BASE: '100000' } });
    const coordinator = await signIn(app.url, 'coordinator@demo.parallax.test');
    const { workingGroups } = await coordinator.session.request<{ workingGroups: Array<{ id: string }> }>('{ workingGroups { id } }');
    const wg = workingGroups[0]?.id ?? '';
    // The coordinator's own keys are the first root; the demo's certificates vouch for the members.
    await startKeyEpoch(coordinator.session.request, wg, coordinator.me, { pins: new MemoryPinStore() });

    const investigator = await signIn(app.url, 'investigator@ddc.demo.parallax.test');
    const key = await unlockGroupKey(investigator.session.request, wg, investigator.me, { pins: new MemoryPinStore() });
    if (!key) throw new Error('no group key');
    const records = await fingerprintPersons(people(), { groupKey: key.groupKey, evaluator: hubEvaluator(investigator.session.request, wg, key.epoch) });
    const uploads: CaseUpload[] = records.map((r, i) => ({
      idempotencyKey: `crash-upload-${i}`,
      reference: `CR-${i}`,
      status: 'active',
      situationTags: [],
      crimeTags: [],
      fingerprints: r.fingerprints,
    }));

    // Kill the hub (SIGKILL: no graceful anything) once part of the batch is in.
    const dbUrl = app.databaseUrl();
    const upload = registerCases(investigator.session.request, wg, key.epoch, uploads).then(
      () => 'finished' as const,
      () => 'cut off' as const,
    );
    const watcher = new pg.Client({ connectionString: dbUrl });
    await watcher.connect();
    // Up to 60 s: on a loaded CI machine the first 40 registrations took longer than 15 s.
    for (let i = 0; i < 2400; i++) {
      const { rows } = await watcher.query('SELECT count(*)::int AS n FROM tracking_case');
      if (rows[0].n >= 40) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    await watcher.end().catch(() => undefined);
    app.child.kill('SIGKILL');
    expect(await upload).toBe('cut off');

    app = await startAppProcess({ dataDir, env: { OPRF_BUDGET_BASE: '100000', OPRF_USER_BUDGET_BASE: '100000' } });
    const after = await consistency(app.databaseUrl());
    expect(after.cases).toBeGreaterThanOrEqual(40);
    expect(after.cases).toBeLessThan(N);
    expect(after.halfRegistered).toBe(0);

    const again = await signIn(app.url, 'investigator@ddc.demo.parallax.test');
    const result = await registerCases(again.session.request, wg, key.epoch, uploads);
    expect(result).toHaveLength(N);
    expect(result.filter((r) => !r.created)).toHaveLength(after.cases);
    const final = await consistency(app.databaseUrl());
    expect(final).toEqual({ cases: N, halfRegistered: 0, duplicates: 0 });
  }, 180_000);
});
