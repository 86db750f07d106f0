import { Command, CommanderError } from 'commander';
import { registerFingerprintCommand } from './commands/fingerprint-command.js';
import { registerLinkCommand } from './commands/link-command.js';
import { registerServerCommands, type ServerCommandsLoader } from './commands/server-commands.js';
import { CliError } from './io/cli-error.js';

/** What the entry script provides: the CLI itself never imports the server. */
export interface CliDependencies {
  loadServerCommands: ServerCommandsLoader;
}

/** Builds the command tree; each command module registers its own subcommands. */
export function buildProgram(deps: CliDependencies): Command {
  const program = new Command('parallax')
    .description('Parallax: find shared suspects across organisations without sharing names.')
    .exitOverride()
    .showHelpAfterError();
  registerServerCommands(program, deps.loadServerCommands);
  registerLinkCommand(program);
  registerFingerprintCommand(program);
  return program;
}

/** Runs the CLI and returns the process exit code. */
export async function main(argv: readonly string[], deps: CliDependencies): Promise<number> {
  try {
    await buildProgram(deps).parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof CliError) {
      process.stderr.write(`parallax: ${error.message}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`parallax: ${message}\n`);
    return 1;
  }
}
