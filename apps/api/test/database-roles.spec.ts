import { randomBytes } from 'node:crypto';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { prepareDatabase } from '../src/database/prepare-database.js';
import { JOB_QUEUES, JOB_SCHEMA, MATCH_CASE_QUEUE } from '../src/modules/jobs/job-queues.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

/**
 * Start-up never hands the application a role that could step around
 * row-level security, whatever DATABASE_APP_URL says.
 */
let db: TestDatabase;
const suffix = randomBytes(4).toString('hex');
const roles = {
  superuser: `parallax_probe_su_${suffix}`,
  bypass: `parallax_probe_bypass_${suffix}`,
  plain: `parallax_probe_plain_${suffix}`,
};
const password = randomBytes(18).toString('base64url');

async function asOwner<T>(work: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

function urlAs(role: string): string {
  const u = new URL(db.url);
  u.username = role;
  u.password = password;
  return u.toString();
}

beforeAll(async () => {
  db = await createTestDatabase();
  await asOwner(async (c) => {
    await c.query(`CREATE ROLE ${roles.superuser} LOGIN SUPERUSER PASSWORD '${password}'`);
    await c.query(`CREATE ROLE ${roles.bypass} LOGIN BYPASSRLS PASSWORD '${password}'`);
    await c.query(`CREATE ROLE ${roles.plain} LOGIN PASSWORD '${password}'`);
  });
});

afterAll(async () => {
  await db.drop();
  await asOwnerOfServer(async (c) => {
    for (const role of Object.values(roles)) await c.query(`DROP ROLE IF EXISTS ${role}`);
  });
});

async function asOwnerOfServer(work: (c: pg.Client) => Promise<void>): Promise<void> {
  const u = new URL(db.url);
  u.pathname = '/postgres';
  const c = new pg.Client({ connectionString: u.toString() });
  await c.connect();
  try {
    await work(c);
  } finally {
    await c.end();
  }
}

// parallax_app is the whole server's, shared with every other test file
// running now: keep its password as global set-up made it.
const prepare = (appUrl?: string) =>
  prepareDatabase({
    ownerUrl: db.url,
    appUrl,
    appPassword: decodeURIComponent(new URL(inject('pgAppUrl')).password),
  });

describe('the application’s database role at start-up', () => {
  it('refuses the owner itself as DATABASE_APP_URL', async () => {
    await expect(prepare(db.url)).rejects.toThrow(/other than DATABASE_URL/);
  });

  it('refuses a superuser', async () => {
    await expect(prepare(urlAs(roles.superuser))).rejects.toThrow(/is a superuser/);
  });

  it('refuses a role with BYPASSRLS', async () => {
    await expect(prepare(urlAs(roles.bypass))).rejects.toThrow(/has BYPASSRLS/);
  });

  it('accepts a plain login role, giving it the tenant role’s rights and nothing more', async () => {
    const { appUrl } = await prepare(urlAs(roles.plain));
    expect(appUrl).toBe(urlAs(roles.plain));
    const member = await asOwner(async (c) =>
      (await c.query(`SELECT pg_has_role($1, 'parallax_tenant', 'MEMBER') AS m`, [roles.plain])).rows[0].m,
    );
    expect(member).toBe(true);
  });

  it('makes parallax_app itself when DATABASE_APP_URL is unset, never falling back to the owner', async () => {
    const { appUrl } = await prepare();
    expect(new URL(appUrl).username).toBe('parallax_app');
    const c = new pg.Client({ connectionString: appUrl });
    await c.connect();
    try {
      const { rows } = await c.query(
        `SELECT rolsuper, rolbypassrls, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = current_user`,
      );
      expect(rows[0]).toEqual({ rolsuper: false, rolbypassrls: false, rolcreaterole: false, rolcreatedb: false });
    } finally {
      await c.end();
    }
  });

  it('lets the application use the job queue the owner installed, and make no table of its own', async () => {
    const errors: Error[] = [];
    const boss = new PgBoss({ connectionString: db.appUrl, schema: JOB_SCHEMA, max: 2, supervise: false });
    boss.on('error', (e: Error) => errors.push(e));
    await boss.start();
    try {
      for (const queue of JOB_QUEUES) await boss.createQueue(queue.name, { ...queue });
      await boss.send(MATCH_CASE_QUEUE, { caseId: 'c-1' });
      const [job] = await boss.fetch<{ caseId: string }>(MATCH_CASE_QUEUE);
      if (!job) throw new Error('no job fetched');
      expect(job.data).toEqual({ caseId: 'c-1' });
      await boss.complete(MATCH_CASE_QUEUE, job.id);
      await boss.maintain();
      await expect(boss.createQueue(`new-queue-${suffix}`)).rejects.toThrow(/permission denied/);
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
    expect(errors.map((e) => e.message)).toEqual([]);
  });
});
