import type { Command } from 'commander';
import { readPassword } from '../io/read-password.js';

/**
 * The commands that act on the hub's database. They run the hub's own
 * services (same transactions, same audit entries as the API), so they are
 * implemented in apps/api; the `parallax` entry script loads that build and
 * hands it over here only when one of these commands runs.
 */
export interface ServerCommands {
  dbMigrate(): Promise<number>;
  createPlatformAdmin(opts: { email: string; name: string; password: string }): Promise<number>;
  auditVerify(): Promise<number>;
}

export type ServerCommandsLoader = () => Promise<ServerCommands>;

export function registerServerCommands(program: Command, load: ServerCommandsLoader): void {
  const db = program.command('db').description('Database administration');
  db.command('migrate')
    .description('Apply pending schema migrations (embedded PostgreSQL unless DATABASE_URL is set)')
    .action(async () => {
      process.exitCode = await (await load()).dbMigrate();
    });

  const admin = program.command('admin').description('Platform administration');
  admin
    .command('create-platform-admin')
    .description('Create a platform admin account and print its TOTP enrolment')
    .requiredOption('--email <email>', 'login e-mail address')
    .option('--name <name>', 'display name', 'Platform admin')
    .option('--password-stdin', 'read the password from standard input instead of prompting')
    .action(async (opts: { email: string; name: string; passwordStdin?: boolean }) => {
      const password = await readPassword({
        fromStdin: opts.passwordStdin === true,
        confirm: true,
      });
      process.exitCode = await (
        await load()
      ).createPlatformAdmin({ email: opts.email, name: opts.name, password });
    });

  const audit = program.command('audit').description('Audit log');
  audit
    .command('verify')
    .description('Recompute the audit hash chain and name the first bad entry')
    .action(async () => {
      process.exitCode = await (await load()).auditVerify();
    });
}
