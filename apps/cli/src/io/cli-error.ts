/**
 * Exit codes of `parallax`. Scripts can rely on them; `parallax fingerprint
 * --help` lists them.
 */
export const ExitCode = {
  Ok: 0,
  /** Unexpected failure (a bug, or an error without a more specific code). */
  Failure: 1,
  /** Bad arguments or unusable input; nothing was sent to the hub. */
  Usage: 2,
  /** Sign-in failed (e-mail, password or TOTP code; or the account is paused). */
  SignIn: 3,
  /** Working group unknown, not a member, or no group key for you yet. */
  Access: 4,
  /** The hub's daily fingerprinting budget for your organisation is used up. */
  Budget: 5,
  /** The hub could not be reached, or refused part-way; a re-run continues. */
  Hub: 6,
  /** Nothing to do: the input is empty, has no records, or every row was skipped. */
  NothingToDo: 7,
  /** The input file is unusable as it is: not text, not UTF-8, no name column, not the expected format. */
  InputUnusable: 8,
} as const;

/** An error the CLI reports as one line, with a specific exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
