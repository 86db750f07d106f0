import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

/**
 * What an auditor with the database sees: every row of every table, in any
 * schema, as text, after a checkpoint (so the raw files are current too).
 */
export async function dumpDatabase(
  databaseUrl: string,
): Promise<{ dump: string; tables: string[] }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('CHECKPOINT');
    const tables = (
      await client.query(
        `SELECT table_schema, table_name FROM information_schema.tables
         WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
      )
    ).rows as Array<{ table_schema: string; table_name: string }>;
    let dump = '';
    for (const t of tables) {
      const rows = await client.query(
        `SELECT t::text AS row FROM "${t.table_schema}"."${t.table_name}" t`,
      );
      dump += rows.rows.map((r: { row: string }) => r.row).join('\n') + '\n';
    }
    return { dump, tables: tables.map((t) => t.table_name) };
  } finally {
    await client.end();
  }
}

/** What the hub stored of a conversation, by count: messages to the parties, arrangement events with a note, sealed copies. */
export async function sealedCounts(
  databaseUrl: string,
): Promise<{ partiesMessages: number; notedEvents: number; copies: number }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<Record<string, string>>(
      `SELECT (SELECT count(*) FROM cluster_message WHERE audience = 'parties') AS parties_messages,
              (SELECT count(*) FROM lead_arrangement_event WHERE note_message_id IS NOT NULL) AS noted_events,
              (SELECT count(*) FROM cluster_message_copy) AS copies`,
    );
    const row = rows[0] ?? {};
    return {
      partiesMessages: Number(row['parties_messages']),
      notedEvents: Number(row['noted_events']),
      copies: Number(row['copies']),
    };
  } finally {
    await client.end();
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Whether any file of the embedded PostgreSQL cluster holds `needle` (read as Latin-1 and as UTF-8). */
export function clusterFilesHold(dataDir: string, needles: readonly string[]): string[] {
  const files = filesUnder(join(dataDir, 'postgres'));
  const found = new Set<string>();
  for (const file of files) {
    const bytes = readFileSync(file);
    const latin1 = bytes.toString('latin1');
    const utf8 = bytes.toString('utf8');
    for (const n of needles) if (latin1.includes(n) || utf8.includes(n)) found.add(n);
  }
  return [...found];
}
