import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { beforeAll, describe, expect, it } from 'vitest';
import { IdempotencyCleanup } from '../src/common/idempotency/idempotency-cleanup.service.js';
import { runAsTenant } from '../src/common/tenant/tenant-transaction.js';
import { ActorService } from '../src/modules/auth/actor.service.js';
import { seedUser, tag } from './support/identity-fixtures.js';
import { sessionHeaders } from './support/sessions.js';
import { useTestApp } from './support/test-app.js';

const t = useTestApp();

const CREATE = `mutation Create($input: CreateOrganisationInput!) {
  createOrganisation(input: $input) { id name kind }
}`;

interface Answer {
  status: number;
  replayed: boolean;
  body: {
    data?: { createOrganisation?: { id: string; name: string } | null } | null;
    errors?: Array<{ message: string; extensions?: { code?: string } }>;
  };
}

let alice: Record<string, string>;
let bob: Record<string, string>;
let aliceId: string;
let bobId: string;

async function send(
  who: Record<string, string>,
  key: string | null,
  variables: object,
  query = CREATE,
): Promise<Answer> {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-parallax-csrf': '1',
      ...who,
      ...(key === null ? {} : { 'idempotency-key': key }),
    },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: res.status,
    replayed: res.headers.get('idempotent-replayed') === 'true',
    body: (await res.json()) as never,
  };
}

const owner = () => t.app.get(DataSource);
const orgsNamed = async (name: string) =>
  Number(
    (await owner().query('SELECT count(*) AS n FROM organisation WHERE name = $1', [name]))[0].n,
  );
const auditsFor = async (name: string) =>
  Number(
    (
      await owner().query(
        `SELECT count(*) AS n FROM audit_log a JOIN organisation o ON o.id::text = a.subject_id
         WHERE a.action = 'organisation.create' AND o.name = $1`,
        [name],
      )
    )[0].n,
  );
const keyRows = async (key: string) =>
  owner().query<Array<{ user_id: string; status: string }>>(
    'SELECT user_id, status FROM idempotency_key WHERE key = $1',
    [key],
  );
const codeOf = (a: Answer) => a.body.errors?.[0]?.extensions?.code;

/** Runs SQL as the database owner (the app's pool may not create triggers). */
async function asOwner(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: t.db.url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  aliceId = await seedUser(owner());
  bobId = await seedUser(owner());
  alice = await sessionHeaders(t, aliceId);
  bob = await sessionHeaders(t, bobId);
});

