import { send, type HubSession } from '@parallax/hub-client';
import { ImportWorkingGroupsDocument } from '../gql/graphql.js';
import { CliError, ExitCode } from '../io/cli-error.js';
import { promptLine } from '../io/prompt.js';
import { readPassword } from '../io/read-password.js';

/** The e-mail address, password and TOTP code: from the options, else asked at the terminal. */
export async function credentials(opts: {
  email?: string | undefined;
  passwordStdin?: boolean | undefined;
  totp?: string | undefined;
}): Promise<{ email: string; password: string; totp: string }> {
  const interactive = process.stdin.isTTY === true && !opts.passwordStdin;
  let email = opts.email?.trim();
  if (!email) {
    if (!interactive)
      throw new CliError(
        '--email is required when standard input is not a terminal',
        ExitCode.Usage,
      );
    email = await promptLine('E-mail: ');
  }
  if (!interactive && !opts.totp) {
    throw new CliError(
      '--totp is required when the password comes from standard input',
      ExitCode.Usage,
    );
  }
  const password = await readPassword({ fromStdin: opts.passwordStdin === true, confirm: false });
  if (password.length === 0) throw new CliError('No password given', ExitCode.Usage);
  const totp = (opts.totp ?? (await promptLine('Authenticator code: '))).replace(/\s+/gu, '');
  if (!/^\d{6}$/u.test(totp)) throw new CliError('The TOTP code has 6 digits', ExitCode.Usage);
  return { email, password, totp };
}

/** The working group named by --working-group (id or name), or the only one. */
export async function resolveWorkingGroup(
  session: HubSession,
  wanted: string | undefined,
): Promise<{ id: string; name: string }> {
  const { workingGroups } = await send(session.request, ImportWorkingGroupsDocument, {});
  if (!wanted) {
    if (workingGroups.length === 1 && workingGroups[0]) return workingGroups[0];
    throw new CliError(
      workingGroups.length === 0
        ? 'Your organisation is not a member of any working group'
        : `Name the working group with --working-group: ${workingGroups.map((g) => `"${g.name}"`).join(', ')}`,
      ExitCode.Usage,
    );
  }
  const w = wanted.trim().toLowerCase();
  const found =
    workingGroups.find((g) => g.id === wanted.trim()) ??
    workingGroups.find((g) => g.name.trim().toLowerCase() === w);
  if (!found) {
    throw new CliError(
      `No working group "${wanted}" among yours${workingGroups.length ? `: ${workingGroups.map((g) => `"${g.name}"`).join(', ')}` : ''}`,
      ExitCode.Access,
    );
  }
  return found;
}
