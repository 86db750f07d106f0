import { randomBytes } from 'node:crypto';
import { groupKeyStatus } from '@parallax/hub-client';
import {
  certificateBodyFor,
  createAccountMaterial,
  deriveCredentials,
  encodeCertificateBody,
  generateSigningKeyPair,
  generateUserKeyPair,
  signCertificate,
  TEST_KDF_PARAMS,
  type CertificateKind,
  type KeyBundle,
} from '@parallax/identity';
import { DataSource } from 'typeorm';
import { beforeAll, describe, expect, it } from 'vitest';
import { GqlClient, type GqlResult } from './support/gql-client.js';
import { hubRequest, keysOf, shareKey } from './support/hub.js';
import { certifyColleague } from './support/key-trust.js';
import { useTestApp } from './support/test-app.js';
import { buildWorld, login, person, PASSWORD, totpCode, type Person, type World } from './support/world.js';

/**
 * Issue 9, Critical 1 and High 3, against the real API on PostgreSQL:
 * the hub (a platform admin, or whoever runs its database) cannot plant an
 * account that member clients seal K_group to; certificates are issued only
 * by whom the trust rules name, about the subject's current keys, and
 * signed by the issuer; a refused grant is dropped and reported; keys that
 * change take their grants and certificates with them; coordinators come
 * from outside the group.
 */
const t = useTestApp();
let w: World;
let db: DataSource;
beforeAll(async () => {
  w = await buildWorld(t, { withCases: false });
  db = t.app.get(DataSource);
}, 180_000);

const b64 = (u: Uint8Array) => Buffer.from(u).toString('base64');
const code = (r: GqlResult<unknown>) => r.errors?.[0]?.extensions?.code;
const count = async (sql: string, p: unknown[] = []) => Number((await db.query(sql, p))[0].n);
const certificates = () => count('SELECT count(*) AS n FROM key_certificate');
const audits = (action: string) => count('SELECT count(*) AS n FROM audit_log WHERE action = $1', [action]);

const CERTIFY = 'mutation($i: CertifyKeyInput!) { certifyKey(input: $i) { id kind workingGroupId subjectUserId issuerUserId body signature } }';

/** The keys the hub lists for a user, as a client would take them from the directory. */
async function bundleOf(userId: string): Promise<KeyBundle> {
  const [row] = await db.query('SELECT organisation_id, public_key, signing_public_key FROM app_user WHERE id = $1', [userId]);
  return {
    userId,
    organisationId: row.organisation_id ?? '',
    encryptionPublicKey: new Uint8Array(row.public_key),
    signingPublicKey: new Uint8Array(row.signing_public_key),
  };
}

/** A certificate as the issuer's client makes it: over the subject's listed keys, signed with the issuer's key. */
async function certificateInput(
  issuer: Person,
  kind: CertificateKind,
  workingGroupId: string | null,
  subjectUserId: string,
  tweak: (body: ReturnType<typeof certificateBodyFor>) => ReturnType<typeof certificateBodyFor> = (b) => b,
) {
  const body = tweak(certificateBodyFor(kind, await bundleOf(subjectUserId), issuer.id, workingGroupId));
  const { signingPrivateKey } = await keysOf(t, issuer);
  if (!signingPrivateKey) throw new Error('issuer has no signing key');
  const signed = signCertificate(body, signingPrivateKey);
  return {
    kind,
    ...(workingGroupId ? { workingGroupId } : {}),
    subjectUserId,
    body: b64(signed.body),
    signature: b64(signed.signature),
  };
}

/** A browser using an invitation or reset link: authenticator enrolment, then the account with fresh keys. */
async function useLink(token: string, email: string) {
  const browser = new GqlClient(t.url);
  const attempt = b64(randomBytes(32));
  const start = await browser.request<{ startSignUp: { totpSecret: string } }>(
    'mutation($t: String!, $a: String!) { startSignUp(token: $t, attempt: $a) { totpSecret } }',
    { t: token, a: attempt },
  );
  if (!start.data) return { result: start, material: null };
  const m = await createAccountMaterial(PASSWORD, TEST_KDF_PARAMS);
  const result = await browser.request('mutation($i: CompleteSignUpInput!) { completeSignUp(input: $i) { user { id } } }', {
    i: {
      token,
      email,
      displayName: 'Link User',
      kdfSalt: b64(m.kdfSalt),
      kdfParams: m.kdfParams,
      loginKey: b64(m.loginKey),
      publicKey: b64(m.publicKey),
      encryptedPrivateKey: b64(m.encryptedPrivateKey),
      signingPublicKey: b64(m.signingPublicKey),
      encryptedSigningKey: b64(m.encryptedSigningKey),
      totpCode: totpCode(start.data.startSignUp.totpSecret),
      signUpAttempt: attempt,
    },
  });
  return { result, material: m };
}

