import { createHmac } from 'node:crypto';
import pg from 'pg';
import type { DataSource } from 'typeorm';

/** The login role the hub's pool uses when it makes one itself. */
export const APP_ROLE = 'parallax_app';

/** Why start-up refuses to go on; says what to change, never a password. */
export class DatabaseRoleError extends Error {}

/**
 * The application role's password, derived from the master key: every
 * replica sharing the key agrees on it without a file to copy, and it is
 * not the owner's. A new master key sets a new password at the next start.
 */
export function appRolePassword(masterKey: Buffer): string {
  return createHmac('sha256', masterKey).update('parallax database role parallax_app v1').digest('base64url');
}

function withCredentials(url: string, user: string, password: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(user);
  u.password = encodeURIComponent(password);
  return u.toString();
}

function userOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

/**
 * Makes sure the application's role exists and may do what the tenant role
 * may, and nothing more; returns the URL the pool connects with.
 * - `appUrl` given (DATABASE_APP_URL): that role, made by the operator; it is
 *   given membership of `parallax_tenant` if it lacks it.
 * - otherwise, when the owner may create roles (the embedded server's
 *   superuser, or CREATEROLE): `parallax_app`, created or reset to
 *   LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE with `password`.
 * - otherwise start-up stops: the hub never falls back to the owner.
 */
export async function provisionAppRole(
  owner: DataSource,
  opts: { ownerUrl: string; appUrl?: string | undefined; password: string },
): Promise<string> {
  const grantTenant = async (role: string) => {
    const [{ member }] = await owner.query(
      `SELECT pg_has_role($1::text, 'parallax_tenant', 'MEMBER') AS member`,
      [role],
    );
    if (member) return;
    const [{ sql }] = await owner.query(`SELECT format('GRANT parallax_tenant TO %I', $1::text) AS sql`, [role]);
    try {
      await owner.query(sql);
    } catch (error) {
      throw new DatabaseRoleError(
        `Could not grant parallax_tenant to ${role} (${error instanceof Error ? error.message : String(error)}); grant it as the database owner`,
      );
    }
  };

  if (opts.appUrl) {
    const role = userOf(opts.appUrl);
    if (!role || role === userOf(opts.ownerUrl)) {
      throw new DatabaseRoleError('DATABASE_APP_URL must name a role other than DATABASE_URL’s, which owns the tables');
    }
    await grantTenant(role);
    return opts.appUrl;
  }

  const [me] = await owner.query(
    `SELECT rolsuper OR rolcreaterole AS may FROM pg_roles WHERE rolname = current_user`,
  );
  if (!me?.may) {
    throw new DatabaseRoleError(
      `The role of DATABASE_URL may not create roles: set DATABASE_APP_URL to a login role that is not a superuser, has no BYPASSRLS and owns no table (see README, "Database roles")`,
    );
  }
  const [found] = await owner.query(`SELECT 1 AS found FROM pg_roles WHERE rolname = $1`, [APP_ROLE]);
  const verb = found ? 'ALTER' : 'CREATE';
  const [{ sql }] = await owner.query(
    `SELECT format('${verb} ROLE %I LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOREPLICATION INHERIT PASSWORD %L', $1::text, $2::text) AS sql`,
    [APP_ROLE, opts.password],
  );
  try {
    await owner.query(sql);
  } catch (error) {
    // Another database of the same server may have made it a moment ago.
    if ((error as { code?: string }).code !== '42710') {
      throw new DatabaseRoleError(`Could not ${verb.toLowerCase()} the role ${APP_ROLE} (${(error as { code?: string }).code ?? 'error'})`);
    }
  }
  await grantTenant(APP_ROLE);
  return withCredentials(opts.ownerUrl, APP_ROLE, opts.password);
}

/**
 * Connects as the application's role and refuses it if it could step around
 * row-level security: superuser, BYPASSRLS, owner of a table, or able to
 * become the tables' owner.
 */
export async function assertUnprivileged(appUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: appUrl, application_name: 'parallax-check' });
  try {
    await client.connect();
  } catch (error) {
    throw new DatabaseRoleError(
      `Could not connect as the application's role ${userOf(appUrl)} (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  try {
    const { rows } = await client.query<{ rolsuper: boolean; rolbypassrls: boolean; owns: number; owner: boolean }>(
      `SELECT r.rolsuper, r.rolbypassrls,
              (SELECT count(*)::int FROM pg_class c
               WHERE pg_has_role(current_user, c.relowner, 'MEMBER')
                 AND c.relnamespace IN (SELECT oid FROM pg_namespace WHERE nspname IN ('public', 'pgboss'))) AS owns,
              pg_has_role(current_user, (SELECT nspowner FROM pg_namespace WHERE nspname = 'public'), 'MEMBER') AS owner
       FROM pg_roles r WHERE r.rolname = current_user`,
    );
    const r = rows[0];
    const problems = [
      r?.rolsuper && 'is a superuser',
      r?.rolbypassrls && 'has BYPASSRLS',
      (r?.owns ?? 0) > 0 && 'owns tables (or may act as their owner)',
      r?.owner && 'owns the schema (or may act as its owner)',
    ].filter(Boolean);
    if (!r || problems.length > 0) {
      throw new DatabaseRoleError(
        `The application's database role ${userOf(appUrl)} ${problems.join(', ') || 'was not found'}: row-level security would not hold. Use a role without these rights (see README, "Database roles")`,
      );
    }
  } finally {
    await client.end();
  }
}
