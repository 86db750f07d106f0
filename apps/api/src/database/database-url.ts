import type { AppConfig } from '../config/config.schema.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres.js';

export interface ResolvedDatabase {
  url: string;
  embedded: boolean;
  /** Stops the embedded server; a no-op for an external one. */
  stop(): Promise<void>;
}

/** DATABASE_URL when set; otherwise a real PostgreSQL started in the data folder. */
export async function resolveDatabase(
  config: AppConfig,
  log: (message: string) => void,
): Promise<ResolvedDatabase> {
  if (config.DATABASE_URL) {
    return { url: config.DATABASE_URL, embedded: false, stop: async () => undefined };
  }
  const db: EmbeddedDatabase = await startEmbeddedPostgres({
    dataDir: config.PARALLAX_DATA_DIR,
    port: config.EMBEDDED_POSTGRES_PORT,
    log,
  });
  return { url: db.url, embedded: true, stop: () => db.stop() };
}
