import type { Command } from 'commander';

/**
 * `db`, `admin` and `audit` act on the hub's database with the hub's own
 * services (the same transactions and audit entries as the API), so they are
 * implemented beside the server code in apps/api and loaded from its build
 * only when one of them runs; offline commands never load the server.
 */
export function registerServerCommands(program: Command): void {
  void program;
}
