import { randomBytes } from 'node:crypto';
import { createAccountMaterial, deriveCredentials, TEST_KDF_PARAMS } from '@parallax/identity';
import { DataSource } from 'typeorm';
import { beforeAll, describe, expect, it } from 'vitest';
import { UsersService } from '../src/modules/users/users.service.js';
import { seedOrganisation } from './support/identity-fixtures.js';
import { useTestApp } from './support/test-app.js';
import { PASSWORD, totpCode } from './support/world.js';

/**
 * Issue 9, item 5: anyone knowing an e-mail could lock its account out
 * forever (5 failures, repeatable every 15 minutes, no sign-in needed).
 * Sources are told apart by X-Forwarded-For behind a trusted proxy.
 */
const t = useTestApp({
  TRUST_PROXY: 'loopback',
  TOTP_MAX_FAILURES: '5',
  TOTP_LOCKOUT_MINUTES: '15',
  LOGIN_ACCOUNT_SOFT_LIMIT: '20',
  LOGIN_ACCOUNT_DELAY_MS: '300',
});
let db: DataSource;
let victim: { id: string; email: string; totpSecret: string; salt: Buffer };
beforeAll(async () => {
  db = t.app.get(DataSource);
  const org = await seedOrganisation(db);
  const email = `victim-${randomBytes(3).toString('hex')}@t.test`;
  const e = await t.app.get(UsersService).createAccount(
    {
      email,
      displayName: 'Victim',
      membership: { organisationId: org, role: 'investigator' },
      ...(await createAccountMaterial(PASSWORD, TEST_KDF_PARAMS)),
    },
    null,
  );
  const [row] = await db.query('SELECT kdf_salt FROM app_user WHERE id = $1', [e.userId]);
  victim = { id: e.userId, email, totpSecret: e.totpSecret, salt: row.kdf_salt };
});

const LOGIN = 'mutation($i: LoginInput!) { login(input: $i) { user { id } } }';

interface Reply {
  status: number;
  body: { data?: { login: { user: { id: string } } }; errors?: Array<{ message: string; extensions?: { code?: string; details?: Record<string, string> } }> };
}

function attempt(from: string, loginKey: Uint8Array, code: string): Promise<Reply> {
  return t.graphql(
    LOGIN,
    { i: { email: victim.email, loginKey: Buffer.from(loginKey).toString('base64'), totpCode: code } },
    { 'x-forwarded-for': from },
  ) as Promise<Reply>;
}

async function realLogin(from: string): Promise<Reply> {
  await db.query('UPDATE app_user SET totp_last_step = NULL WHERE id = $1', [victim.id]);
  const { loginKey } = await deriveCredentials(PASSWORD, victim.salt, TEST_KDF_PARAMS);
  return attempt(from, loginKey, totpCode(victim.totpSecret));
}

const wrong = () => attempt('203.0.113.7', randomBytes(32), '000000');

describe('sign-in throttling', () => {
  it('pauses the outsider’s source, with a clear code and retry time, and never locks the real user out', async () => {
    const codes: Array<string | undefined> = [];
    let paused: Reply | undefined;
    for (let i = 0; i < 50; i++) {
      const r = await wrong();
      codes.push(r.body.errors?.[0]?.extensions?.code);
      if (r.body.errors?.[0]?.extensions?.code === 'SIGN_IN_THROTTLED') paused ??= r;
    }
    expect(codes.slice(0, 4)).toEqual(Array(4).fill('UNAUTHENTICATED'));
    expect(codes.slice(4)).toEqual(Array(46).fill('SIGN_IN_THROTTLED'));
    expect(paused?.body.errors?.[0]?.extensions?.details?.['retryAfterSeconds']).toBe('900');
    expect(paused?.body.errors?.[0]?.message).toMatch(/try again in 15 minutes/);
    // Even the right password is refused from the paused source…
    expect((await realLogin('203.0.113.7')).body.errors?.[0]?.extensions?.code).toBe('SIGN_IN_THROTTLED');
    // …but the real user, from their own network, signs in.
    const ok = await realLogin('198.51.100.9');
    expect(ok.body.errors).toBeUndefined();
    expect(ok.body.data?.login.user.id).toBe(victim.id);
    const [user] = await db.query('SELECT locked_until, totp_failures FROM app_user WHERE id = $1', [victim.id]);
    expect(user).toEqual({ locked_until: null, totp_failures: 0 });
  });

  it('doubles the pause each time the same source earns one again', async () => {
    // The first pause is over (as if 15 minutes had passed).
    await db.query(`UPDATE login_throttle SET expire = $1 WHERE key LIKE 'src:%'`, [Date.now() - 1]);
    const codes: Array<string | undefined> = [];
    let last: Reply | undefined;
    for (let i = 0; i < 5; i++) {
      last = await wrong();
      codes.push(last.body.errors?.[0]?.extensions?.code);
    }
    expect(codes).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'SIGN_IN_THROTTLED']);
    expect(last?.body.errors?.[0]?.extensions?.details?.['retryAfterSeconds']).toBe('1800');
  });

  it('slows, but does not stop, sign-ins to an account attacked from many sources', async () => {
    for (let i = 0; i < 25; i++) {
      const r = await attempt(`192.0.2.${i + 1}`, randomBytes(32), '000000');
      expect(r.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const started = Date.now();
    const ok = await realLogin('198.51.100.10');
    expect(ok.body.data?.login.user.id).toBe(victim.id);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
  });

  it('keeps no address nor e-mail in the throttling table', async () => {
    const rows = (await db.query('SELECT key FROM login_throttle')) as Array<{ key: string }>;
    expect(rows.length).toBeGreaterThan(0);
    const all = rows.map((r) => r.key).join(' ');
    expect(all).not.toContain('203.0.113.7');
    expect(all).not.toContain(victim.email);
  });
});
