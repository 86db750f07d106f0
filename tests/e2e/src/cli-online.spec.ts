import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fingerprintPersons, type FtmPerson } from '@parallax/fingerprint';
import {
  MemoryPinStore,
  HubSession,
  hubEvaluator,
  registerCases,
  startKeyEpoch,
  unlockGroupKey,
} from '@parallax/hub-client';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, startAppProcess, type AppProcess } from '@parallax/test-support';
import { demoLogins, freshTotp } from '../support/demo-logins.js';

/**
 * `parallax fingerprint --hub` as an organisation runs it: the real CLI, a
 * child process, against the built hub. It signs in, unlocks the group key,
 * fingerprints through the hub's OPRF, registers the cases; another
 * organisation sees the overlap; running it again registers nothing twice;
 * record ids never reach the hub.
 */
const CLI = join(REPO_ROOT, 'apps/cli/bin/parallax.js');
const GROUP = 'Syria accountability working group (demo)';
const DDC = 'investigator@ddc.demo.parallax.test';
const DJA = 'investigator@dja.demo.parallax.test';

const theirs: FtmPerson[] = [
  {
    id: 'dja-1',
    schema: 'Person',
    properties: {
      name: ['Mohammed al-Masri'],
      birthDate: ['1967-03-12'],
      passportNumber: ['N1234567'],
    },
  },
  {
    id: 'dja-2',
    schema: 'Person',
    properties: { name: ['Olena Kovalchuk'], birthDate: ['1981-05-02'] },
  },
];
// Record ids as some databases have them: with names in. They must stay here.
const ours: FtmPerson[] = [
  {
    id: 'Masri Mohammed 1967 (file 12)',
    schema: 'Person',
    properties: { name: ['محمد المصري'], birthDate: ['12 Mar 1967'] },
  },
  {
    id: 'Melnyk Taras (file 40)',
    schema: 'Person',
    properties: { name: ['Taras Melnyk'], birthDate: ['1975'] },
  },
  {
    id: 'Bondarenko Iryna (file 41)',
    schema: 'Person',
    properties: { name: ['Iryna Bondarenko'], passportNumber: ['K9876543'] },
  },
  {
    id: 'Haddad Karim (file 57)',
    schema: 'Person',
    properties: { name: ['Karim Haddad'], birthDate: ['1970-01-30'] },
  },
];

let dataDir: string;
let app: AppProcess;
let wg: string;
beforeAll(async () => {
  if (!existsSync(join(REPO_ROOT, 'apps/cli/dist/main.js'))) {
    throw new Error(
      'The CLI is not built: run `npx tsc -b apps/cli/tsconfig.app.json` (npm test builds it)',
    );
  }
  dataDir = await mkdtemp(join(tmpdir(), 'parallax-cli-online-'));
  app = await startAppProcess({ dataDir, args: ['--demo'] });
  const coordinator = await signIn('coordinator@demo.parallax.test');
  const { workingGroups } = await coordinator.session.request<{
    workingGroups: Array<{ id: string; name: string }>;
  }>('{ workingGroups { id name } }');
  wg = workingGroups.find((g) => g.name === GROUP)?.id ?? '';
  // The coordinator's own keys are the first root; the demo's certificates vouch for the members.
  await startKeyEpoch(coordinator.session.request, wg, coordinator.me, { pins: new MemoryPinStore() });
}, 240_000);
afterAll(async () => {
  await app?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function signIn(email: string) {
  const login = demoLogins(dataDir).get(email);
  if (!login) throw new Error(`no demo login for ${email}`);
  const session = new HubSession(app.url);
  return {
    session,
    me: await session.login(login.email, login.password, await freshTotp(login.totpSecret)),
  };
}

/** Runs `parallax ARGS…` with the password on standard input. */
function parallax(
  args: string[],
  password: string,
): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, PARALLAX_SKIP_BUILD: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(`${password}\n`);
  });
}

async function importAsDdc(
  file: string,
  receipt: string,
  wrong?: { password: string; totp: string },
) {
  const login = demoLogins(dataDir).get(DDC);
  if (!login) throw new Error('no DDC login');
  return parallax(
    [
      'fingerprint',
      file,
      '--hub',
      app.url,
      '--working-group',
      GROUP,
      '--email',
      DDC,
      '--password-stdin',
      '--totp',
      wrong?.totp ?? (await freshTotp(login.totpSecret)),
      '--situation',
      'syria',
      '--crime',
      'torture',
      '--receipt',
      receipt,
      '--chunk-size',
      '2',
    ],
    wrong?.password ?? login.password,
  );
}