describe('a platform admin creates organisations and their first admin, and nothing inside afterwards', () => {
  const INVITE = 'mutation($i: CreateInvitationInput!) { createInvitation(input: $i) { token } }';

  it('refuses to invite a new account into a member organisation (the attack), and changes nothing', async () => {
    const before = await count('SELECT count(*) AS n FROM invitation WHERE organisation_id = $1', [w.orgA]);
    for (const role of ['org_admin', 'investigator']) {
      const r = await w.platformAdmin.client.request(INVITE, { i: { organisationId: w.orgA, role, email: 'admin-a+planted@t.test' } });
      expect(code(r), `${role}: ${JSON.stringify(r.errors)}`).toBe('FORBIDDEN');
    }
    expect(await count('SELECT count(*) AS n FROM invitation WHERE organisation_id = $1', [w.orgA])).toBe(before);
  });

  it('refuses role changes, disabling, resets and coordinator appointments inside organisations and groups that have people', async () => {
    const auditBefore = await count('SELECT count(*) AS n FROM audit_log');
    const pa = w.platformAdmin.client;
    const refused = [
      await pa.request('mutation($u: ID!) { changeUserRole(userId: $u, role: org_admin) { id } }', { u: w.investigatorA.id }),
      await pa.request('mutation($u: ID!) { disableUser(userId: $u) { id } }', { u: w.investigatorA.id }),
      await pa.request('mutation($u: ID!) { createPasswordReset(userId: $u) { token } }', { u: w.adminA.id }),
      await pa.request('mutation($w: ID!, $u: ID!) { appointCoordinator(workingGroupId: $w, userId: $u) { id } }', { w: w.wg1, u: w.coordinator2.id }),
    ];
    expect(refused.map(code)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    const [user] = await db.query('SELECT role, disabled_at FROM app_user WHERE id = $1', [w.investigatorA.id]);
    expect(user).toEqual({ role: 'investigator', disabled_at: null });
    expect(await count('SELECT count(*) AS n FROM working_group_coordinator WHERE working_group_id = $1', [w.wg1])).toBe(1);
    expect(await count('SELECT count(*) AS n FROM audit_log')).toBe(auditBefore);
  });

  it('still bootstraps: a new organisation and its first admin, a new group and its first coordinator from a new secretariat', async () => {
    const pa = w.platformAdmin.client;
    const org = await pa.ok<{ createOrganisation: { id: string } }>('mutation { createOrganisation(input: { name: "Fresh CSO", kind: cso }) { id } }');
    const first = await pa.request<{ createInvitation: { token: string } }>(INVITE, { i: { organisationId: org.createOrganisation.id, role: 'org_admin' } });
    expect(first.errors).toBeUndefined();
    // A spare first-admin link kept back is void once the organisation has its admin.
    const spare = await pa.ok<{ createInvitation: { token: string } }>(INVITE, { i: { organisationId: org.createOrganisation.id, role: 'org_admin' } });
    expect((await useLink(first.data?.createInvitation.token ?? '', 'first-admin@t.test')).result.errors).toBeUndefined();
    const late = await useLink(spare.createInvitation.token, 'planted-admin@t.test');
    expect(code(late.result)).toBe('NOT_FOUND');
    expect(await count('SELECT count(*) AS n FROM app_user WHERE organisation_id = $1', [org.createOrganisation.id])).toBe(1);
    const notAdmin = await pa.request(INVITE, { i: { organisationId: org.createOrganisation.id, role: 'investigator' } });
    expect(code(notAdmin)).toBe('FORBIDDEN');

    const group = await pa.ok<{ createWorkingGroup: { id: string } }>('mutation { createWorkingGroup(input: { name: "Fresh group" }) { id } }');
    const sec = await pa.ok<{ createOrganisation: { id: string } }>('mutation { createOrganisation(input: { name: "Fresh secretariat", kind: secretariat }) { id } }');
    const coordinator = await pa.request(INVITE, {
      i: { organisationId: sec.createOrganisation.id, role: 'org_admin', coordinatorOfWorkingGroupId: group.createWorkingGroup.id },
    });
    expect(coordinator.errors).toBeUndefined();
    // Not into a group that already has a coordinator, even from a fresh organisation.
    const sec2 = await pa.ok<{ createOrganisation: { id: string } }>('mutation { createOrganisation(input: { name: "Other secretariat", kind: secretariat }) { id } }');
    const extra = await pa.request(INVITE, { i: { organisationId: sec2.createOrganisation.id, role: 'org_admin', coordinatorOfWorkingGroupId: w.wg1 } });
    expect(code(extra)).toBe('FORBIDDEN');
  });
});

describe('the planted account: listed by the hub is not trusted by the members', () => {
  it("gets no copy of K_group from any open client, even with the real admin's name and a certificate the hub forged", async () => {
    // What the database operator can still do after the API refused: write the account directly.
    const planted = await person(t, 'admin-a.second@t.test', { organisationId: w.orgA, role: 'org_admin' });
    await db.query('UPDATE app_user SET display_name = $1 WHERE id = $2', ['admin-a', planted.id]);
    const status = await groupKeyStatus(hubRequest(w.adminA.client), w.wg1);
    expect(status.pendingRecipients.map((r) => r.userId)).toContain(planted.id);
    // A member certificate "from adminA", signed by the hub's own key.
    const hubKey = generateSigningKeyPair();
    const forged = signCertificate(certificateBodyFor('member', await bundleOf(planted.id), w.adminA.id, null), hubKey.privateKey);
    await db.query(
      `INSERT INTO key_certificate (kind, working_group_id, subject_user_id, subject_organisation_id, issuer_user_id, body, signature)
       VALUES ('member', NULL, $1, $2, $3, $4, $5)`,
      [planted.id, w.orgA, w.adminA.id, Buffer.from(forged.body), Buffer.from(forged.signature)],
    );
    for (const holder of [w.adminA, w.investigatorA, w.coordinator1]) {
      expect(await shareKey(t, holder, w.wg1), holder.email).toBe(0);
    }
    expect(await count('SELECT count(*) AS n FROM group_key_grant WHERE user_id = $1', [planted.id])).toBe(0);
  });
});

describe('certifyKey', () => {
  it('stores a certificate issued by whom the rules name, audits it, tells the subject, and replaces it when issued again', async () => {
    const before = await certificates();
    const auditsBefore = await audits('keys.certify');
    const input = await certificateInput(w.adminA, 'member', null, w.investigatorA.id);
    const first = await w.adminA.client.ok<{ certifyKey: { id: string; issuerUserId: string; body: string } }>(CERTIFY, { i: input });
    expect(first.certifyKey).toMatchObject({ issuerUserId: w.adminA.id, body: input.body });
    // The world already held adminA's certificate of investigatorA: replaced, not added.
    expect(await certificates()).toBe(before);
    expect(await audits('keys.certify')).toBe(auditsBefore + 1);
    const notes = await w.investigatorA.client.ok<{ notifications: Array<{ kind: string; payload: { issuerUserId: string } }> }>('{ notifications { kind payload } }');
    expect(notes.notifications.find((n) => n.kind === 'keys.certified')?.payload.issuerUserId).toBe(w.adminA.id);
  });

  it('refuses every issuer the rules do not name, across tenants too, with a stable code and no change', async () => {
    // A subject the issuer may not even see is NOT_FOUND; one it sees but may not vouch for, FORBIDDEN.
    const cases: Array<[string, Person, CertificateKind, string | null, string, string]> = [
      ['an org admin, a user of another organisation', w.adminA, 'member', null, w.investigatorB.id, 'NOT_FOUND'],
      ["an org admin, another tenant's admin for that tenant's group", w.adminA, 'org_admin', w.wg2, w.adminB.id, 'NOT_FOUND'],
      ['an org admin, as if coordinator of its own group', w.adminA, 'org_admin', w.wg1, w.adminA2.id, 'FORBIDDEN'],
      ["a coordinator of another group, this group's admin", w.coordinator2, 'org_admin', w.wg1, w.adminA.id, 'NOT_FOUND'],
      ['a coordinator, for a group it does not coordinate', w.coordinator1, 'org_admin', w.wg2, w.adminA.id, 'FORBIDDEN'],
      ['a coordinator, someone who is no admin of a member organisation', w.coordinator1, 'org_admin', w.wg1, w.coordinator2.id, 'FORBIDDEN'],
      ['a coordinator, a non-coordinator as co-coordinator', w.coordinator1, 'coordinator', w.wg1, w.adminA.id, 'FORBIDDEN'],
      ['an investigator, a colleague', w.investigatorA, 'member', null, w.adminA.id, 'FORBIDDEN'],
      ['an org admin, a viewer (who holds no key)', w.adminA, 'member', null, w.viewerA.id, 'FORBIDDEN'],
      ['the platform admin, a member', w.platformAdmin, 'member', null, w.investigatorA.id, 'NOT_FOUND'],
      ['the platform admin, an org admin for a group', w.platformAdmin, 'org_admin', w.wg1, w.adminA.id, 'FORBIDDEN'],
    ];
    const before = await certificates();
    const auditsBefore = await count('SELECT count(*) AS n FROM audit_log');
    for (const [what, issuer, kind, wg, subject, expected] of cases) {
      const r = await issuer.client.request(CERTIFY, { i: await certificateInput(issuer, kind, wg, subject) });
      expect(code(r), `${what}: ${JSON.stringify(r.errors)}`).toBe(expected);
    }
    expect(await certificates()).toBe(before);
    expect(await count('SELECT count(*) AS n FROM audit_log')).toBe(auditsBefore);
  });

  it('refuses a certificate over other keys, a bad signature, a forged issuer or a malformed body, with a stable code and no change', async () => {
    const subject = w.investigatorA.id;
    const otherKeys = { encryptionPublicKey: b64(generateUserKeyPair().publicKey), signingPublicKey: b64(generateSigningKeyPair().publicKey) };
    const valid = await certificateInput(w.adminA, 'member', null, subject);
    const someoneElse = generateSigningKeyPair();
    const bodyOf = async () => certificateBodyFor('member', await bundleOf(subject), w.adminA.id, null);
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['keys that are not the subject’s', await certificateInput(w.adminA, 'member', null, subject, (b) => ({ ...b, ...otherKeys })), 'CERTIFICATE_KEY_MISMATCH'],
      ['another organisation in the body', await certificateInput(w.adminA, 'member', null, subject, (b) => ({ ...b, organisationId: w.orgB })), 'CERTIFICATE_INVALID'],
      ['a signature by another key', { ...valid, signature: b64(signCertificate(await bodyOf(), someoneElse.privateKey).signature) }, 'CERTIFICATE_SIGNATURE_INVALID'],
      ['a random signature', { ...valid, signature: b64(randomBytes(64)) }, 'CERTIFICATE_SIGNATURE_INVALID'],
      ['a forged issuer (signed by the caller, naming the coordinator)', await certificateInput(w.adminA, 'member', null, subject, (b) => ({ ...b, issuerUserId: w.coordinator1.id })), 'CERTIFICATE_INVALID'],
      ['a body for another subject', { ...valid, body: b64(encodeCertificateBody({ ...(await bodyOf()), subjectUserId: w.adminA2.id })) }, 'CERTIFICATE_INVALID'],
      ['a body of another kind', { ...valid, body: b64(encodeCertificateBody({ ...(await bodyOf()), kind: 'org_admin', workingGroupId: w.wg1 })) }, 'CERTIFICATE_INVALID'],
      ['a malformed body', { ...valid, body: b64(new TextEncoder().encode('{"v":1,"kind":"member"}')) }, 'CERTIFICATE_INVALID'],
      ['a non-canonical body', { ...valid, body: b64(new TextEncoder().encode(JSON.stringify(await bodyOf(), null, 1))) }, 'CERTIFICATE_INVALID'],
      ['a body that is no base64', { ...valid, body: 'not base64!' }, 'BAD_USER_INPUT'],
    ];
    const before = await certificates();
    const [{ body: storedBefore }] = await db.query('SELECT body FROM key_certificate WHERE subject_user_id = $1 AND issuer_user_id = $2', [subject, w.adminA.id]);
    const auditsBefore = await count('SELECT count(*) AS n FROM audit_log');
    for (const [what, input, expected] of cases) {
      const r = await w.adminA.client.request(CERTIFY, { i: input });
      expect(code(r), `${what}: ${JSON.stringify(r.errors)}`).toBe(expected);
    }
    expect(await certificates()).toBe(before);
    const [{ body: storedAfter }] = await db.query('SELECT body FROM key_certificate WHERE subject_user_id = $1 AND issuer_user_id = $2', [subject, w.adminA.id]);
    expect(Buffer.compare(storedAfter, storedBefore)).toBe(0);
    expect(await count('SELECT count(*) AS n FROM audit_log')).toBe(auditsBefore);
  });

  it('lets a coordinator certify a co-coordinator of the same group', async () => {
    const colleague = await person(t, 'co-coordinator@t.test', { organisationId: w.secretariat, role: 'investigator' });
    await db.query('INSERT INTO working_group_coordinator (working_group_id, user_id) VALUES ($1, $2)', [w.wg1, colleague.id]);
    const r = await w.coordinator1.client.request(CERTIFY, { i: await certificateInput(w.coordinator1, 'coordinator', w.wg1, colleague.id) });
    expect(r.errors).toBeUndefined();
    // Members read it in the directory: their clients need it to trust the co-coordinator.
    const d = await w.investigatorA.client.ok<{ keyDirectory: { certificates: Array<{ kind: string; subjectUserId: string }> } }>(
      'query($w: ID!) { keyDirectory(workingGroupId: $w) { certificates { kind subjectUserId } } }',
      { w: w.wg1 },
    );
    expect(d.keyDirectory.certificates).toContainEqual({ kind: 'coordinator', subjectUserId: colleague.id });
    // Leave the group as the later tests expect it.
    await db.query('DELETE FROM key_certificate WHERE subject_user_id = $1', [colleague.id]);
    await db.query('DELETE FROM working_group_coordinator WHERE user_id = $1', [colleague.id]);
  });
});

