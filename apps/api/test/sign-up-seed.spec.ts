import { randomBytes } from 'node:crypto';
import { createAccountMaterial, TEST_KDF_PARAMS } from '@parallax/identity';
import { Secret } from 'otpauth';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { LEGACY_TOTP_PURPOSE, totpPurpose } from '../src/modules/auth/totp.service.js';
import { UsersService } from '../src/modules/users/users.service.js';
import { GqlClient } from './support/gql-client.js';
import { useTestApp } from './support/test-app.js';
import { forgetUsedCode, login, PASSWORD, totpCode, type Person } from './support/world.js';

/**
 * Issue 9, item 8: the invitation link used to yield the authenticator seed
 * to whoever opened it — the inviter can. Now a seed is made per sign-up
 * attempt, for the browser holding that attempt's one-time value, and
 * completing the sign-up needs that value. And (Low) a seed is sealed bound
 * to its account, so a sealed seed copied to another row does not open.
 */
const t = useTestApp();
let admin: Person;
let colleague: Person;
let orgId = '';

const b64 = (u: Uint8Array) => Buffer.from(u).toString('base64');
const attempt = () => b64(randomBytes(32));

async function sql<T extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: t.db.url });
  await c.connect();
  try {
    return (await c.query<T>(text, params)).rows;
  } finally {
    await c.end();
  }
}

async function member(email: string, role: 'org_admin' | 'viewer'): Promise<Person> {
  const material = await createAccountMaterial(PASSWORD, TEST_KDF_PARAMS);
  const e = await t.app
    .get(UsersService)
    .createAccount({ email, displayName: email, membership: { organisationId: orgId, role }, ...material }, null);
  const p = { id: e.userId, email, totpSecret: e.totpSecret };
  return { ...p, client: await login(t, p) };
}

beforeAll(async () => {
  [{ id: orgId = '' } = { id: '' }] = await sql<{ id: string }>(
    `INSERT INTO organisation (name, kind) VALUES ('Org S', 'cso') RETURNING id`,
  );
  admin = await member('admin-s@t.test', 'org_admin');
  colleague = await member('viewer-s@t.test', 'viewer');
}, 120_000);

const START = 'mutation($t: String!, $a: String!) { startSignUp(token: $t, attempt: $a) { totpSecret otpauthUri } }';
const COMPLETE = 'mutation($i: CompleteSignUpInput!) { completeSignUp(input: $i) { user { id } } }';

async function completion(token: string, email: string, code: string, signUpAttempt: string) {
  const m = await createAccountMaterial(PASSWORD, TEST_KDF_PARAMS);
  return {
    token,
    email,
    displayName: 'Invitee',
    kdfSalt: b64(m.kdfSalt),
    kdfParams: m.kdfParams,
    loginKey: b64(m.loginKey),
    publicKey: b64(m.publicKey),
    encryptedPrivateKey: b64(m.encryptedPrivateKey),
    signingPublicKey: b64(m.signingPublicKey),
    encryptedSigningKey: b64(m.encryptedSigningKey),
    totpCode: code,
    signUpAttempt,
  };
}

async function invite(email: string): Promise<string> {
  const { createInvitation } = await admin.client.ok<{ createInvitation: { token: string } }>(
    'mutation($o: ID!, $e: String!) { createInvitation(input: { organisationId: $o, role: investigator, email: $e }) { token } }',
    { o: orgId, e: email },
  );
  return createInvitation.token;
}

