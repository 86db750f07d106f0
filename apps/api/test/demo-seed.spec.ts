import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

    await seedDemo(t.app, (m) => said.push(m));
    expect(said).toContain('Demo data already present.');
    expect(
      await db.query(`SELECT count(*)::int AS n FROM working_group WHERE name LIKE '%(demo)'`),
    ).toEqual([{ n: 1 }]);
  }, 180_000);
});
