import { randomBytes } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { afterAll, beforeAll } from 'vitest';
import { createApp } from '../../src/bootstrap/create-app.js';
import { SecretBox } from '../../src/common/crypto/secret-box.js';
import type { Runtime } from '../../src/common/runtime.js';
import { loadConfig } from '../../src/config/load-config.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface TestApp {
  app: NestExpressApplication;
  db: TestDatabase;
  runtime: Runtime;
  /** Base URL of the listening server, e.g. http://127.0.0.1:41234 */
  url: string;
  graphql<T = unknown>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{
    status: number;
    body: { data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  }>;
  close(): Promise<void>;
}

/** Where an app's data comes from: a database it takes over (dropped on close) and the hub's master key. */
export interface AppData {
  db: TestDatabase;
  masterKey: Buffer;
}

/** How to put each test app (a startTestApp result or a useTestApp handle) over other data. */
const restarts = new WeakMap<TestApp, (data: AppData) => Promise<void>>();

/**
 * Closes the app (dropping its database) and starts it again with the same
 * environment over `data`: as the hub restarting on a restored database.
 * Returns false for an object that is no test app of ours.
 */
export async function restartTestApp(t: TestApp, data: AppData): Promise<boolean> {
  const restart = restarts.get(t);
  if (!restart) return false;
  await restart(data);
  return true;
}

interface Running {
  app: NestExpressApplication;
  db: TestDatabase;
  runtime: Runtime;
  url: string;
}

async function serve(env: Record<string, string>, data: AppData): Promise<Running> {
  const runtime: Runtime = {
    config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SERVE_WEB: 'false', ...env }),
    // Like production: the pool is the application's role, never the owner.
    databaseUrl: data.db.appUrl,
    secretBox: new SecretBox(data.masterKey),
    version: 'test',
  };
  const app = await createApp(runtime);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  return { app, db: data.db, runtime, url: `http://127.0.0.1:${port}` };
}

/** The real application, listening on a free port, over a fresh database (or the given data). */
export async function startTestApp(
  env: Record<string, string> = {},
  data?: AppData,
): Promise<TestApp> {
  let s = await serve(env, data ?? { db: await createTestDatabase(), masterKey: randomBytes(32) });
  const t: TestApp = {
    get app() {
      return s.app;
    },
    get db() {
      return s.db;
    },
    get runtime() {
      return s.runtime;
    },
    get url() {
      return s.url;
    },
    async graphql(query, variables, headers) {
      const res = await fetch(`${s.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-parallax-csrf': '1', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, body: (await res.json()) as never };
    },
    async close() {
      await s.app.close();
      await s.db.drop();
    },
  };
  restarts.set(t, async (next) => {
    await t.close();
    s = await serve(env, next);
  });
  return t;
}

/**
 * The app for one spec file: starts it before the file's tests (and before
 * any `beforeAll` registered after this call), closes it after them. The
 * handle forwards to the running app, so use it inside hooks and tests.
 */
export function useTestApp(env: Record<string, string> = {}): TestApp {
  let current: TestApp | undefined;
  const running = (): TestApp => {
    if (!current) throw new Error('useTestApp(): the app runs between beforeAll and afterAll only');
    return current;
  };
  const close = async () => {
    const app = current;
    current = undefined;
    await app?.close();
  };
  beforeAll(async () => {
    current = await startTestApp(env);
  });
  afterAll(close);
  const handle: TestApp = {
    get app() {
      return running().app;
    },
    get db() {
      return running().db;
    },
    get runtime() {
      return running().runtime;
    },
    get url() {
      return running().url;
    },
    graphql: (query, variables, headers) => running().graphql(query, variables, headers),
    close,
  };
  restarts.set(handle, async (data) => {
    await restartTestApp(running(), data);
  });
  return handle;
}