async function query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: app.databaseUrl() });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows as T[];
  } finally {
    await c.end();
  }
}

describe('parallax fingerprint --hub', () => {
  it('registers an organisation’s file through the hub, finds the overlap, and registers nothing twice on a re-run', async () => {
    // Another organisation already tracks two persons.
    const dja = await signIn(DJA);
    const key = await unlockGroupKey(dja.session.request, wg, dja.me, { pins: new MemoryPinStore() });
    if (!key) throw new Error('no group key for DJA');
    const records = await fingerprintPersons(theirs, {
      groupKey: key.groupKey,
      evaluator: hubEvaluator(dja.session.request, wg, key.epoch),
    });
    const [theirCase] = await registerCases(
      dja.session.request,
      wg,
      key.epoch,
      records.map((r, i) => ({
        idempotencyKey: `dja-case-${i}`,
        reference: `DJA-${i}`,
        status: 'active',
        situationTags: [],
        crimeTags: [],
        fingerprints: r.fingerprints,
      })),
    );

    const file = join(dataDir, 'suspects.jsonl');
    const receipt = join(dataDir, 'receipt.jsonl');
    await writeFile(file, `${ours.map((p) => JSON.stringify(p)).join('\n')}\n`);
    const first = await importAsDdc(file, receipt);
    expect(first.stderr).toContain('4 records');
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/4 cases created, 0 already registered/);
    expect(first.stdout).toBe('');

    // The receipt, on this machine, maps record ids to the hub's cases.
    const lines = (await readFile(receipt, 'utf8'))
      .trim()
      .split('\n')
      .map(
        (l) => JSON.parse(l) as { id: string; reference: string; caseId: string; created: boolean },
      );
    expect(lines.map((l) => l.id)).toEqual(ours.map((p) => p.id));
    for (const l of lines) expect(l.reference).toMatch(/^IMP-[0-9A-Z]{10}$/);

    // The other organisation is alerted about its own case.
    let overlaps: Array<{ myCase: { id: string }; strength: string }> = [];
    for (let i = 0; i < 100 && overlaps.length === 0; i++) {
      overlaps = (
        await dja.session.request<{ overlaps: { nodes: typeof overlaps } }>(
          '{ overlaps { nodes { myCase { id } strength } } }',
        )
      ).overlaps.nodes;
      if (overlaps.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(overlaps).toHaveLength(1);
    expect(overlaps[0]?.myCase.id).toBe(theirCase?.caseId);
    const [ourOverlap] = await query<{ case_a: string; case_b: string }>(
      'SELECT case_a, case_b FROM overlap',
    );
    expect([ourOverlap?.case_a, ourOverlap?.case_b]).toContain(lines[0]?.caseId);

    // The hub holds the cases under derived labels, never the record ids.
    const stored = await query<{ reference: string; idempotency_key: string }>(
      `SELECT reference, idempotency_key FROM tracking_case t JOIN organisation o ON o.id = t.organisation_id WHERE o.name = 'Demo Documentation Centre'`,
    );
    expect(stored).toHaveLength(4);
    const dump =
      JSON.stringify(await query('SELECT t::text FROM tracking_case t')) +
      JSON.stringify(await query('SELECT n::text FROM notification n'));
    for (const p of ours) {
      expect(dump).not.toContain(p.id);
      expect(dump).not.toContain(p.id.split(' ')[0]);
    }

    // Again, the same file: recognised, nothing new.
    const second = await importAsDdc(file, receipt);
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/0 cases created, 4 already registered/);
    expect(await query('SELECT id FROM tracking_case')).toHaveLength(theirs.length + ours.length);
    const again = (await readFile(receipt, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { caseId: string; created: boolean });
    expect(again.map((l) => l.caseId)).toEqual(lines.map((l) => l.caseId));
    expect(again.every((l) => !l.created)).toBe(true);
  }, 180_000);

  it('says so, with exit code 3, when the sign-in fails', async () => {
    const file = join(dataDir, 'one.jsonl');
    await writeFile(file, `${JSON.stringify(ours[0])}\n`);
    const wrong = await importAsDdc(file, join(dataDir, 'r2.jsonl'), {
      password: 'not-the-password',
      totp: '000000',
    });
    expect(wrong.code).toBe(3);
    expect(wrong.stderr).toContain('Sign-in failed');
  }, 60_000);
});