describe('keyDirectory', () => {
  const DIRECTORY = 'query($w: ID!) { keyDirectory(workingGroupId: $w) { holders { userId organisationId role isCoordinator encryptionPublicKey signingPublicKey } certificates { kind subjectUserId issuerUserId workingGroupId } } }';

  it("lists the group's holders with their keys, and the certificates about them", async () => {
    const d = await w.investigatorA.client.ok<{
      keyDirectory: {
        holders: Array<{ userId: string; isCoordinator: boolean; encryptionPublicKey: string; signingPublicKey: string }>;
        certificates: Array<{ kind: string; subjectUserId: string; issuerUserId: string; workingGroupId: string | null }>;
      };
    }>(DIRECTORY, { w: w.wg1 });
    const ids = d.keyDirectory.holders.map((h) => h.userId);
    expect(ids).toEqual(expect.arrayContaining([w.coordinator1.id, w.adminA.id, w.investigatorA.id, w.adminA2.id, w.investigatorA2.id]));
    expect(ids).not.toContain(w.viewerA.id);
    expect(ids).not.toContain(w.adminB.id);
    expect(d.keyDirectory.holders.find((h) => h.userId === w.coordinator1.id)?.isCoordinator).toBe(true);
    const mine = await bundleOf(w.investigatorA.id);
    expect(d.keyDirectory.holders.find((h) => h.userId === w.investigatorA.id)).toMatchObject({
      encryptionPublicKey: b64(mine.encryptionPublicKey),
      signingPublicKey: b64(mine.signingPublicKey),
    });
    expect(d.keyDirectory.certificates).toEqual(
      expect.arrayContaining([
        { kind: 'org_admin', subjectUserId: w.adminA.id, issuerUserId: w.coordinator1.id, workingGroupId: w.wg1 },
        { kind: 'member', subjectUserId: w.investigatorA.id, issuerUserId: w.adminA.id, workingGroupId: null },
      ]),
    );
    const people = new Set(ids);
    expect(d.keyDirectory.certificates.every((c) => people.has(c.subjectUserId) && (c.workingGroupId === null || c.workingGroupId === w.wg1))).toBe(true);
  });

  it('is refused outside the group: other tenants, viewers, donors, the platform admin', async () => {
    for (const [p, wg] of [[w.adminA, w.wg2], [w.coordinator1, w.wg2], [w.viewerA, w.wg1], [w.donorViewer, w.wg1], [w.platformAdmin, w.wg1]] as const) {
      // A donor account is refused outright (deny by default).
      expect(code(await p.client.request(DIRECTORY, { w: wg })), p.email).toBe(p === w.donorViewer ? 'FORBIDDEN' : 'NOT_FOUND');
    }
  });
});

