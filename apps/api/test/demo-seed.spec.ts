import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyCertificate } from '@parallax/identity';
import { DataSource } from 'typeorm';
import { afterAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/modules/demo/demo-seed.js';
import { useTestApp } from './support/test-app.js';

const dataDir = await mkdtemp(join(tmpdir(), 'parallax-demo-'));
const t = useTestApp({ PARALLAX_DATA_DIR: dataDir });
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('demo seed', () => {
  it('seeds the fictional group once and keeps the logins private', async () => {
    const said: string[] = [];
    await seedDemo(t.app, (m) => said.push(m));
    const db = t.app.get(DataSource);
    const [group] = await db.query<Array<{ id: string }>>(
      `SELECT id FROM working_group WHERE name LIKE '%(demo)'`,
    );
    const members = await db.query<Array<{ name: string }>>(
      `SELECT o.name FROM working_group_member m JOIN organisation o ON o.id = m.organisation_id WHERE m.working_group_id = $1 AND m.status = 'active' ORDER BY o.name`,
      [group?.id],
    );
    expect(members.map((o) => o.name)).toEqual([
      'Demo Documentation Centre',
      'Demo Justice Archive',
      'Demo Rights Watch',
    ]);
    expect(
      await db.query(
        'SELECT count(*)::int AS n FROM working_group_donor WHERE working_group_id = $1',
        [group?.id],
      ),
    ).toEqual([{ n: 1 }]);
    expect(
      await db.query(
        'SELECT count(*)::int AS n FROM working_group_coordinator WHERE working_group_id = $1',
        [group?.id],
      ),
    ).toEqual([{ n: 1 }]);
    expect((await stat(join(dataDir, 'demo-logins.txt'))).mode & 0o777).toBe(0o600);

    // Coordinators come from the secretariat, which is not a member (issue 9, High 3).
    expect(
      await db.query(
        `SELECT o.kind FROM working_group_coordinator c JOIN app_user u ON u.id = c.user_id
         JOIN organisation o ON o.id = u.organisation_id WHERE c.working_group_id = $1`,
        [group?.id],
      ),
    ).toEqual([{ kind: 'secretariat' }]);
    // A fully verified demo: every demo user has signing keys; the coordinator
    // certified each member's admin, each admin their colleagues, and every
    // certificate verifies under its issuer's listed key.
    expect(
      await db.query(
        'SELECT count(*)::int AS n FROM app_user WHERE signing_public_key IS NULL',
      ),
    ).toEqual([{ n: 0 }]);
    const certs = await db.query<
      Array<{ kind: string; body: Buffer; signature: Buffer; key: Buffer; subject: string; role: string }>
    >(
      `SELECT c.kind, c.body, c.signature, i.signing_public_key AS key, s.email AS subject, s.role::text AS role
       FROM key_certificate c JOIN app_user i ON i.id = c.issuer_user_id JOIN app_user s ON s.id = c.subject_user_id`,
    );
    expect(certs.filter((c) => c.kind === 'org_admin').map((c) => c.subject).sort()).toEqual([
      'admin@ddc.demo.parallax.test',
      'admin@dja.demo.parallax.test',
      'admin@drw.demo.parallax.test',
    ]);
    expect(certs.filter((c) => c.kind === 'member').map((c) => c.subject).sort()).toEqual([
      'investigator@ddc.demo.parallax.test',
      'investigator@dja.demo.parallax.test',
      'investigator@drw.demo.parallax.test',
    ]);
    for (const c of certs) {
      expect(verifyCertificate({ body: c.body, signature: c.signature }, c.key)).not.toBeNull();
    }

    await seedDemo(t.app, (m) => said.push(m));
    expect(said).toContain('Demo data already present.');
    expect(
      await db.query(`SELECT count(*)::int AS n FROM working_group WHERE name LIKE '%(demo)'`),
    ).toEqual([{ n: 1 }]);
  }, 180_000);
});
