import { DataSource } from 'typeorm';
import { migrate } from '../database/migration-lock.js';
import { withCommandContext } from './command-context.js';

/** `parallax db migrate`: applies pending migrations and lists them. */
export async function dbMigrate(): Promise<number> {
  // The context applies migrations on open; run once more to report status.
  return withCommandContext(async (app) => {
    const dataSource = app.get(DataSource);
    const again = await migrate(dataSource);
    const rows = await dataSource.query<Array<{ name: string }>>(
      'SELECT name FROM schema_migration ORDER BY id',
    );
    process.stdout.write(
      `Database schema is up to date (${rows.length} migrations applied${again.length ? `, ${again.length} just now` : ''}).\n`,
    );
    return 0;
  });
}
