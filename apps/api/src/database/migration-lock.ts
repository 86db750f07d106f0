import type { DataSource } from 'typeorm';

/** Arbitrary constant shared by every replica: "parallax migrations". */
const MIGRATION_LOCK_ID = 0x7061_7278;

/**
 * Applies pending migrations under a PostgreSQL advisory lock, so that several
 * replicas starting at once apply each migration exactly once. Returns the
 * names of the migrations this call applied.
 */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
    await runner.release();
  }
}
