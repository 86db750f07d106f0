import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './free-port.js';
import { API_MAIN, REPO_ROOT, WEB_INDEX } from './paths.js';

export interface AppProcess {
  readonly url: string;
  /** Superuser URL of the app's embedded PostgreSQL (for inspection by tests). */
  databaseUrl(): string;
  readonly child: ChildProcess;
  /** Everything the app printed so far. */
  output(): string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

export interface AppProcessOptions {
  /** The app's own data folder (embedded PostgreSQL cluster, master key, demo logins). */
  dataDir: string;
  env?: Record<string, string>;
  /** Arguments after the script, e.g. `--demo`. */
  args?: string[];
  /** Node options before the script, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
  /** Another build of the server to run (default: `apps/api/dist/main.js`). */
  main?: string;
  readyTimeoutMs?: number;
}

/**
 * Starts the built server as a user would (`node apps/api/dist/main.js`) on
 * free ports, with its own embedded PostgreSQL, and resolves once
 * `/health/ready` answers 200.
 */
export async function startAppProcess(opts: AppProcessOptions): Promise<AppProcess> {
  const main = opts.main ?? API_MAIN;
  const servesWeb = opts.env?.['SERVE_WEB'] !== 'false';
  const missing = [main, ...(servesWeb ? [WEB_INDEX] : [])].filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new Error(
      `The app is not built (no ${missing.join(', ')}): run \`npm run build\` first (npm test does).`,
    );
  }
  const [port, pgPort] = [await freePort(), await freePort()];
  let out = '';
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), main, ...(opts.args ?? [])], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      DATABASE_URL: '',
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      EMBEDDED_POSTGRES_PORT: String(pgPort),
      PARALLAX_DATA_DIR: opts.dataDir,
      LOG_LEVEL: 'warn',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const url = `http://127.0.0.1:${port}`;
  await waitUntilReady(url, child, () => out, opts.readyTimeoutMs ?? 180_000);
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

async function waitUntilReady(
  url: string,
  child: ChildProcess,
  output: () => string,
  timeoutMs: number,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The app exited during start-up:\n${output()}`);
    try {
      if ((await fetch(`${url}/health/ready`)).status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The app did not become ready in time:\n${output()}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
