import { createAccountMaterial, deriveCredentials, TEST_KDF_PARAMS } from '@parallax/identity';
import { TOTP } from 'otpauth';
import { DataSource } from 'typeorm';
import { UsersService } from '../../src/modules/users/users.service.js';
import type { UserRole } from '../../src/modules/users/user.entity.js';
import { GqlClient } from './gql-client.js';
import type { TestApp } from './test-app.js';
import { buildWorldHere } from './world-build.js';
import { worldFromTemplate } from './world-template.js';

/** One suspect, as two organisations wrote him down. */
export const PERSON_LATIN = {
  id: 'p-latin',
  schema: 'Person',
  properties: {
    name: ['Ivan Mykolayovych PETRENKO'],
    birthDate: ['1970-03-02'],
    nationality: ['ua'],
  },
};
export const PERSON_CYRILLIC = {
  id: 'p-cyrillic',
  schema: 'Person',
  properties: { name: ['Петренко Іван Миколайович'], birthDate: ['1970-03-02'] },
};

export const PASSWORD = 'a test password, long enough';

export interface Person {
  id: string;
  email: string;
  totpSecret: string;
  client: GqlClient;
}

export interface World {
  orgA: string;
  orgB: string;
  orgA2: string;
  orgB2: string;
  donor: string;
  secretariat: string;
  wg1: string;
  wg2: string;
  platformAdmin: Person;
  adminA: Person;
  investigatorA: Person;
  viewerA: Person;
  coordinator1: Person;
  donorViewer: Person;
  adminB: Person;
  investigatorB: Person;
  coordinator2: Person;
  investigatorA2: Person;
  investigatorB2: Person;
  /** The admins of the second member organisations, who certify their investigators' keys. */
  adminA2: Person;
  adminB2: Person;
  /** An invitation of org B, and a session of adminB. */
  invitationB: string;
  sessionB: string;
  /** Tenant B's case, its overlap with org B2, and B's notification about it. */
  caseB: string;
  overlapB: string;
  notificationB: string;
  /** Tenant B's cluster (overlapB revealed: orgB and orgB2 are its parties), with an open arrangement. */
  clusterB: string;
  /** A referral of tenant B's cluster (recorded by org B) to the ICC. */
  referralB: string;
}

export function totpCode(secret: string, offsetSteps = 0): string {
  return new TOTP({ secret, digits: 6, period: 30, algorithm: 'SHA1' }).generate({
    timestamp: Date.now() + offsetSteps * 30_000,
  });
}

/**
 * Waits for the next 30-second TOTP step when fewer than `seconds` are left
 * in this one: a test that expects a code to be refused as already used must
 * send it twice within one step (on a loaded machine two sign-ins took long
 * enough to cross a step boundary, and the second code was a new one).
 */
export async function withinOneTotpStep(seconds = 10): Promise<void> {
  const left = 30_000 - (Date.now() % 30_000);
  if (left < seconds * 1000) await new Promise((resolve) => setTimeout(resolve, left + 50));
}

/** Lets a test log the same person in twice within one 30-second step. */
export async function forgetUsedCode(t: TestApp, userId: string): Promise<void> {
  await t.app
    .get(DataSource)
    .query('UPDATE app_user SET totp_last_step = NULL WHERE id = $1', [userId]);
}

export async function login(
  t: TestApp,
  p: Omit<Person, 'client'>,
  client = new GqlClient(t.url),
): Promise<GqlClient> {
  const params = await client.ok<{ loginParameters: { salt: string } }>(
    'query($e: String!) { loginParameters(email: $e) { salt } }',
    { e: p.email },
  );
  const { loginKey } = await deriveCredentials(
    PASSWORD,
    Buffer.from(params.loginParameters.salt, 'base64'),
    TEST_KDF_PARAMS,
  );
  await client.ok('mutation($i: LoginInput!) { login(input: $i) { user { id } } }', {
    i: {
      email: p.email,
      loginKey: Buffer.from(loginKey).toString('base64'),
      totpCode: totpCode(p.totpSecret),
    },
  });
  return client;
}

/** A new account with real keys made as a browser makes them at sign-up (not signed in). */
export async function person(
  t: TestApp,
  email: string,
  membership?: { organisationId: string; role: UserRole },
): Promise<Omit<Person, 'client'>> {
  const material = await createAccountMaterial(PASSWORD, TEST_KDF_PARAMS);
  const e = await t.app.get(UsersService).createAccount(
    {
      email,
      displayName: email.split('@')[0] ?? email,
      ...(membership ? { membership } : {}),
      ...material,
    },
    null,
  );
  return { id: e.userId, email, totpSecret: e.totpSecret };
}

/**
 * Two tenants that must never see each other: org A in working group 1
 * (coordinated from a secretariat, funded by a donor) and org B in working
 * group 2. Everyone is signed in.
 *
 * Building it takes 15–50 s, so it is built once per run into template
 * databases and each call restarts the app over a fresh clone of one
 * (world-template.ts): every file still gets a world of its own.
 */
export async function buildWorld(
  t: TestApp,
  opts: { withCases: boolean } = { withCases: true },
): Promise<World> {
  return (await worldFromTemplate(t, opts.withCases)) ?? buildWorldHere(t, opts);
}
