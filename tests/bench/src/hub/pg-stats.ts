/** `--pg-stats`: the import's costliest PostgreSQL statements, from pg_stat_statements. */
import type pg from 'pg';
import type { BenchHub } from './hub-process.js';

export interface Statement {
  calls: number;
  ms: number;
  plan_ms: number;
  q: string;
}

/** pg_stat_statements must be preloaded: set it, restart the hub, create the extension. */
export async function enablePgStats(hub: BenchHub): Promise<void> {
  const c = hub.newClient();
  await c.connect();
  await c.query(`ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'`);
  await c.end();
  await hub.running.stop();
  await hub.start();
  const c2 = hub.newClient();
  await c2.connect();
  await c2.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  await c2.end();
}

export async function resetPgStats(client: pg.Client): Promise<void> {
  await client.query('SELECT pg_stat_statements_reset()');
}

export async function costliestStatements(client: pg.Client): Promise<Statement[]> {
  return (
    await client.query(
      `SELECT calls::int, round(total_exec_time)::int AS ms, round(total_plan_time)::int AS plan_ms, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) AS q
           FROM pg_stat_statements ORDER BY total_exec_time + total_plan_time DESC LIMIT 25`,
    )
  ).rows as Statement[];
}

export function pgStatsLines(statements: readonly Statement[]): string[] {
  if (statements.length === 0) return [];
  return [
    '',
    'PostgreSQL statements during the import (pg_stat_statements), costliest first: calls, execution ms, planning ms, statement',
    ...statements.map((st) => `  ${st.calls}\t${st.ms}\t${st.plan_ms}\t${st.q}`),
  ];
}
