import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface DemoLogin {
  email: string;
  password: string;
  totpSecret: string;
}

/** The demo users' logins an app started with `--demo` wrote to `<dataDir>/demo-logins.txt`. */
export function demoLogins(dataDir: string): Map<string, DemoLogin> {
  const text = readFileSync(join(dataDir, 'demo-logins.txt'), 'utf8');
  const out = new Map<string, DemoLogin>();
  for (const [, email, password, totpSecret] of text.matchAll(
    /^(\S+)\s+password (\S+)\s+TOTP secret ([A-Z2-7]+)/gmu,
  )) {
    if (email && password && totpSecret) out.set(email, { email, password, totpSecret });
  }
  return out;
}
