import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';

/**
 * Each new connection starts in the hub's own context (`parallax.system`,
 * read by every table's `_hub` policy): the work that is no tenant's —
 * sign-in, sign-up by token, jobs, matching, migrations. It is a session-level
 * SET, not a login default, so a `RESET` inside a tenant transaction falls
 * back to no context at all rather than to the hub's; `runAsTenant` turns it
 * off for the length of its transaction.
 */
export const HUB_CONTEXT_SQL = `SET parallax.system = 'on'`;

/**
 * The one description of how the hub talks to PostgreSQL. Schema changes only
 * by migrations: `synchronize` stays off everywhere, tests included.
 */
export function dataSourceOptions(url: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: {
      max: poolSize,
      application_name: 'parallax-api',
      // A hung statement must not hold a request, nor a shutdown, forever.
      statement_timeout: 30_000,
      idle_in_transaction_session_timeout: 60_000,
      // pg-pool runs this before a new connection is first handed out.
      onConnect: async (client: { query(sql: string): Promise<unknown> }) => {
        await client.query(HUB_CONTEXT_SQL);
      },
    },
  };
}
