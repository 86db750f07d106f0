import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataSourceOptions } from '../src/database/data-source-options.js';
import { migrate } from '../src/database/migration-lock.js';
import { MIGRATIONS } from '../src/database/migrations/index.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

describe('migrations', () => {
  it('are all applied to the template, and re-running applies none, even from two replicas at once', async () => {
    const a = new DataSource(dataSourceOptions(db.url, 2));
    const b = new DataSource(dataSourceOptions(db.url, 2));
    await Promise.all([a.initialize(), b.initialize()]);
    try {
      const [ra, rb] = await Promise.all([migrate(a), migrate(b)]);
      expect([...ra, ...rb]).toEqual([]);
      const rows: Array<{ name: string }> = await a.query('SELECT name FROM schema_migration ORDER BY id');
      expect(rows.map((r) => r.name)).toEqual(MIGRATIONS.map((m) => new m().name));
    } finally {
      await Promise.all([a.destroy(), b.destroy()]);
    }
  });

  it('never use synchronize', () => {
    expect(dataSourceOptions('postgres://x/y').synchronize).toBe(false);
  });
});