describe('the authenticator seed of a sign-up', () => {
  it('never reaches an inviter who opens the link before the invitee', async () => {
    const token = await invite('invitee@t.test');
    // The inviter opens the link first, and again while the invitee is signing up.
    const inviterAttempt = attempt();
    const inviter = new GqlClient(t.url);
    const seen: string[] = [];
    const peek = async () =>
      seen.push((await inviter.ok<{ startSignUp: { totpSecret: string } }>(START, { t: token, a: inviterAttempt })).startSignUp.totpSecret);
    await peek();

    const invitee = new GqlClient(t.url);
    const mine = attempt();
    const first = (await invitee.ok<{ startSignUp: { totpSecret: string } }>(START, { t: token, a: mine })).startSignUp.totpSecret;
    expect(first).not.toBe(seen[0]);
    await peek();
    expect(seen[1]).not.toBe(first);
    // The inviter's new attempt superseded the invitee's: completing it is refused…
    const refused = await invitee.request(COMPLETE, { i: await completion(token, 'invitee@t.test', totpCode(first), mine) });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    // …and the inviter cannot complete with a seed it holds but an attempt it does not.
    const stolen = await inviter.request(COMPLETE, {
      i: await completion(token, 'invitee@t.test', totpCode(seen[1] ?? ''), attempt()),
    });
    expect(stolen.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });

    // The invitee starts again and finishes.
    const again = (await invitee.ok<{ startSignUp: { totpSecret: string } }>(START, { t: token, a: mine })).startSignUp.totpSecret;
    const retry = (await invitee.ok<{ startSignUp: { totpSecret: string } }>(START, { t: token, a: mine })).startSignUp.totpSecret;
    expect(retry).toBe(again);
    const done = await invitee.ok<{ completeSignUp: { user: { id: string } } }>(COMPLETE, {
      i: await completion(token, 'invitee@t.test', totpCode(again), mine),
    });

    // The seed the account ends up with is the invitee's, and none the inviter saw.
    const [row] = await sql<{ totp_secret: Buffer }>('SELECT totp_secret FROM app_user WHERE id = $1', [done.completeSignUp.user.id]);
    const finalSeed = new Secret({ buffer: Uint8Array.from(t.runtime.secretBox.open(row?.totp_secret ?? Buffer.alloc(0), totpPurpose(done.completeSignUp.user.id))).buffer }).base32;
    expect(finalSeed).toBe(again);
    expect(seen).not.toContain(finalSeed);
    expect(await sql('SELECT 1 FROM invitation WHERE pending_totp_secret IS NOT NULL AND used_at IS NULL AND email = $1', ['invitee@t.test'])).toEqual([]);
  });

  it('refuses a malformed attempt value with a clear error and changes nothing', async () => {
    const token = await invite('other-invitee@t.test');
    const r = await new GqlClient(t.url).request(START, { t: token, a: 'short' });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await sql('SELECT 1 FROM invitation WHERE email = $1 AND sign_up_attempt_hash IS NOT NULL', ['other-invitee@t.test'])).toEqual([]);
  });
});

describe('sealed TOTP seeds', () => {
  it("are bound to their account: another user's sealed seed copied into a row does not sign in", async () => {
    await forgetUsedCode(t, admin.id);
    await sql('UPDATE app_user SET totp_secret = (SELECT totp_secret FROM app_user WHERE id = $1) WHERE id = $2', [admin.id, colleague.id]);
    // The colleague's password, the admin's authenticator: refused.
    await expect(login(t, { ...colleague, totpSecret: admin.totpSecret })).rejects.toThrow(/UNAUTHENTICATED/);
  });

  it('sealed the old way (no user id) still open once, and are re-sealed bound to the user', async () => {
    const seed = randomBytes(20);
    await sql('UPDATE app_user SET totp_secret = $2, totp_last_step = NULL WHERE id = $1', [
      colleague.id,
      t.runtime.secretBox.seal(seed, LEGACY_TOTP_PURPOSE),
    ]);
    const base32 = new Secret({ buffer: Uint8Array.from(seed).buffer }).base32;
    await login(t, { ...colleague, totpSecret: base32 });
    const [row] = await sql<{ totp_secret: Buffer }>('SELECT totp_secret FROM app_user WHERE id = $1', [colleague.id]);
    expect(t.runtime.secretBox.open(row?.totp_secret ?? Buffer.alloc(0), totpPurpose(colleague.id)).equals(seed)).toBe(true);
    expect(() => t.runtime.secretBox.open(row?.totp_secret ?? Buffer.alloc(0), LEGACY_TOTP_PURPOSE)).toThrow();
  });
});
