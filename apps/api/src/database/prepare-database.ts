import { DataSource } from 'typeorm';
import { assertUnprivileged, provisionAppRole } from './app-role.js';
import { dataSourceOptions } from './data-source-options.js';
import { migrate } from './migration-lock.js';

export interface PreparedDatabase {
  /** What the application's pool connects with: never the owner. */
  appUrl: string;
  /** Migrations applied by this start. */
  applied: string[];
}

/**
 * With the owner's connection, which nothing else keeps: applies migrations,
 * installs the job queue, makes sure of the application's role; then checks
 * that role cannot step around row-level security.
 */
export async function prepareDatabase(opts: {
  ownerUrl: string;
  appUrl?: string | undefined;
  appPassword: string;
}): Promise<PreparedDatabase> {
  const owner = new DataSource(dataSourceOptions(opts.ownerUrl, 2));
  await owner.initialize();
  let appUrl: string;
  let applied: string[];
  try {
    applied = await migrate(owner);
    appUrl = await provisionAppRole(owner, {
      ownerUrl: opts.ownerUrl,
      appUrl: opts.appUrl,
      password: opts.appPassword,
    });
  } finally {
    await owner.destroy();
  }
  await assertUnprivileged(appUrl);
  return { appUrl, applied };
}
