import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import pg from 'pg';
import { DataSource } from 'typeorm';
import type { TestProject } from 'vitest/node';
import { dataSourceOptions } from '../../src/database/data-source-options.js';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres.js';
import { migrate } from '../../src/database/migration-lock.js';

export const TEMPLATE_DB = 'parallax_test_template';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the test server, database part to be replaced. */
    pgServerUrl: string;
  }
}

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

function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

/**
 * One PostgreSQL for the whole run: TEST_DATABASE_URL's server when given,
 * otherwise an embedded one in a temporary folder. Builds the template
 * database with the real migrations; each test file clones it.
 */
export default async function setup(project: TestProject) {
  let stop = async () => undefined as void;
  let serverUrl = process.env['TEST_DATABASE_URL'];
  let dir: string | undefined;
  if (!serverUrl) {
    dir = await mkdtemp(join(tmpdir(), 'parallax-it-'));
    const db = await startEmbeddedPostgres({ dataDir: dir, port: await freePort(), log: () => undefined });
    serverUrl = db.url;
    stop = db.stop;
  }
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB}`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();

  const ds = new DataSource(dataSourceOptions(withDatabase(serverUrl, TEMPLATE_DB), 2));
  await ds.initialize();
  await migrate(ds);
  await ds.destroy();

  project.provide('pgServerUrl', serverUrl);
  return async () => {
    await stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  };
}
