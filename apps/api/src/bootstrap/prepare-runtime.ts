import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadMasterKey } from '../common/crypto/master-key.js';
import { SecretBox } from '../common/crypto/secret-box.js';
import type { Runtime } from '../common/runtime.js';
import { loadConfig } from '../config/load-config.js';
import { resolveDatabase, type ResolvedDatabase } from '../database/database-url.js';

function readVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/**
 * Everything the hub needs before Nest starts, shared by the server and the
 * CLI's database commands: validated configuration (throws ConfigError with a
 * one-line message), the database (embedded unless DATABASE_URL), the master
 * key.
 */
export async function prepareRuntime(
  env: NodeJS.ProcessEnv,
  log: (message: string) => void,
): Promise<{ runtime: Runtime; database: ResolvedDatabase }> {
  const config = loadConfig(env);
  const master = await loadMasterKey({
    inline: config.PARALLAX_MASTER_KEY,
    file: config.PARALLAX_MASTER_KEY_FILE,
    defaultFile: join(config.PARALLAX_DATA_DIR, 'master.key'),
  });
  if (master.created) {
    log(`Created a new master key in ${master.where}. Back it up apart from the database.`);
  }
  const database = await resolveDatabase(config, log);
  return {
    runtime: {
      config,
      databaseUrl: database.url,
      secretBox: new SecretBox(master.key),
      version: readVersion(),
    },
    database,
  };
}
