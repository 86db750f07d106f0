import { Secret } from 'otpauth';
import QRCode from 'qrcode';
import { totpFor } from '../auth/totp.service.js';

/** One seeded demo account, as kept (mode 0600) in the data folder. */
export interface DemoLogin {
  email: string;
  password: string;
  totpSecret: string;
  /** Organisation and role, for the person choosing whom to sign in as. */
  label: string;
}

export function otpauthUri(login: DemoLogin): string {
  return totpFor(Secret.fromBase32(login.totpSecret).bytes, login.email).toString();
}

/**
 * What a person who just ran `npm start -- --demo` needs, printed last so it
 * is what the terminal shows: where to go, whom to sign in as, how to turn a
 * TOTP secret into a code, and what to do first.
 */
export function demoSummary(
  logins: readonly DemoLogin[],
  url: string,
  files: { text: string; html: string },
): string {
  const rows = demoLoginsText(logins)
    .trimEnd()
    .split('\n')
    .map((line) => `  ${line}`);
  return [
    '',
    '──────────────── Parallax demo ────────────────',
    `Open ${url} and sign in with one of these demo accounts:`,
    '',
    ...rows,
    '',
    'Next steps',
    `  1. Each account asks for a six-digit code. Scan its QR code with an authenticator app`,
    `     (Aegis, FreeOTP, Google Authenticator…): open ${files.html} in a browser,`,
    `     or enter the TOTP secret or otpauth:// link above by hand (or: oathtool --totp -b <secret>).`,
    '  2. Sign in first as coordinator@demo.parallax.test and create the group key',
    '     (Working groups → the demo group → Create the group key). Until then nobody can register cases.',
    '  3. Then sign in as an investigator (another browser or a private window) and register or import cases.',
    `These logins are also in ${files.text} (readable only by you). Demo data is fictional.`,
    '────────────────────────────────────────────────',
    '',
  ].join('\n');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A local page with one QR code per demo account, to scan into an authenticator app. */
export async function demoLoginsHtml(logins: readonly DemoLogin[]): Promise<string> {
  const cards = await Promise.all(
    logins.map(async (l) => {
      const uri = otpauthUri(l);
      const svg = await QRCode.toString(uri, { type: 'svg', margin: 1, width: 200 });
      return `<section><h2>${escapeHtml(l.email)}</h2><p>${escapeHtml(l.label)} — password <code>${escapeHtml(l.password)}</code></p>${svg}<p><code>${escapeHtml(uri)}</code></p></section>`;
    }),
  );
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>Parallax demo logins</title><style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:48rem}section{border-block-end:1px solid #ccc;padding-block:1rem}code{word-break:break-all}</style><h1>Parallax demo logins</h1><p>Scan a code with an authenticator app to get that account's six-digit codes. Fictional demo data; keep this file private anyway.</p>${cards.join('')}</html>\n`;
}

export function demoLoginsText(logins: readonly DemoLogin[]): string {
  const width = Math.max(...logins.map((l) => l.email.length)) + 2;
  return (
    logins
      .map(
        (l) =>
          `${l.email.padEnd(width)}password ${l.password}  TOTP secret ${l.totpSecret}  (${l.label})\n${''.padEnd(width)}${otpauthUri(l)}`,
      )
      .join('\n') + '\n'
  );
}

export interface DemoSeedResult {
  logins: DemoLogin[];
  files: { text: string; html: string };
}

/** The logins a previous start wrote (demo-logins.txt). */
export function parseDemoLogins(text: string): DemoLogin[] {
  return [...text.matchAll(/^(\S+)\s+password (\S+)\s+TOTP secret ([A-Z2-7]+)\s+\((.*)\)$/gmu)].map(
    ([, email = '', password = '', totpSecret = '', label = '']) => ({
      email,
      password,
      totpSecret,
      label,
    }),
  );
}
