import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TOTP } from 'otpauth';

export interface DemoLogin {
  email: string;
  password: string;
  totpSecret: string;
}

/** The demo users the shared e2e app was seeded with (see demo-seed.ts). */
export function demoLogins(dataDir: string): Map<string, DemoLogin> {
  const text = readFileSync(join(dataDir, 'demo-logins.txt'), 'utf8');
  const out = new Map<string, DemoLogin>();
  for (const [, email, password, totpSecret] of text.matchAll(/^(\S+)\s+password (\S+)\s+TOTP secret ([A-Z2-7]+)/gm)) {
    if (email && password && totpSecret) out.set(email, { email, password, totpSecret });
  }
  return out;
}

/**
 * A valid code for the secret that is not the one used just before: the hub
 * accepts each 30-second step once, so a second login in the same step waits.
 */
const lastStep = new Map<string, number>();
export async function freshTotp(secret: string): Promise<string> {
  const totp = new TOTP({ secret, digits: 6, period: 30, algorithm: 'SHA1' });
  for (;;) {
    const step = Math.floor(Date.now() / 30_000);
    if (lastStep.get(secret) !== step) {
      lastStep.set(secret, step);
      return totp.generate();
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}
