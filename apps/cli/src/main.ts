import { Command, CommanderError } from 'commander';
import { registerServerCommands } from './commands/server-commands.js';

/** Builds the command tree; each command module registers its own subcommands. */
export function buildProgram(): Command {
  const program = new Command('parallax')
    .description('Parallax: find shared suspects across organisations without sharing names.')
    .exitOverride()
    .showHelpAfterError();
  registerServerCommands(program);
  return program;
}

/** Runs the CLI and returns the process exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`parallax: ${message}\n`);
    return 1;
  }
}
