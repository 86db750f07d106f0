import pg from 'pg';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dataSourceOptions } from '../src/database/data-source-options.js';
import { AuditRepository } from '../src/modules/audit/audit.repository.js';
import { AuditService } from '../src/modules/audit/audit.service.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

let db: TestDatabase;
let ds: DataSource;
const audit = new AuditService(new AuditRepository());

beforeAll(async () => {
  db = await createTestDatabase();
  ds = new DataSource(dataSourceOptions(db.url, 12));
  await ds.initialize();
});
afterAll(async () => {
  await ds.destroy();
  await db.drop();
});

/** Tampering as an attacker with superuser rights would: triggers off first. */
async function asAttacker(sql: string, params: unknown[] = []): Promise<void> {
  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  try {
    await c.query('BEGIN');
    await c.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
    await c.query(sql, params);
    await c.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
    await c.query('COMMIT');
  } finally {
    await c.end();
  }
}

async function reset(n: number): Promise<void> {
  await asAttacker('DELETE FROM audit_log');
  for (let i = 0; i < n; i++) {
    await ds.transaction((m) =>
      audit.record(m, { actorUserId: null, action: 'test.write', subjectType: 'thing', subjectId: String(i), change: { i } }),
    );
  }
}

describe('audit chain', () => {
  beforeEach(async () => {
    await reset(6);
  });

  it('verifies an intact chain', async () => {
    expect(await audit.verify(ds)).toEqual({ ok: true, entries: 6 });
  });

  it('refuses UPDATE, DELETE and TRUNCATE through the application role', async () => {
    await expect(ds.query(`UPDATE audit_log SET action = 'x.y' WHERE seq = 2`)).rejects.toThrow(/append-only/);
    await expect(ds.query('DELETE FROM audit_log WHERE seq = 2')).rejects.toThrow(/append-only/);
    await expect(ds.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    expect(await audit.verify(ds)).toEqual({ ok: true, entries: 6 });
  });

  it('detects an edited entry at that entry', async () => {
    await asAttacker(`UPDATE audit_log SET subject_id = 'forged' WHERE seq = 3`);
    expect(await audit.verify(ds)).toMatchObject({ ok: false, firstBadSeq: '3' });
  });

  it('detects an edited change hash at that entry', async () => {
    await asAttacker(`UPDATE audit_log SET change_hash = sha256('other'::bytea) WHERE seq = 4`);
    expect(await audit.verify(ds)).toMatchObject({ ok: false, firstBadSeq: '4' });
  });

  it('detects a deleted entry at its position', async () => {
    await asAttacker('DELETE FROM audit_log WHERE seq = 2');
    expect(await audit.verify(ds)).toMatchObject({ ok: false, firstBadSeq: '2' });
  });

  it('detects a deleted last entry only by count, so verify reports what it saw', async () => {
    await asAttacker('DELETE FROM audit_log WHERE seq = 6');
    expect(await audit.verify(ds)).toEqual({ ok: true, entries: 5 });
  });

  it('detects two entries swapped at the first of them', async () => {
    await asAttacker('UPDATE audit_log SET seq = 1003 WHERE seq = 3');
    await asAttacker('UPDATE audit_log SET seq = 3 WHERE seq = 4');
    await asAttacker('UPDATE audit_log SET seq = 4 WHERE seq = 1003');
    expect(await audit.verify(ds)).toMatchObject({ ok: false, firstBadSeq: '3' });
  });

  it('detects an inserted entry at that entry', async () => {
    await asAttacker('UPDATE audit_log SET seq = seq + 1000 WHERE seq >= 4');
    await asAttacker('UPDATE audit_log SET seq = seq - 999 WHERE seq >= 1004');
    await asAttacker(
      `INSERT INTO audit_log SELECT 4, occurred_at, actor_user_id, organisation_id, working_group_id,
         'forged.entry', subject_type, subject_id, change_hash, prev_hash, hash FROM audit_log WHERE seq = 3`,
    );
    expect(await audit.verify(ds)).toMatchObject({ ok: false, firstBadSeq: '4' });
  });

  it('never forks under concurrent writers', async () => {
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        ds.transaction((m) => audit.record(m, { actorUserId: null, action: 'test.concurrent', change: { i } })),
      ),
    );
    const rows: Array<{ seq: string }> = await ds.query('SELECT seq FROM audit_log ORDER BY seq');
    expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: 36 }, (_, i) => i + 1));
    expect(await audit.verify(ds)).toEqual({ ok: true, entries: 36 });
  });

  it('links a batch written in one statement exactly as single entries', async () => {
    const seqs = await ds.transaction((m) =>
      audit.recordMany(m, Array.from({ length: 5 }, (_, i) => ({ actorUserId: null, action: 'test.batch', change: { i } }))),
    );
    expect(seqs).toEqual(['7', '8', '9', '10', '11']);
    expect(await audit.verify(ds)).toEqual({ ok: true, entries: 11 });
  });

  it('leaves no entry when the change rolls back', async () => {
    await expect(
      ds.transaction(async (m) => {
        await audit.record(m, { actorUserId: null, action: 'test.rolled_back', change: {} });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const [{ count }] = await ds.query(`SELECT count(*)::int AS count FROM audit_log WHERE action = 'test.rolled_back'`);
    expect(count).toBe(0);
    expect(await audit.verify(ds)).toEqual({ ok: true, entries: 6 });
  });

  it('refuses to write outside a transaction', async () => {
    await expect(
      audit.record(ds.manager, { actorUserId: null, action: 'test.loose', change: {} }),
    ).rejects.toThrow(/inside the transaction/);
  });
});
