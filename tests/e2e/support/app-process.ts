import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const API_MAIN = `${REPO_ROOT}apps/api/dist/main.js`;
export const WEB_INDEX = `${REPO_ROOT}apps/web/dist/index.html`;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface AppProcess {
  url: string;
  /** Superuser URL of the app's embedded PostgreSQL (for inspection by tests). */
  databaseUrl: () => string;
  child: ChildProcess;
  output: () => string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** Starts the built server (`node apps/api/dist/main.js`) as a user would. */
export async function startAppProcess(opts: {
  dataDir: string;
  env?: Record<string, string>;
  args?: string[];
}): Promise<AppProcess> {
  if (!existsSync(API_MAIN) || !existsSync(WEB_INDEX)) {
    throw new Error('The app is not built: run `npm run build` first (npm test does).');
  }
  const port = await freePort();
  const pgPort = await freePort();
  let out = '';
  const child = spawn(process.execPath, [API_MAIN, ...(opts.args ?? [])], {
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
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 150_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The app exited during start-up:\n${out}`);
    try {
      const res = await fetch(`${url}/health/ready`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The app did not become ready in time:\n${out}`);
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
