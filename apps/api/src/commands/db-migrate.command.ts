import { DataSource } from 'typeorm';
import { withCommandContext } from './command-context.js';

/** `parallax db migrate`: applies pending migrations and lists them. */
export async function dbMigrate(): Promise<number> {
  // The context applies migrations (as the owner) on open; this reports.
  return withCommandContext(async (app) => {
    const dataSource = app.get(DataSource);
    const rows = await dataSource.query<Array<{ name: string }>>(
      'SELECT name FROM schema_migration ORDER BY id',
    );
    process.stdout.write(
      `Database schema is up to date (${rows.length} migrations applied).\n`,
    );
    return 0;
  });
}
