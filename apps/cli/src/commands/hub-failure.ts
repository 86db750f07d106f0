import { HubError, NETWORK } from '@parallax/hub-client';
import { KdfParamsRefused } from '@parallax/identity';
import { CliError, ExitCode } from '../io/cli-error.js';
import { PinFileError } from '../io/pin-file.js';

/** What the CLI says, and exits with, when the hub refused or could not be reached. */
export function hubFailure(error: unknown, hub: string): CliError {
  if (error instanceof KdfParamsRefused) {
    // A hub asking for weak password hashing may be trying to brute-force the login key it would receive.
    return new CliError(
      `Refusing to sign in: ${hub} asked for password-hashing parameters below the safe minimum (${error.message}); nothing was sent`,
      ExitCode.SignIn,
    );
  }
  if (error instanceof PinFileError) return new CliError(error.message, ExitCode.Usage);
  if (error instanceof HubError && error.code === 'FINGERPRINT_SCHEMA_MISMATCH') {
    return new CliError(
      `${error.message} (nothing was registered for the refused cases)`,
      ExitCode.Access,
    );
  }
  if (error instanceof HubError) {
    // By category: an older hub sends RATE_LIMITED and CONFLICT as codes,
    // a newer one BUDGET_EXHAUSTED and STALE_EPOCH with those categories.
    switch (error.category) {
      case 'UNAUTHENTICATED':
        return new CliError(
          'Sign-in failed: check the e-mail address, the password and the authenticator code (each code works once; after repeated failures sign-in pauses for a while).',
          ExitCode.SignIn,
        );
      case 'RATE_LIMITED':
        return new CliError(
          `The hub refused more fingerprinting today: ${error.message} ` +
            'The budget is a base plus an allowance per registered case, per organisation and day. Run the same command again tomorrow (cases already registered are recognised), or ask your coordinator.',
          ExitCode.Budget,
        );
      case 'NOT_FOUND':
      case 'FORBIDDEN':
        return new CliError(
          `The hub refused: ${error.message} (only investigators and admins of a member organisation register cases)`,
          ExitCode.Access,
        );
      case 'STALE_EPOCH':
      case 'CONFLICT':
        return new CliError(
          `${error.message} (the coordinator started a new key epoch: run the command again)`,
          ExitCode.Access,
        );
      case NETWORK:
        return new CliError(
          `${hub} does not look like a Parallax hub: ${error.message}`,
          ExitCode.Hub,
        );
      default:
        return new CliError(`The hub answered ${error.code}: ${error.message}`, ExitCode.Hub);
    }
  }
  const message = error instanceof Error ? error.message : String(error);
  const cause =
    error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return new CliError(`Cannot reach the hub at ${hub}: ${message}${cause}`, ExitCode.Hub);
}
