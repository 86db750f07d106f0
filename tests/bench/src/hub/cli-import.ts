/**
 * Timed: `parallax fingerprint` (the real CLI, a child process) imports the
 * third organisation's persons, until the matching queue is empty (every
 * overlap is created). Measures the wall time, the load and the CPU time
 * of the CLI, the hub and PostgreSQL meanwhile.
 */
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { FtmPerson } from '@parallax/fingerprint';
import { demoLogins, REPO_ROOT } from '@parallax/test-support';
import { postgresCpu, processCpu } from './cpu.js';
import type { BenchHub } from './hub-process.js';
import { fmt, say, seconds } from './log.js';
import { costliestStatements, resetPgStats, type Statement } from './pg-stats.js';
import { totpNow } from './sign-in.js';

export interface CliImport {
  /** the CLI's receipt: one line per record, `{ id, caseId }` */
  readonly receipt: string;
  /** everything the CLI printed */
  readonly cliOut: string;
  /** the database's clock at the start, for the matching jobs and overlaps since */
  readonly dbStart: Date;
  readonly load1: number;
  readonly load2: number;
  readonly uploadSeconds: number;
  readonly queueEmptyAt: number;
  readonly cpu: { hub: number; db: number; cli: number };
  readonly statements: Statement[];
}

export async function importThroughCli(
  hub: BenchHub,
  wg: string,
  persons: readonly FtmPerson[],
  /** `count`: the import's size as asked (--import) */
  opts: { count: number; parallel: number; pgStats: boolean },
): Promise<CliImport> {
  const { dataDir } = hub;
  const app = hub.running;
  const client = hub.db;
  const importFile = join(dataDir, 'import.jsonl');
  const receipt = join(dataDir, 'receipt.jsonl');
  await writeFile(importFile, `${persons.map((p) => JSON.stringify(p)).join('\n')}\n`);
  const ddcLogin = demoLogins(dataDir).get('investigator@ddc.demo.parallax.test');
  if (!ddcLogin) throw new Error('no DDC login');
  const [{ now: dbStart }] = (await client.query('SELECT now() AS now')).rows as [{ now: Date }];
  const load1 = loadavg()[0] ?? 0;
  say(
    `importing ${fmt(opts.count)} persons with \`parallax fingerprint --hub\` (load average ${load1.toFixed(1)})…`,
  );
  if (opts.pgStats) await resetPgStats(client);
  const cpuBefore = { hub: processCpu(app.child.pid), db: postgresCpu(dataDir) };
  const started = performance.now();
  const cli = spawn(
    process.execPath,
    [
      // e.g. BENCH_CLI_NODE_ARGS=--cpu-prof to profile the CLI
      ...(process.env['BENCH_CLI_NODE_ARGS'] ?? '').split(' ').filter((a) => a.length > 0),
      // BENCH_CLI: another build of the CLI, to measure a variant
      process.env['BENCH_CLI'] ?? join(REPO_ROOT, 'apps/cli/bin/parallax.js'),
      'fingerprint',
      importFile,
      '--hub',
      app.url,
      '--working-group',
      wg,
      '--email',
      ddcLogin.email,
      '--password-stdin',
      '--totp',
      totpNow(ddcLogin.totpSecret),
      '--situation',
      'syria',
      '--crime',
      'torture',
      '--receipt',
      receipt,
      ...(opts.parallel ? ['--parallel', String(opts.parallel)] : []),
    ],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, PARALLAX_SKIP_BUILD: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let cliOut = '';
  cli.stderr.on('data', (d: Buffer) => (cliOut += d.toString()));
  cli.stdout.on('data', (d: Buffer) => (cliOut += d.toString()));
  cli.stdin.end(`${ddcLogin.password}\n`);
  let cliCpu = 0;
  const cpuPoll = setInterval(() => {
    cliCpu = Math.max(cliCpu, processCpu(cli.pid));
  }, 200);
  const code = await new Promise<number | null>((resolve) => cli.once('exit', resolve));
  clearInterval(cpuPoll);
  const uploadSeconds = seconds(started);
  if (code !== 0) throw new Error(`parallax fingerprint exited with ${code}:\n${cliOut}`);
  say(`  CLI done in ${uploadSeconds.toFixed(1)} s; waiting for the matching queue…`);
  let queueEmptyAt = 0;
  for (;;) {
    const { rows } = await client.query(
      `SELECT count(*) FILTER (WHERE state IN ('created', 'retry', 'active'))::int AS open FROM pgboss.job WHERE name = 'match-case'`,
    );
    if ((rows[0] as { open: number }).open === 0) {
      queueEmptyAt = seconds(started);
      break;
    }
    if (seconds(started) > 1800) throw new Error('matching did not finish in 30 minutes');
    await new Promise((r) => setTimeout(r, 100));
  }
  const load2 = loadavg()[0] ?? 0;
  const statements = opts.pgStats ? await costliestStatements(client) : [];
  const cpu = {
    hub: processCpu(app.child.pid) - cpuBefore.hub,
    db: postgresCpu(dataDir) - cpuBefore.db,
    cli: cliCpu,
  };
  return {
    receipt,
    cliOut,
    dbStart,
    load1,
    load2,
    uploadSeconds,
    queueEmptyAt,
    cpu,
    statements,
  };
}
