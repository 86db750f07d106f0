import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.js';

/** The shape of the API's `startEmbeddedPostgres` (apps/api/src/database/embedded-postgres.ts). */
export type StartEmbeddedPostgres = (opts: {
  dataDir: string;
  port: number;
  log: (message: string) => void;
}) => Promise<{ url: string; stop(): Promise<void> }>;

export interface TestPostgres {
  /** Superuser URL; replace the database part with `withDatabase`. */
  url: string;
  stop(): Promise<void>;
}

/**
 * One PostgreSQL server for a test run: `TEST_DATABASE_URL`'s when set,
 * otherwise an embedded one on a free port in a temporary folder, removed
 * on stop. The caller passes the API's own starter, so tests run exactly
 * the code `npm start` runs.
 */
export async function startTestPostgres(
  startEmbedded: StartEmbeddedPostgres,
): Promise<TestPostgres> {
  const external = process.env['TEST_DATABASE_URL'];
  if (external) return { url: external, stop: async () => undefined };
  const dir = await mkdtemp(join(tmpdir(), 'parallax-it-'));
  const db = await startEmbedded({ dataDir: dir, port: await freePort(), log: () => undefined });
  return {
    url: db.url,
    stop: async () => {
      await db.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The same server URL pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