describe('group key grants', () => {
  const STATUS = 'query($w: ID!) { groupKeyStatus(workingGroupId: $w) { epoch mySealedKey mySealedKeySenderId epochCommitment { tag signature coordinatorUserId } pendingRecipients { userId signingPublicKey organisationId } } }';

  it('carries the epoch commitment and the sender of my copy; the first read of a copy is audited once', async () => {
    const reads = () => count(`SELECT count(*) AS n FROM audit_log WHERE action = 'keys.sealed_key_read' AND actor_user_id = $1`, [w.adminA2.id]);
    expect(await reads()).toBe(0);
    const first = await w.adminA2.client.ok<{ groupKeyStatus: { mySealedKeySenderId: string; epochCommitment: { tag: string; signature: string; coordinatorUserId: string } } }>(STATUS, { w: w.wg1 });
    await w.adminA2.client.ok(STATUS, { w: w.wg1 });
    expect(await reads()).toBe(1);
    expect(first.groupKeyStatus.mySealedKeySenderId).toBe(w.coordinator1.id);
    expect(first.groupKeyStatus.epochCommitment.coordinatorUserId).toBe(w.coordinator1.id);
    expect(Buffer.from(first.groupKeyStatus.epochCommitment.tag, 'base64')).toHaveLength(32);
    expect(Buffer.from(first.groupKeyStatus.epochCommitment.signature, 'base64')).toHaveLength(64);
  });

  it("rejectGroupKeyGrant deletes only the caller's copy, audits it and alerts the coordinators; an honest holder re-seals", async () => {
    const [{ epoch }] = await db.query('SELECT epoch FROM working_group_epoch WHERE working_group_id = $1 AND retired_at IS NULL', [w.wg1]);
    const grants = () => db.query<Array<{ user_id: string }>>('SELECT user_id FROM group_key_grant WHERE working_group_id = $1 ORDER BY user_id', [w.wg1]);
    const before = (await grants()).map((g) => g.user_id);
    expect(before).toContain(w.investigatorA2.id);
    const q = 'mutation($w: ID!, $e: Int!) { rejectGroupKeyGrant(workingGroupId: $w, epoch: $e) }';
    expect(await w.investigatorA2.client.ok(q, { w: w.wg1, e: epoch })).toEqual({ rejectGroupKeyGrant: true });
    expect((await grants()).map((g) => g.user_id)).toEqual(before.filter((id) => id !== w.investigatorA2.id));
    expect(await audits('keys.grant_rejected')).toBe(1);
    const alerts = await w.coordinator1.client.ok<{ notifications: Array<{ kind: string; payload: { userId: string; epoch: number } }> }>('{ notifications { kind payload } }');
    expect(alerts.notifications.find((n) => n.kind === 'keys.grant_rejected')?.payload).toMatchObject({ userId: w.investigatorA2.id, epoch });
    expect(code(await w.investigatorA2.client.request(q, { w: w.wg1, e: epoch }))).toBe('NOT_FOUND');
    expect(code(await w.investigatorB.client.request(q, { w: w.wg1, e: epoch }))).toBe('NOT_FOUND');
    expect(await shareKey(t, w.adminA2, w.wg1)).toBe(1);
    expect((await grants()).map((g) => g.user_id)).toEqual(before);
  });

  it('rotateGroupKey refuses a missing, malformed or unsigned commitment, changing nothing', async () => {
    const [{ epoch }] = await db.query('SELECT epoch FROM working_group_epoch WHERE working_group_id = $1 AND retired_at IS NULL', [w.wg1]);
    const grant = [{ userId: w.coordinator1.id, sealedKey: b64(randomBytes(80)) }];
    const short = await w.coordinator1.client.request(
      'mutation($w: ID!, $g: [SealedGrantInput!]!, $c: EpochCommitmentInput!) { rotateGroupKey(workingGroupId: $w, grants: $g, commitment: $c) }',
      { w: w.wg1, g: grant, c: { tag: b64(randomBytes(16)), signature: b64(randomBytes(64)) } },
    );
    expect(code(short)).toBe('BAD_USER_INPUT');
    const oversized = await w.coordinator1.client.request(
      'mutation($w: ID!, $g: [SealedGrantInput!]!, $c: EpochCommitmentInput!) { rotateGroupKey(workingGroupId: $w, grants: $g, commitment: $c) }',
      { w: w.wg1, g: grant, c: { tag: b64(randomBytes(32)), signature: b64(randomBytes(96)) } },
    );
    expect(code(oversized)).toBe('BAD_USER_INPUT');
    const unsigned = await w.coordinator1.client.request(
      'mutation($w: ID!, $g: [SealedGrantInput!]!, $c: EpochCommitmentInput!) { rotateGroupKey(workingGroupId: $w, grants: $g, commitment: $c) }',
      { w: w.wg1, g: grant, c: { tag: b64(randomBytes(32)), signature: b64(randomBytes(64)) } },
    );
    expect(code(unsigned)).toBe('BAD_USER_INPUT');
    const missing = await w.coordinator1.client.request('mutation($w: ID!, $g: [SealedGrantInput!]!) { rotateGroupKey(workingGroupId: $w, grants: $g) }', { w: w.wg1, g: grant });
    expect(missing.errors?.length).toBeGreaterThan(0);
    const [{ epoch: after }] = await db.query('SELECT epoch FROM working_group_epoch WHERE working_group_id = $1 AND retired_at IS NULL', [w.wg1]);
    expect(after).toBe(epoch);
  });
});

