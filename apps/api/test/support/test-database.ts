import { randomBytes } from 'node:crypto';
import { withDatabase } from '@parallax/test-support';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, inject } from 'vitest';
import { dataSourceOptions } from '../../src/database/data-source-options.js';

const TEMPLATE_DB = 'parallax_test_template';

export interface TestDatabase {
  /** The owner's (superuser's) URL: for set-up and for checks the application may not make. */
  url: string;
  /** The application role's URL: what the app's pool connects with. */
  appUrl: string;
  name: string;
  drop(): Promise<void>;
}

/**
 * A fresh database for one test file, cloned from the migrated template (or
 * from another template, such as the world's: see world-template.ts).
 */
export async function createTestDatabase(
  template = TEMPLATE_DB,
  name = `parallax_test_${randomBytes(6).toString('hex')}`,
  // Global set-up has no inject(): it passes the URLs it provides.
  urls = { server: inject('pgServerUrl'), app: inject('pgAppUrl') },
): Promise<TestDatabase> {
  const server = urls.server;
  const admin = new pg.Client({ connectionString: withDatabase(server, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(server, name),
    appUrl: withDatabase(urls.app, name),
    name,
    drop: async () => {
      const c = new pg.Client({ connectionString: withDatabase(server, 'postgres') });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/**
 * A fresh migrated database for this test file and an owner connection to it,
 * without the application: for repository tests.
 */
export function useTestDataSource(): { readonly db: DataSource; readonly url: string } {
  let testDb: TestDatabase | undefined;
  let db: DataSource | undefined;
  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = new DataSource(dataSourceOptions(testDb.url, 3));
    await db.initialize();
  });
  afterAll(async () => {
    await db?.destroy();
    await testDb?.drop();
  });
  return {
    get db(): DataSource {
      if (!db)
        throw new Error(
          'useTestDataSource(): the database exists between beforeAll and afterAll only',
        );
      return db;
    },
    get url(): string {
      if (!testDb)
        throw new Error(
          'useTestDataSource(): the database exists between beforeAll and afterAll only',
        );
      return testDb.url;
    },
  };
}
