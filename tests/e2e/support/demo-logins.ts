import { TOTP } from 'otpauth';

export { demoLogins, type DemoLogin } from '@parallax/test-support';

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