describe('changed keys take their grants and certificates with them', () => {
  it('a password reset (new key pair) deletes the old grants and certificates in the same transaction, audited', async () => {
    const p = await person(t, 'reset-me@t.test', { organisationId: w.orgA, role: 'investigator' });
    await certifyColleague(t, w.adminA, w.wg1, p);
    expect(await shareKey(t, w.adminA, w.wg1)).toBeGreaterThanOrEqual(1);
    const grantsOf = () => count('SELECT count(*) AS n FROM group_key_grant WHERE user_id = $1', [p.id]);
    const certsOf = () => count('SELECT count(*) AS n FROM key_certificate WHERE subject_user_id = $1 OR issuer_user_id = $1', [p.id]);
    expect(await grantsOf()).toBe(1);
    expect(await certsOf()).toBe(1);

    const resetsBefore = await audits('user.reset_credentials');
    const { createPasswordReset } = await w.adminA.client.ok<{ createPasswordReset: { token: string } }>('mutation($u: ID!) { createPasswordReset(userId: $u) { token } }', { u: p.id });
    const { result, material: m } = await useLink(createPasswordReset.token, p.email);
    expect(result.errors).toBeUndefined();
    if (!m) throw new Error('the reset link did not start');
    expect(await grantsOf()).toBe(0);
    expect(await certsOf()).toBe(0);
    const [row] = await db.query('SELECT signing_public_key FROM app_user WHERE id = $1', [p.id]);
    expect(Buffer.compare(row.signing_public_key, Buffer.from(m.signingPublicKey))).toBe(0);
    expect(await audits('user.reset_credentials')).toBe(resetsBefore + 1);
    // Not trusted again until re-certified: nobody seals to the new keys.
    expect(await shareKey(t, w.adminA, w.wg1)).toBe(0);
  });
});

