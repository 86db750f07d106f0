import { createAccountMaterial, deriveCredentials, TEST_KDF_PARAMS } from '@parallax/identity';
import { DataSource } from 'typeorm';
import { beforeAll, describe, expect, it } from 'vitest';
import { GqlClient } from './support/gql-client.js';
import { useTestApp } from './support/test-app.js';
import { buildWorld, forgetUsedCode, login, PASSWORD, totpCode, withinOneTotpStep, type World } from './support/world.js';

const t = useTestApp();
let w: World;
let db: DataSource;
beforeAll(async () => {
  w = await buildWorld(t);
  db = t.app.get(DataSource);
}, 180_000);

const b64 = (u: Uint8Array) => Buffer.from(u).toString('base64');
/** The one-time value a browser binds its sign-up attempt to (one per invitation is enough here). */
const ATTEMPT = b64(new Uint8Array(32).fill(7));
const count = async (sql: string, p: unknown[] = []) => Number((await db.query(sql, p))[0].n);

async function signUpInput(token: string, email: string, code: string) {
  const m = await createAccountMaterial(PASSWORD, TEST_KDF_PARAMS);
  return {
    token,
    email,
    displayName: 'New Person',
    kdfSalt: b64(m.kdfSalt),
    kdfParams: m.kdfParams,
    loginKey: b64(m.loginKey),
    publicKey: b64(m.publicKey),
    encryptedPrivateKey: b64(m.encryptedPrivateKey),
    signingPublicKey: b64(m.signingPublicKey),
    encryptedSigningKey: b64(m.encryptedSigningKey),
    totpCode: code,
    signUpAttempt: ATTEMPT,
  };
}

const COMPLETE = 'mutation($i: CompleteSignUpInput!) { completeSignUp(input: $i) { user { id email role } } }';

