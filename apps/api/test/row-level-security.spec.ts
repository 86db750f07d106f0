import type { Actor } from '@parallax/authz';
import { DataSource, type EntityManager } from 'typeorm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withOwnerRights } from '../src/common/tenant/owner-rights.js';
import { runAsTenant } from '../src/common/tenant/tenant-transaction.js';
import { ActorService } from '../src/modules/auth/actor.service.js';
import { useTestApp } from './support/test-app.js';
import { buildWorld, type World } from './support/world.js';

const t = useTestApp();
let w: World;
/** The application's own pool: it logs in as the application's role, like production. */
let db: DataSource;
let investigatorA: Actor;
let adminA: Actor;
beforeAll(async () => {
  w = await buildWorld(t);
  db = t.app.get(DataSource);
  const load = async (id: string) => {
    const actor = await t.app.get(ActorService).load(id);
    if (!actor) throw new Error('no actor');
    return actor;
  };
  investigatorA = await load(w.investigatorA.id);
  adminA = await load(w.adminA.id);
}, 180_000);

/** Tables only the hub itself reads and writes, never in a tenant's transaction. */
const HUB_ONLY: Record<string, string> = {
  schema_migration: 'the migration runner’s own bookkeeping',
  login_throttle: 'sign-in throttling counters, read before anyone is signed in',
};

const SEALED_SECRETS = ['login_verifier', 'encrypted_private_key', 'encrypted_signing_key', 'totp_secret', 'kdf_salt'];

class Rollback extends Error {}

/** Runs `work` in investigatorA's tenant transaction and rolls it back, so no session-level change outlives it. */
async function asTenantThenRollBack<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
  let result: T | undefined;
  await runAsTenant(db, investigatorA, async (m) => {
    result = await work(m);
    throw new Rollback();
  }).catch((e: unknown) => {
    if (!(e instanceof Rollback)) throw e;
  });
  return result as T;
}

const count = async (m: EntityManager | DataSource, sql: string, params: unknown[] = []) =>
  Number(((await m.query(sql, params)) as Array<{ n: string | number }>)[0]?.n ?? 0);

/**
 * Defence in depth: even a query with no WHERE clause, run in a tenant
 * transaction, sees only the actor's rows. These tests would pass without
 * RLS only if the data were absent, so each first checks the hub sees more.
 */
