import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TOTP } from 'otpauth';

export { demoLogins, type DemoLogin } from '@parallax/test-support';

/**
 * The hub accepts each 30-second step of a TOTP secret once. Spec files run
 * one after another but each in its own module scope, so the last step used
 * is kept in a file per secret: a spec signing in as the coordinator right
 * after another spec did waits for the next step instead of being refused.
 */
const STEPS_DIR = join(tmpdir(), 'parallax-e2e-totp-steps');

function stepFile(secret: string): string {
  return join(STEPS_DIR, createHash('sha256').update(secret).digest('hex').slice(0, 32));
}

function lastStepOf(secret: string): number | null {
  try {
    return Number(readFileSync(stepFile(secret), 'utf8'));
  } catch {
    return null;
  }
}

/** A valid code for the secret that is not the one used just before (in any spec file). */
export async function freshTotp(secret: string): Promise<string> {
  const totp = new TOTP({ secret, digits: 6, period: 30, algorithm: 'SHA1' });
  mkdirSync(STEPS_DIR, { recursive: true });
  for (;;) {
    const step = Math.floor(Date.now() / 30_000);
    if (lastStepOf(secret) !== step) {
      writeFileSync(stepFile(secret), String(step));
      return totp.generate();
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}
