import type { DataSource } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions.js';
import { installJobSchema, JOB_SCHEMA_GRANTS } from './job-schema.js';

/** Arbitrary constant shared by every replica: "parallax migrations". */
const MIGRATION_LOCK_ID = 0x7061_7278;

/**
 * Applies pending migrations under a PostgreSQL advisory lock, so that several
 * replicas starting at once apply each migration exactly once; then closes
 * every table (FORCE row-level security and the hub's policy, see the
 * app-role migration) and installs the job queue's schema. Runs with the
 * owner's connection (DATABASE_URL), never the application's. Returns the
 * names of the migrations this call applied.
 */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    const [sealer] = await runner.query(`SELECT to_regprocedure('parallax_seal_schema()') AS fn`);
    if (sealer?.fn) await runner.query('SELECT parallax_seal_schema()');
    const url = (dataSource.options as PostgresConnectionOptions).url;
    if (url) {
      await installJobSchema(url);
      for (const grant of JOB_SCHEMA_GRANTS) await runner.query(grant);
    }
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
    await runner.release();
  }
}