describe('a password change with a new signing key', () => {
  it('deletes the certificates and grants bound to the old key; re-sealing the same key keeps them', async () => {
    const p = await person(t, 'change-me@t.test', { organisationId: w.orgA2, role: 'investigator' });
    await certifyColleague(t, w.adminA2, w.wg1, p);
    expect(await shareKey(t, w.adminA2, w.wg1)).toBeGreaterThanOrEqual(1);
    const client = await login(t, p);
    const grantsOf = () => count('SELECT count(*) AS n FROM group_key_grant WHERE user_id = $1', [p.id]);
    const certsOf = () => count('SELECT count(*) AS n FROM key_certificate WHERE subject_user_id = $1', [p.id]);
    const change = async (signingPublicKey: Uint8Array) => {
      const [row] = await db.query('SELECT kdf_salt FROM app_user WHERE id = $1', [p.id]);
      const current = await deriveCredentials(PASSWORD, row.kdf_salt, TEST_KDF_PARAMS);
      const next = await createAccountMaterial(PASSWORD, TEST_KDF_PARAMS);
      await client.ok('mutation($i: ChangePasswordInput!) { changePassword(input: $i) }', {
        i: {
          currentLoginKey: b64(current.loginKey),
          newKdfSalt: b64(next.kdfSalt),
          newKdfParams: next.kdfParams,
          newLoginKey: b64(next.loginKey),
          newEncryptedPrivateKey: b64(next.encryptedPrivateKey),
          signingPublicKey: b64(signingPublicKey),
          encryptedSigningKey: b64(next.encryptedSigningKey),
        },
      });
    };
    await change((await bundleOf(p.id)).signingPublicKey);
    expect([await grantsOf(), await certsOf()]).toEqual([1, 1]);
    await change(generateSigningKeyPair().publicKey);
    expect([await grantsOf(), await certsOf()]).toEqual([0, 0]);
  });
});