describe('sign-up from an invitation', () => {
  it('enrols TOTP, refuses a wrong code without creating anything, then signs the new user in once', async () => {
    const { createInvitation } = await w.adminA.client.ok<{ createInvitation: { token: string; path: string } }>(
      'mutation($o: ID!) { createInvitation(input: { organisationId: $o, role: investigator, email: "New@T.test" }) { token path } }',
      { o: w.orgA },
    );
    expect(createInvitation.path).toBe(`/join/${createInvitation.token}`);
    const stranger = new GqlClient(t.url);
    const start = await stranger.ok<{ startSignUp: { totpSecret: string; invitation: { organisationName: string; email: string } } }>(
      'mutation($t: String!, $a: String!) { startSignUp(token: $t, attempt: $a) { totpSecret invitation { organisationName email } } }',
      { t: createInvitation.token, a: ATTEMPT },
    );
    expect(start.startSignUp.invitation).toEqual({ organisationName: 'Org A', email: 'new@t.test' });
    const again = await stranger.ok<{ startSignUp: { totpSecret: string } }>('mutation($t: String!, $a: String!) { startSignUp(token: $t, attempt: $a) { totpSecret } }', {
      t: createInvitation.token,
      a: ATTEMPT,
    });
    // The same browser retrying (same attempt value) gets the same secret back.
    expect(again.startSignUp.totpSecret).toBe(start.startSignUp.totpSecret);

    const users = await count('SELECT count(*) AS n FROM app_user');
    const wrongCode = await stranger.request(COMPLETE, { i: await signUpInput(createInvitation.token, 'new@t.test', totpCode(start.startSignUp.totpSecret, 5)) });
    expect(wrongCode.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const wrongEmail = await stranger.request(COMPLETE, { i: await signUpInput(createInvitation.token, 'other@t.test', totpCode(start.startSignUp.totpSecret)) });
    expect(wrongEmail.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await count('SELECT count(*) AS n FROM app_user')).toBe(users);

    const done = await stranger.ok<{ completeSignUp: { user: { email: string; role: string } } }>(COMPLETE, {
      i: await signUpInput(createInvitation.token, 'new@t.test', totpCode(start.startSignUp.totpSecret)),
    });
    expect(done.completeSignUp.user).toMatchObject({ email: 'new@t.test', role: 'investigator' });
    const me = await stranger.ok<{ me: { user: { email: string } } }>('{ me { user { email } } }');
    expect(me.me.user.email).toBe('new@t.test');

    const reuse = await new GqlClient(t.url).request(COMPLETE, {
      i: await signUpInput(createInvitation.token, 'new@t.test', totpCode(start.startSignUp.totpSecret)),
    });
    expect(reuse.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('login', () => {
  it('answers unknown and known e-mails alike', async () => {
    const q = 'query($e: String!) { loginParameters(email: $e) { salt algorithm memoryKiB iterations parallelism } }';
    const a = await new GqlClient(t.url).ok<{ loginParameters: Record<string, unknown> }>(q, { e: 'nobody@t.test' });
    const b = await new GqlClient(t.url).ok<{ loginParameters: Record<string, unknown> }>(q, { e: 'NOBODY@t.test' });
    expect(a).toEqual(b);
    expect(Buffer.from(String(a.loginParameters['salt']), 'base64')).toHaveLength(16);
    const unknown = await new GqlClient(t.url).request('mutation($i: LoginInput!) { login(input: $i) { user { id } } }', {
      i: { email: 'nobody@t.test', loginKey: b64(new Uint8Array(32)), totpCode: '123456' },
    });
    const wrongKey = await new GqlClient(t.url).request('mutation($i: LoginInput!) { login(input: $i) { user { id } } }', {
      i: { email: w.viewerA.email, loginKey: b64(new Uint8Array(32)), totpCode: totpCode(w.viewerA.totpSecret) },
    });
    expect(unknown.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(wrongKey.errors?.[0]?.message).toBe(unknown.errors?.[0]?.message);
  });

  it('sets a __Host- session cookie: Secure, HttpOnly, SameSite=Strict', async () => {
    await forgetUsedCode(t, w.viewerA.id);
    const params = await new GqlClient(t.url).ok<{ loginParameters: { salt: string } }>('query($e: String!) { loginParameters(email: $e) { salt } }', { e: w.viewerA.email });
    expect(params.loginParameters.salt).toBeTruthy();
    const client = new GqlClient(t.url);
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-parallax-csrf': '1' },
      body: JSON.stringify({ query: '{ serverInfo { name } }' }),
    });
    expect(res.headers.get('set-cookie')).toBeNull();
    await login(t, w.viewerA, client);
    expect(client.cookieHeader).toMatch(/^__Host-parallax_session=/);
  });

  // Repeated failures pause their source (this test's address), never the
  // account: see sign-in-throttle.spec.ts for an outsider and the real user.
  it('accepts each code once, and pauses the source after repeated failures', async () => {
    await db.query('DELETE FROM login_throttle');
    await forgetUsedCode(t, w.investigatorA.id);
    await withinOneTotpStep();
    await login(t, w.investigatorA);
    await expect(login(t, w.investigatorA)).rejects.toThrow(/UNAUTHENTICATED/);
    await db.query('UPDATE app_user SET totp_last_step = NULL, totp_failures = 0 WHERE id = $1', [w.investigatorA.id]);
    for (let i = 0; i < 5; i++) {
      await new GqlClient(t.url).request('mutation($i: LoginInput!) { login(input: $i) { user { id } } }', {
        i: { email: w.investigatorA.email, loginKey: b64(new Uint8Array(32)), totpCode: '000000' },
      });
    }
    await expect(login(t, w.investigatorA)).rejects.toThrow(/SIGN_IN_THROTTLED/);
    const [user] = await db.query('SELECT locked_until FROM app_user WHERE id = $1', [w.investigatorA.id]);
    expect(user.locked_until).toBeNull();
    // Once the source's pause is over, the same account signs in.
    await db.query('DELETE FROM login_throttle');
    await db.query('UPDATE app_user SET totp_last_step = NULL WHERE id = $1', [w.investigatorA.id]);
    await login(t, w.investigatorA);
  });
});

describe('password reset request', () => {
  it('answers the same for unknown and known e-mails, and tells only the known account’s admins', async () => {
    const q = 'mutation($e: String!) { requestPasswordReset(email: $e) }';
    const before = Number((await db.query(`SELECT count(*) AS n FROM audit_log WHERE action = 'auth.reset_requested'`))[0].n);
    expect(await new GqlClient(t.url).ok(q, { e: 'nobody@t.test' })).toEqual({ requestPasswordReset: true });
    expect(await new GqlClient(t.url).ok(q, { e: w.viewerA.email })).toEqual({ requestPasswordReset: true });
    const rows = await db.query(`SELECT organisation_id, subject_id FROM audit_log WHERE action = 'auth.reset_requested'`);
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toEqual({ organisation_id: w.orgA, subject_id: w.viewerA.id });
  });
});

describe('sessions', () => {
  it('logout revokes the session on the server, not just the cookie', async () => {
    await forgetUsedCode(t, w.viewerA.id);
    const client = await login(t, w.viewerA);
    const stolen = client.cookieHeader ?? '';
    await client.ok('mutation { logout }');
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-parallax-csrf': '1', cookie: stolen },
      body: JSON.stringify({ query: '{ mySessions { id } }' }),
    });
    const body = (await res.json()) as { errors?: Array<{ extensions: { code: string } }> };
    expect(body.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('expires after the idle timeout and the absolute lifetime', async () => {
    await forgetUsedCode(t, w.viewerA.id);
    const idle = await login(t, w.viewerA);
    await db.query(`UPDATE user_session SET last_seen_at = now() - interval '31 minutes' WHERE user_id = $1 AND revoked_at IS NULL`, [w.viewerA.id]);
    expect((await idle.request('{ mySessions { id } }')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await forgetUsedCode(t, w.viewerA.id);
    const old = await login(t, w.viewerA);
    await db.query(`UPDATE user_session SET expires_at = now() - interval '1 second' WHERE user_id = $1 AND revoked_at IS NULL`, [w.viewerA.id]);
    expect((await old.request('{ mySessions { id } }')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lists own sessions and revokes one', async () => {
    const own = await w.adminA.client.ok<{ mySessions: Array<{ id: string; current: boolean }> }>('{ mySessions { id current } }');
    expect(own.mySessions.filter((s) => s.current)).toHaveLength(1);
    await forgetUsedCode(t, w.adminA.id);
    const second = await login(t, w.adminA);
    const both = await w.adminA.client.ok<{ mySessions: Array<{ id: string; current: boolean }> }>('{ mySessions { id current } }');
    const other = both.mySessions.find((s) => !s.current);
    expect(other).toBeDefined();
    await w.adminA.client.ok('mutation($id: ID!) { revokeSession(id: $id) }', { id: other?.id });
    expect((await second.request('{ mySessions { id } }')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('disabling a user ends their sessions at once', async () => {
    const victim = await createMember('to-disable@t.test');
    const before = await victim.client.request('{ mySessions { id } }');
    expect(before.errors).toBeUndefined();
    await w.adminA.client.ok('mutation($u: ID!) { disableUser(userId: $u) { disabled } }', { u: victim.id });
    expect((await victim.client.request('{ mySessions { id } }')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await forgetUsedCode(t, victim.id);
    await expect(login(t, victim)).rejects.toThrow(/UNAUTHENTICATED/);
  });
});

async function createMember(email: string) {
  const { createInvitation } = await w.adminA.client.ok<{ createInvitation: { token: string } }>(
    'mutation($o: ID!) { createInvitation(input: { organisationId: $o, role: viewer }) { token } }',
    { o: w.orgA },
  );
  const client = new GqlClient(t.url);
  const s = await client.ok<{ startSignUp: { totpSecret: string } }>('mutation($t: String!, $a: String!) { startSignUp(token: $t, attempt: $a) { totpSecret } }', {
    t: createInvitation.token,
    a: ATTEMPT,
  });
  const done = await client.ok<{ completeSignUp: { user: { id: string } } }>(COMPLETE, {
    i: await signUpInput(createInvitation.token, email, totpCode(s.startSignUp.totpSecret)),
  });
  return { id: done.completeSignUp.user.id, email, totpSecret: s.startSignUp.totpSecret, client };
}

describe('step-up', () => {
  it('asks for a fresh code before a sensitive action, then allows it', async () => {
    await db.query(`UPDATE user_session SET step_up_at = now() - interval '10 minutes' WHERE user_id = $1`, [w.adminA.id]);
    const q = 'mutation($o: ID!) { createInvitation(input: { organisationId: $o, role: viewer }) { token } }';
    const refused = await w.adminA.client.request(q, { o: w.orgA });
    expect(refused.errors?.[0]?.extensions?.code).toBe('STEP_UP_REQUIRED');
    await forgetUsedCode(t, w.adminA.id);
    await w.adminA.client.ok('mutation($c: String!) { stepUp(code: $c) }', { c: totpCode(w.adminA.totpSecret) });
    expect((await w.adminA.client.request(q, { o: w.orgA })).errors).toBeUndefined();
  });
});

describe('password change', () => {
  it('needs the current password, re-seals the same key pair and ends the other sessions', async () => {
    const person = await createMember('changer@t.test');
    await forgetUsedCode(t, person.id);
    const other = await login(t, person);
    const wrong = await person.client.request('mutation($i: ChangePasswordInput!) { changePassword(input: $i) }', {
      i: { currentLoginKey: b64(new Uint8Array(32)), newKdfSalt: b64(new Uint8Array(16)), newKdfParams: TEST_KDF_PARAMS, newLoginKey: b64(new Uint8Array(32)), newEncryptedPrivateKey: b64(new Uint8Array(72)), signingPublicKey: b64(new Uint8Array(32)), encryptedSigningKey: b64(new Uint8Array(72)) },
    });
    expect(wrong.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const [row] = await db.query('SELECT kdf_salt, public_key, signing_public_key FROM app_user WHERE id = $1', [person.id]);
    const current = await deriveCredentials(PASSWORD, row.kdf_salt, TEST_KDF_PARAMS);
    const next = await createAccountMaterial('a brand new password!', TEST_KDF_PARAMS);
    await person.client.ok('mutation($i: ChangePasswordInput!) { changePassword(input: $i) }', {
      i: {
        currentLoginKey: b64(current.loginKey),
        newKdfSalt: b64(next.kdfSalt),
        newKdfParams: next.kdfParams,
        newLoginKey: b64(next.loginKey),
        newEncryptedPrivateKey: b64(next.encryptedPrivateKey),
        // The same signing key, re-sealed under the new password.
        signingPublicKey: b64(row.signing_public_key),
        encryptedSigningKey: b64(next.encryptedSigningKey),
      },
    });
    expect((await other.request('{ mySessions { id } }')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await person.client.request('{ mySessions { id } }')).errors).toBeUndefined();
    const [after] = await db.query('SELECT public_key, signing_public_key FROM app_user WHERE id = $1', [person.id]);
    expect(Buffer.compare(after.public_key, row.public_key)).toBe(0);
    expect(Buffer.compare(after.signing_public_key, row.signing_public_key)).toBe(0);
  });
});

describe('working-group admission', () => {
  it('coordinator invites, only the invited organisation’s admin accepts', async () => {
    const { createOrganisation } = await w.platformAdmin.client.ok<{ createOrganisation: { id: string } }>(
      'mutation { createOrganisation(input: { name: "Org C", kind: cso }) { id } }',
    );
    const orgC = createOrganisation.id;
    await w.coordinator1.client.ok('mutation($w: ID!, $o: ID!) { inviteOrganisationToWorkingGroup(workingGroupId: $w, organisationId: $o) { status } }', {
      w: w.wg1,
      o: orgC,
    });
    const again = await w.coordinator1.client.request(
      'mutation($w: ID!, $o: ID!) { inviteOrganisationToWorkingGroup(workingGroupId: $w, organisationId: $o) { status } }',
      { w: w.wg1, o: orgC },
    );
    expect(again.errors?.[0]?.extensions?.code).toBe('ALREADY_MEMBER');
    const donorAsMember = await w.coordinator1.client.request(
      'mutation($w: ID!, $o: ID!) { inviteOrganisationToWorkingGroup(workingGroupId: $w, organisationId: $o) { status } }',
      { w: w.wg1, o: w.donor },
    );
    expect(donorAsMember.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // Org A's admin cannot answer for org C.
    const wrongOrg = await w.adminA.client.request('mutation($w: ID!) { respondToWorkingGroupInvitation(workingGroupId: $w, accept: true) { status } }', {
      w: w.wg1,
    });
    expect(wrongOrg.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const members = await w.coordinator1.client.ok<{ workingGroup: { members: Array<{ organisation: { id: string }; status: string }> } }>(
      'query($w: ID!) { workingGroup(id: $w) { members { organisation { id } status } } }',
      { w: w.wg1 },
    );
    expect(members.workingGroup.members).toContainEqual({ organisation: { id: orgC }, status: 'invited' });
  });
});
