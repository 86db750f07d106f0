import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadMasterKey } from '../common/crypto/master-key.js';
import { SecretBox } from '../common/crypto/secret-box.js';
import type { Runtime } from '../common/runtime.js';
import { loadConfig } from '../config/load-config.js';
import { appRolePassword } from '../database/app-role.js';
import { resolveDatabase, type ResolvedDatabase } from '../database/database-url.js';
import { prepareDatabase } from '../database/prepare-database.js';

function readVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/**
 * Everything the hub needs before Nest starts, shared by the server and the
 * CLI's database commands: validated configuration (throws ConfigError with a
 * one-line message), the database (embedded unless DATABASE_URL) migrated by
 * its owner, the master key, and the URL of the application's own role, which
 * is all Nest ever connects with.
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
  let prepared: Awaited<ReturnType<typeof prepareDatabase>>;
  try {
    prepared = await prepareDatabase({
      ownerUrl: database.url,
      appUrl: config.DATABASE_APP_URL,
      appPassword: appRolePassword(master.key),
    });
  } catch (error) {
    await database.stop();
    throw error;
  }
  if (prepared.applied.length > 0) log(`Applied ${prepared.applied.length} database migration(s)`);
  return {
    runtime: {
      config,
      databaseUrl: prepared.appUrl,
      secretBox: new SecretBox(master.key),
      version: readVersion(),
    },
    database,
  };
}
