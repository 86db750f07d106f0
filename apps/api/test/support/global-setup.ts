import pg from 'pg';
import { DataSource } from 'typeorm';
import type { TestProject } from 'vitest/node';
import { startTestPostgres, withDatabase } from '@parallax/test-support';
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

/**
 * One PostgreSQL for the whole run (TEST_DATABASE_URL's server, or an
 * embedded one started with the app's own code). Builds the template
 * database with the real migrations; each test file clones it.
 */
export default async function setup(project: TestProject) {
  const server = await startTestPostgres(startEmbeddedPostgres);
  const admin = new pg.Client({ connectionString: withDatabase(server.url, 'postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB}`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();

  const ds = new DataSource(dataSourceOptions(withDatabase(server.url, TEMPLATE_DB), 2));
  await ds.initialize();
  await migrate(ds);
  await ds.destroy();

  project.provide('pgServerUrl', server.url);
  return () => server.stop();
}
