/**
 * Starts the built hub (`node apps/api/dist/main.js`) on its own data folder
 * and embedded PostgreSQL, as a user would. A small copy of the e2e tests'
 * helper: the bench is a project of its own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../..', import.meta.url));
/** The hub's build; BENCH_HUB_MAIN points elsewhere to measure a variant. */
const API_MAIN = process.env['BENCH_HUB_MAIN'] ?? join(REPO_ROOT, 'apps/api/dist/main.js');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface HubProcess {
  readonly url: string;
  /** Superuser URL of the hub's embedded PostgreSQL. */
  databaseUrl(): string;
  readonly child: ChildProcess;
  output(): string;
  stop(): Promise<number | null>;
}

export async function startHub(opts: {
  dataDir: string;
  env?: Record<string, string>;
  args?: string[];
  /** Node options for the hub process (e.g. --cpu-prof). */
  nodeArgs?: string[];
}): Promise<HubProcess> {
  if (!existsSync(API_MAIN))
    throw new Error('The hub is not built: run `npx tsc -b apps/api/tsconfig.app.json`');
  const [port, pgPort] = [await freePort(), await freePort()];
  let out = '';
  const child = spawn(
    process.execPath,
    [...(opts.nodeArgs ?? []), API_MAIN, ...(opts.args ?? [])],
    {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        DATABASE_URL: '',
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
        EMBEDDED_POSTGRES_PORT: String(pgPort),
        PARALLAX_DATA_DIR: opts.dataDir,
        SERVE_WEB: 'false',
        LOG_LEVEL: 'warn',
        ...opts.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The hub exited during start-up:\n${out}`);
    try {
      if ((await fetch(`${url}/health/ready`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The hub did not become ready in time:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    databaseUrl: () => {
      const secret = readFileSync(join(opts.dataDir, 'postgres.secret'), 'utf8').trim();
      return `postgresql://postgres:${encodeURIComponent(secret)}@127.0.0.1:${pgPort}/parallax`;
    },
    child,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

export interface DemoLogin {
  email: string;
  password: string;
  totpSecret: string;
}

/** The demo users' logins the hub wrote to `<dataDir>/demo-logins.txt`. */
export function demoLogins(dataDir: string): Map<string, DemoLogin> {
  const text = readFileSync(join(dataDir, 'demo-logins.txt'), 'utf8');
  const out = new Map<string, DemoLogin>();
  for (const [, email, password, totpSecret] of text.matchAll(
    /^(\S+)\s+password (\S+)\s+TOTP secret ([A-Z2-7]+)/gmu,
  )) {
    if (email && password && totpSecret) out.set(email, { email, password, totpSecret });
  }
  return out;
}