describe('setSigningKey (accounts made before signing keys)', () => {
  it('stores the key once, audited; refuses a second one and bad input', async () => {
    await db.query('UPDATE app_user SET signing_public_key = NULL, encrypted_signing_key = NULL WHERE id = $1', [w.viewerA.id]);
    const me = () => w.viewerA.client.ok<{ me: { signingPublicKey: string | null; encryptedSigningKey: string | null } }>('{ me { signingPublicKey encryptedSigningKey } }');
    expect((await me()).me.signingPublicKey).toBeNull();
    const q = 'mutation($p: String!, $e: String!) { setSigningKey(signingPublicKey: $p, encryptedSigningKey: $e) }';
    const bad = await w.viewerA.client.request(q, { p: 'not base64!', e: b64(randomBytes(73)) });
    expect(code(bad)).toBe('BAD_USER_INPUT');
    const short = await w.viewerA.client.request(q, { p: b64(randomBytes(16)), e: b64(randomBytes(73)) });
    expect(code(short)).toBe('BAD_USER_INPUT');
    const key = generateSigningKeyPair().publicKey;
    expect(await w.viewerA.client.ok(q, { p: b64(key), e: b64(randomBytes(73)) })).toEqual({ setSigningKey: true });
    expect((await me()).me.signingPublicKey).toBe(b64(key));
    const again = await w.viewerA.client.request(q, { p: b64(generateSigningKeyPair().publicKey), e: b64(randomBytes(73)) });
    expect(code(again)).toBe('SIGNING_KEY_EXISTS');
    expect((await me()).me.signingPublicKey).toBe(b64(key));
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'user.set_signing_key' AND actor_user_id = $1`, [w.viewerA.id])).toBe(1);
  });
});

describe('coordinators come from outside the group (High 3)', () => {
  const APPOINT = 'mutation($w: ID!, $u: ID!) { appointCoordinator(workingGroupId: $w, userId: $u) { id } }';
  const newGroup = async (name: string) =>
    (await db.query<Array<{ id: string }>>('INSERT INTO working_group (name) VALUES ($1) RETURNING id', [name]))[0]?.id ?? '';

  it('refuses a coordinator from a member organisation, or from any non-secretariat, and accepts a secretariat one', async () => {
    const g = await newGroup('Group with a member');
    await db.query(`INSERT INTO working_group_member (working_group_id, organisation_id, status, joined_at) VALUES ($1, $2, 'active', now())`, [g, w.orgA]);
    const fromMember = await w.platformAdmin.client.request(APPOINT, { w: g, u: w.adminA.id });
    expect(code(fromMember)).toBe('COORDINATOR_FROM_MEMBER');
    const fromCso = await w.platformAdmin.client.request(APPOINT, { w: g, u: w.investigatorB.id });
    expect(code(fromCso)).toBe('COORDINATOR_FROM_MEMBER');
    expect(await count('SELECT count(*) AS n FROM working_group_coordinator WHERE working_group_id = $1', [g])).toBe(0);
    expect((await w.platformAdmin.client.request(APPOINT, { w: g, u: w.coordinator2.id })).errors).toBeUndefined();
    expect(await count('SELECT count(*) AS n FROM working_group_coordinator WHERE working_group_id = $1', [g])).toBe(1);
  });

  it('refuses inviting as member an organisation one of whose users coordinates the group', async () => {
    const [{ id: legacy }] = await db.query(`INSERT INTO organisation (name, kind) VALUES ('Legacy CSO', 'cso') RETURNING id`);
    const coordinator = await person(t, 'legacy-coordinator@t.test', { organisationId: legacy, role: 'org_admin' });
    // A coordinator appointed before the rule existed.
    await db.query('INSERT INTO working_group_coordinator (working_group_id, user_id) VALUES ($1, $2)', [w.wg1, coordinator.id]);
    const r = await w.coordinator1.client.request(
      'mutation($w: ID!, $o: ID!) { inviteOrganisationToWorkingGroup(workingGroupId: $w, organisationId: $o) { status } }',
      { w: w.wg1, o: legacy },
    );
    expect(code(r)).toBe('COORDINATOR_FROM_MEMBER');
    expect(await count('SELECT count(*) AS n FROM working_group_member WHERE organisation_id = $1', [legacy])).toBe(0);
    await db.query('DELETE FROM working_group_coordinator WHERE user_id = $1', [coordinator.id]);
  });

  it('refuses an invitation that would make a member organisation’s new user a coordinator', async () => {
    const g = await newGroup('Group to bootstrap');
    const [{ id: cso }] = await db.query(`INSERT INTO organisation (name, kind) VALUES ('Empty CSO', 'cso') RETURNING id`);
    const r = await w.platformAdmin.client.request('mutation($i: CreateInvitationInput!) { createInvitation(input: $i) { token } }', {
      i: { organisationId: cso, role: 'org_admin', coordinatorOfWorkingGroupId: g },
    });
    expect(code(r)).toBe('COORDINATOR_FROM_MEMBER');
    expect(await count('SELECT count(*) AS n FROM invitation WHERE organisation_id = $1', [cso])).toBe(0);
  });
});