describe('Idempotency-Key on mutations', () => {
  it('applies a mutation once: a retry gets the first answer, with one change and one audit entry', async () => {
    const key = randomUUID();
    const input = { input: { name: `Idem ${tag()}`, kind: 'cso' } };
    const first = await send(alice, key, input);
    expect(first.body.errors).toBeUndefined();
    const second = await send(alice, key, input);
    // Without the key the second attempt would be refused with NAME_TAKEN.
    expect(second.body).toEqual(first.body);
    expect(second.replayed).toBe(true);
    expect(first.replayed).toBe(false);
    expect(await orgsNamed(input.input.name)).toBe(1);
    expect(await auditsFor(input.input.name)).toBe(1);
    expect(await keyRows(key)).toEqual([{ user_id: aliceId, status: 'completed' }]);
  });

  it('refuses a key reused with other variables (IDEMPOTENCY_KEY_REUSED) and changes nothing', async () => {
    const key = randomUUID();
    await send(alice, key, { input: { name: `First ${tag()}`, kind: 'cso' } });
    const other = `Other ${tag()}`;
    const reused = await send(alice, key, { input: { name: other, kind: 'cso' } });
    expect(codeOf(reused)).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(reused.body.errors?.[0]).toMatchObject({ extensions: { category: 'CONFLICT' } });
    expect(await orgsNamed(other)).toBe(0);
    expect(await auditsFor(other)).toBe(0);
  });

  it('runs a retry normally when the first attempt rolled back', async () => {
    const key = randomUUID();
    const name = `Rollback ${tag()}`;
    const fn = `fail_${tag()}`;
    await asOwner(`
      CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'transient failure'; END $$;
      CREATE TRIGGER ${fn} BEFORE INSERT ON organisation FOR EACH ROW
      WHEN (NEW.name = '${name}') EXECUTE FUNCTION ${fn}();`);
    const failed = await send(alice, key, { input: { name, kind: 'cso' } });
    expect(codeOf(failed)).toBe('INTERNAL');
    expect(await keyRows(key)).toEqual([]);
    await asOwner(`DROP TRIGGER ${fn} ON organisation; DROP FUNCTION ${fn}();`);

    const retried = await send(alice, key, { input: { name, kind: 'cso' } });
    expect(retried.body.errors).toBeUndefined();
    expect(retried.replayed).toBe(false);
    expect(await orgsNamed(name)).toBe(1);
    expect(await auditsFor(name)).toBe(1);
  });

  it('applies concurrent duplicates exactly once; the others wait and get the answer or IDEMPOTENCY_IN_PROGRESS', async () => {
    const key = randomUUID();
    const input = { input: { name: `Race ${tag()}`, kind: 'cso' } };
    const answers = await Promise.all([1, 2, 3, 4].map(() => send(alice, key, input)));
    const ok = answers.filter((a) => !a.body.errors);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    expect(new Set(ok.map((a) => a.body.data?.createOrganisation?.id)).size).toBe(1);
    for (const a of answers.filter((x) => x.body.errors))
      expect(codeOf(a)).toBe('IDEMPOTENCY_IN_PROGRESS');
    expect(await orgsNamed(input.input.name)).toBe(1);
    expect(await auditsFor(input.input.name)).toBe(1);
    // Once the first answer is stored, every retry gets it.
    const later = await send(alice, key, input);
    expect(later.body).toEqual(ok[0]?.body);
  });

  it("keeps keys per user: another user's same key runs on its own and never sees the first answer", async () => {
    const key = randomUUID();
    const input = { input: { name: `Mine ${tag()}`, kind: 'cso' } };
    const mine = await send(alice, key, input);
    const aliceOrg = mine.body.data?.createOrganisation?.id;
    expect(aliceOrg).toBeDefined();

    // Same key and variables: Bob's own execution (the name is taken), not Alice's answer.
    const theirs = await send(bob, key, input);
    expect(theirs.replayed).toBe(false);
    expect(codeOf(theirs)).toBe('NAME_TAKEN');
    expect(JSON.stringify(theirs.body)).not.toContain(aliceOrg);
    // Same key, other variables: not "reused" for Bob, it simply runs.
    const bobsName = `Bob ${tag()}`;
    const own = await send(bob, key, { input: { name: bobsName, kind: 'cso' } });
    expect(own.body.errors).toBeUndefined();
    expect(await orgsNamed(bobsName)).toBe(1);

    // Row-level security: in Bob's tenant transaction only Bob's keys exist.
    const bobActor = await t.app.get(ActorService).load(bobId);
    if (!bobActor) throw new Error('no actor');
    const seen = await runAsTenant(t.app.get(DataSource), bobActor, (m) =>
      m.query<Array<{ user_id: string; response: unknown }>>(
        'SELECT user_id, response FROM idempotency_key',
      ),
    );
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((r) => r.user_id === bobId)).toBe(true);
    expect(JSON.stringify(seen)).not.toContain(aliceOrg);
  });

  it('refuses a malformed key with IDEMPOTENCY_KEY_INVALID before anything runs', async () => {
    const name = `Bad key ${tag()}`;
    for (const key of ['not-a-uuid', '', '6ba7b810-9dad-11d1-80b4-00c04fd430c8' /* v1 */]) {
      const refused = await send(alice, key, { input: { name, kind: 'cso' } });
      expect(refused.status).toBe(400);
      expect(codeOf(refused)).toBe('IDEMPOTENCY_KEY_INVALID');
    }
    expect(await orgsNamed(name)).toBe(0);
  });

  it('keeps no variable value: only a hash of the request, and the answer', async () => {
    const key = randomUUID();
    const canary = `CANARY-${tag()}-Петренко`;
    const done = await send(
      alice,
      key,
      { input: { name: canary, kind: 'cso' } },
      `mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }`,
    );
    expect(done.body.errors).toBeUndefined();
    const rows = await owner().query<Array<{ row: string }>>(
      `SELECT row_to_json(k)::text AS row FROM idempotency_key k WHERE key = $1`,
      [key],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.row).not.toContain('CANARY');
    expect(rows[0]?.row).not.toContain('Петренко');
  });

  it('forgets expired keys: the clean-up deletes them and the key may run again', async () => {
    const key = randomUUID();
    const input = { input: { name: `Expiring ${tag()}`, kind: 'cso' } };
    await send(alice, key, input);
    await owner().query(
      `UPDATE idempotency_key SET expires_at = now() - interval '1 second' WHERE key = $1`,
      [key],
    );
    const again = await send(alice, key, input);
    expect(again.replayed).toBe(false);
    expect(codeOf(again)).toBe('NAME_TAKEN');
    const other = randomUUID();
    await send(alice, other, { input: { name: `Expired ${tag()}`, kind: 'cso' } });
    await owner().query(
      `UPDATE idempotency_key SET expires_at = now() - interval '1 second' WHERE key = $1`,
      [other],
    );
    expect(await t.app.get(IdempotencyCleanup).deleteExpired()).toBeGreaterThanOrEqual(1);
    expect(await keyRows(other)).toEqual([]);
  });

  it('ignores the key on queries and on the mutations it does not apply to', async () => {
    const query = await send(alice, 'not-a-uuid', {}, '{ me { user { id } } }');
    expect(query.body.errors).toBeUndefined();
    const key = randomUUID();
    await send(alice, key, {}, 'mutation { logout }');
    expect(await keyRows(key)).toEqual([]);
  });
});
