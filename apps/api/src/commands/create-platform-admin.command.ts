import { createAccountMaterial } from '@parallax/identity';
import QRCode from 'qrcode';
import { UsersService } from '../modules/users/users.service.js';
import { withCommandContext } from './command-context.js';

export interface CreatePlatformAdminOptions {
  email: string;
  name: string;
  password: string;
}

export const MIN_PASSWORD_LENGTH = 12;

/**
 * `parallax admin create-platform-admin`: the CLI plays the client's part
 * (derives the keys from the password, makes and seals the key pair), so the
 * server-side code path is the same as a browser sign-up.
 */
export async function createPlatformAdmin(opts: CreatePlatformAdminOptions): Promise<number> {
  if (opts.password.length < MIN_PASSWORD_LENGTH) {
    process.stderr.write(`The password must have at least ${MIN_PASSWORD_LENGTH} characters.\n`);
    return 2;
  }
  process.stderr.write('Deriving keys from the password…\n');
  const material = await createAccountMaterial(opts.password);
  return withCommandContext(async (app) => {
    const enrolment = await app
      .get(UsersService)
      .createAccount({ email: opts.email, displayName: opts.name, ...material }, null);
    const qr = await QRCode.toString(enrolment.otpauthUri, { type: 'terminal', small: true });
    process.stdout.write(
      [
        `Platform admin ${opts.email} created.`,
        'Enrol this TOTP secret in an authenticator app now; it is not shown again.',
        `  secret: ${enrolment.totpSecret}`,
        `  uri:    ${enrolment.otpauthUri}`,
        qr,
      ].join('\n') + '\n',
    );
    return 0;
  });
}
