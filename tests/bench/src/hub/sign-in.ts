/** Signing in as the demo hub's users, as their devices do. */
import { HubSession, MemoryPinStore } from '@parallax/hub-client';
import { TOTP } from 'otpauth';
import { demoLogins, type AppProcess } from '@parallax/test-support';

export function totpNow(secret: string): string {
  return new TOTP({ secret, digits: 6, period: 30, algorithm: 'SHA1' }).generate();
}

export async function signIn(hub: AppProcess, dataDir: string, email: string) {
  const login = demoLogins(dataDir).get(email);
  if (!login) throw new Error(`no demo login for ${email}`);
  const session = new HubSession(hub.url);
  const me = await session.login(login.email, login.password, totpNow(login.totpSecret));
  return { session, me, login };
}

export type Pins = (userId: string) => { pins: MemoryPinStore };

/** Each signed-in person keeps their own coordinator pins, as each device does. */
export function devicePins(): Pins {
  const pinsOf = new Map<string, MemoryPinStore>();
  return (userId) => {
    const store = pinsOf.get(userId) ?? new MemoryPinStore();
    pinsOf.set(userId, store);
    return { pins: store };
  };
}