describe('row-level security', () => {
  it('hides other organisations’ invitations from an unfiltered query', async () => {
    const all = await db.query('SELECT organisation_id FROM invitation');
    expect(all.map((r: { organisation_id: string }) => r.organisation_id)).toContain(w.orgB);
    const seen = await runAsTenant(db, investigatorA, (m) => m.query('SELECT organisation_id FROM invitation'));
    expect(seen.map((r: { organisation_id: string }) => r.organisation_id)).not.toContain(w.orgB);
  });

  it('hides other users’ sessions', async () => {
    const all = Number((await db.query('SELECT count(*) AS n FROM user_session'))[0].n);
    expect(all).toBeGreaterThan(1);
    const seen = await runAsTenant(db, investigatorA, (m) => m.query('SELECT user_id FROM user_session'));
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((r: { user_id: string }) => r.user_id === w.investigatorA.id)).toBe(true);
  });

  it('hides audit entries the actor may not read, yet lets them append to the chain', async () => {
    const all = Number((await db.query('SELECT count(*) AS n FROM audit_log'))[0].n);
    const seen = await runAsTenant(db, investigatorA, (m) => m.query('SELECT actor_user_id FROM audit_log'));
    expect(seen.length).toBeLessThan(all);
    expect(seen.every((r: { actor_user_id: string }) => r.actor_user_id === w.investigatorA.id)).toBe(true);
    await expect(runAsTenant(db, investigatorA, (m) => m.query(`UPDATE audit_log SET action = 'x.y'`))).rejects.toThrow(/permission denied|append-only/);
  });

  it('lets a forged query read none of another tenant’s sealed secrets, key material or memberships', async () => {
    // What a member of A could try: B's users (login verifiers, sealed
    // private keys, TOTP seeds), group 2's epochs (the hub's sealed OPRF key)
    // and sealed copies of K_group, B's OPRF counters and B's memberships.
    const forged: Array<[string, unknown[]]> = [
      ['SELECT count(*) AS n FROM app_user WHERE organisation_id = $1', [w.orgB]],
      ['SELECT count(*) AS n FROM working_group_epoch WHERE working_group_id = $1', [w.wg2]],
      ['SELECT count(*) AS n FROM group_key_grant WHERE working_group_id = $1', [w.wg2]],
      ['SELECT count(*) AS n FROM oprf_usage WHERE organisation_id = $1', [w.orgB]],
      ['SELECT count(*) AS n FROM working_group_member WHERE organisation_id = $1', [w.orgB]],
      ['SELECT count(*) AS n FROM working_group_coordinator WHERE working_group_id = $1', [w.wg2]],
      ['SELECT count(*) AS n FROM tracking_case WHERE organisation_id = $1', [w.orgB]],
      ['SELECT count(*) AS n FROM overlap WHERE working_group_id = $1', [w.wg2]],
    ];
    for (const [sql, params] of forged) {
      expect(await count(db, sql, params), `the hub sees rows for: ${sql}`).toBeGreaterThan(0);
      expect(await runAsTenant(db, investigatorA, (m) => count(m, sql, params)), sql).toBe(0);
    }
    const secrets = await runAsTenant(db, investigatorA, (m) =>
      m.query(`SELECT organisation_id, ${SEALED_SECRETS.join(', ')} FROM app_user`),
    );
    expect(secrets.length).toBeGreaterThan(0);
    expect(secrets.every((r: { organisation_id: string }) => r.organisation_id === w.orgA)).toBe(true);
  });

  it('shows the users a member works with through user_directory, with public keys and no sealed secret', async () => {
    const columns = (
      await db.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'user_directory'`)
    ).map((r: { column_name: string }) => r.column_name);
    expect(columns).toEqual(expect.arrayContaining(['id', 'public_key', 'signing_public_key', 'organisation_id']));
    expect(columns.filter((c: string) => SEALED_SECRETS.includes(c))).toEqual([]);
    const seen = (
      await runAsTenant(db, investigatorA, (m) => m.query('SELECT id FROM user_directory'))
    ).map((r: { id: string }) => r.id);
    // A2 shares working group 1 with A, and coordinator 1 runs it; B shares nothing.
    expect(seen).toEqual(expect.arrayContaining([w.investigatorA2.id, w.coordinator1.id, w.adminA.id]));
    expect(seen).not.toContain(w.investigatorB.id);
    expect(seen).not.toContain(w.coordinator2.id);
  });

  it('lets no tenant end another organisation’s sessions through the definer-rights helper', async () => {
    const live = () =>
      count(db, 'SELECT count(*) AS n FROM user_session WHERE user_id = $1 AND revoked_at IS NULL', [w.adminB.id]);
    const before = await live();
    expect(before).toBeGreaterThan(0);
    const [{ n }] = await runAsTenant(db, adminA, (m) => m.query('SELECT revoke_user_sessions($1) AS n', [w.adminB.id]));
    expect(n).toBe(0);
    expect(await live()).toBe(before);
  });

  it('gains nothing from RESET ROLE inside a tenant transaction', async () => {
    const after = await asTenantThenRollBack(async (m) => {
      await m.query('RESET ROLE');
      const [{ me }] = await m.query('SELECT current_user AS me');
      return { me, users: await count(m, 'SELECT count(*) AS n FROM app_user WHERE organisation_id = $1', [w.orgB]) };
    });
    expect(after).toEqual({ me: 'parallax_app', users: 0 });
  });

  it('falls back to no context at all, not the hub’s, after RESET ALL inside a tenant transaction', async () => {
    const seen = await asTenantThenRollBack(async (m) => {
      await m.query('RESET ALL');
      await m.query('RESET ROLE');
      return count(m, 'SELECT count(*) AS n FROM app_user');
    });
    expect(seen).toBe(0);
  });

  it('returns to the tenant’s view after withOwnerRights', async () => {
    const [inside, after] = await runAsTenant(db, investigatorA, async (m) => [
      await withOwnerRights(m, () => count(m, 'SELECT count(*) AS n FROM app_user WHERE organisation_id = $1', [w.orgB])),
      await count(m, 'SELECT count(*) AS n FROM app_user WHERE organisation_id = $1', [w.orgB]),
    ]);
    expect(inside).toBeGreaterThan(0);
    expect(after).toBe(0);
  });
});

describe('the application’s database role', () => {
  it('is no superuser, has no BYPASSRLS and owns no table', async () => {
    const [r] = await db.query(
      `SELECT current_user AS role, rolsuper, rolbypassrls,
              (SELECT count(*)::int FROM pg_class c
               WHERE c.relnamespace IN (SELECT oid FROM pg_namespace WHERE nspname IN ('public', 'pgboss'))
                 AND pg_has_role(current_user, c.relowner, 'MEMBER')) AS owns
       FROM pg_roles WHERE rolname = current_user`,
    );
    expect(r).toEqual({ role: 'parallax_app', rolsuper: false, rolbypassrls: false, owns: 0 });
  });

  it('cannot become the tables’ owner', async () => {
    const [{ owner }] = await db.query(`SELECT pg_get_userbyid(relowner) AS owner FROM pg_class WHERE oid = 'app_user'::regclass`);
    await expect(db.transaction((m) => m.query(`SET LOCAL ROLE "${owner}"`))).rejects.toThrow(/permission denied/);
    await expect(
      runAsTenant(db, investigatorA, (m) => m.query(`SET LOCAL ROLE "${owner}"`)),
    ).rejects.toThrow(/permission denied/);
  });

  it('cannot lift row-level security, change a policy or silence the audit log’s guard', async () => {
    for (const sql of [
      'ALTER TABLE app_user NO FORCE ROW LEVEL SECURITY',
      'ALTER TABLE group_key_grant DISABLE ROW LEVEL SECURITY',
      'DROP POLICY app_user_read ON app_user',
      'ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete',
      'CREATE TABLE public.parallax_probe (x int)',
    ]) {
      // Rolled back whatever happens, so a role that could do it leaves nothing changed.
      const attempt = db.transaction(async (m) => {
        await m.query(sql);
        throw new Rollback(`${sql} succeeded`);
      });
      await expect(attempt, sql).rejects.toThrow(/must be owner|permission denied/);
    }
  });
});

describe('every table of the schema', () => {
  it('forces row-level security and has the hub’s policy and one for tenants', async () => {
    const tables: Array<{ name: string; rls: boolean; force: boolean; policies: string[]; tenant: string[] }> =
      await db.query(
        `SELECT c.relname AS name, c.relrowsecurity AS rls, c.relforcerowsecurity AS force,
                array(SELECT p.polname::text FROM pg_policy p WHERE p.polrelid = c.oid ORDER BY 1) AS policies,
                array(SELECT p.polname::text FROM pg_policy p WHERE p.polrelid = c.oid
                        AND p.polname <> c.relname || '_hub'
                        AND (0::oid = ANY (p.polroles) OR 'parallax_tenant'::regrole = ANY (p.polroles))
                      ORDER BY 1) AS tenant
         FROM pg_class c
         WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
         ORDER BY 1`,
      );
    expect(tables.length).toBeGreaterThan(15);
    const problems = tables.flatMap((tb) => [
      ...(tb.rls ? [] : [`${tb.name}: row-level security not enabled`]),
      ...(tb.force ? [] : [`${tb.name}: not FORCE ROW LEVEL SECURITY`]),
      ...(tb.policies.includes(`${tb.name}_hub`) ? [] : [`${tb.name}: no hub policy`]),
      ...(tb.tenant.length > 0 || tb.name in HUB_ONLY ? [] : [`${tb.name}: no policy for tenants`]),
    ]);
    expect(problems).toEqual([]);
  });
});
