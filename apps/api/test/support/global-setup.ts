import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startTestPostgres, withDatabase } from '@parallax/test-support';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres.js';
import { prepareDatabase } from '../../src/database/prepare-database.js';

export const TEMPLATE_DB = 'parallax_test_template';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the test server, database part to be replaced. */
    pgServerUrl: string;
    /** The application role's URL on the same server (what the app's pool uses), database part to be replaced. */
    pgAppUrl: string;
    /** This run's folder for the world's client-side secrets (world-template.ts). */
    worldDir: string;
  }
}

/**
 * One PostgreSQL for the whole run (TEST_DATABASE_URL's server, or an
 * embedded one started with the app's own code). Builds the template
 * database with the real migrations and the application's role, as start-up
 * does; each test file clones it.
 */
export default async function setup(project: TestProject) {
  const server = await startTestPostgres(startEmbeddedPostgres);
  const admin = new pg.Client({ connectionString: withDatabase(server.url, 'postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB}`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();

  // Exactly what start-up does: migrations as the owner, then the
  // application's role (a fresh password per run), checked unprivileged.
  const { appUrl } = await prepareDatabase({
    ownerUrl: withDatabase(server.url, TEMPLATE_DB),
    appPassword: randomBytes(24).toString('base64url'),
  });

  // The first buildWorld() of the run builds the world here (world-template.ts).
  const worldDir = await mkdtemp(join(tmpdir(), 'parallax-world-'));

  project.provide('pgServerUrl', server.url);
  project.provide('pgAppUrl', appUrl);
  project.provide('worldDir', worldDir);
  return async () => {
    await rm(worldDir, { recursive: true, force: true });
    await server.stop();
  };
}
