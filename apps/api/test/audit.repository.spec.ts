import pg from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GENESIS_HASH } from '../src/modules/audit/audit-hash.js';
import { AuditRepository } from '../src/modules/audit/audit.repository.js';
import { AuditService } from '../src/modules/audit/audit.service.js';
import { seedOrganisation, seedUser, seedWorkingGroup } from './support/identity-fixtures.js';
import { useTestDataSource } from './support/test-database.js';

/** The audit chain's statements against the real schema, and the writer on top of them. */
const repo = new AuditRepository();
const audit = new AuditService(repo);

const t = useTestDataSource();
let db: DataSource;
beforeAll(() => {
  db = t.db;
});

/** The log is append-only (triggers); a test starts from an empty chain as a superuser would. */
beforeEach(async () => {
  const c = new pg.Client({ connectionString: t.url });
  await c.connect();
  try {
    await c.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
    await c.query('DELETE FROM audit_log');
    await c.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
  } finally {
    await c.end();
  }
});

const inTx = <T>(work: (m: EntityManager) => Promise<T>): Promise<T> => db.transaction(work);

describe('AuditRepository', () => {
  it('has no head on an empty chain, then the last entry written', async () => {
    expect((await repo.chainHead(db.manager))?.seq ?? null).toBeNull();
    await inTx((m) =>
      audit.recordMany(m, [
        { actorUserId: null, action: 'test.one', change: { n: 1 } },
        { actorUserId: null, action: 'test.two', change: { n: 2 } },
      ]),
    );
    const head = await repo.chainHead(db.manager);
    expect(head?.seq).toBe('2');
    const [, second] = await repo.batchFrom(db.manager, 1n, 10);
    expect(head?.hash?.equals(second?.hash ?? Buffer.alloc(0))).toBe(true);
  });

  it('links each batch entry to the one before it, starting from the genesis hash', async () => {
    await inTx((m) => audit.record(m, { actorUserId: null, action: 'test.first', change: {} }));
    await inTx((m) =>
      audit.recordMany(m, [
        { actorUserId: null, action: 'test.a', change: { a: 1 } },
        { actorUserId: null, action: 'test.b', change: { b: 2 } },
      ]),
    );
    const rows = await repo.batchFrom(db.manager, 1n, 10);
    expect(rows.map((r) => [r.seq, r.action])).toEqual([
      ['1', 'test.first'],
      ['2', 'test.a'],
      ['3', 'test.b'],
    ]);
    expect(rows[0]?.prev_hash.equals(GENESIS_HASH)).toBe(true);
    expect(rows[1]?.prev_hash.equals(rows[0]?.hash ?? Buffer.alloc(0))).toBe(true);
    expect(rows[2]?.prev_hash.equals(rows[1]?.hash ?? Buffer.alloc(0))).toBe(true);
    expect(await repo.batchFrom(db.manager, 3n, 10)).toHaveLength(1);
    expect(await repo.batchFrom(db.manager, 1n, 2)).toHaveLength(2);
    expect(await audit.verify(db)).toEqual({ ok: true, entries: 3 });
  });

  it('serialises concurrent writers on the chain lock, so the chain never forks', async () => {
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        inTx((m) =>
          audit.record(m, { actorUserId: null, action: `test.concurrent`, change: { i } }),
        ),
      ),
    );
    const rows = await repo.batchFrom(db.manager, 1n, 10);
    expect(rows.map((r) => r.seq)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(await audit.verify(db)).toEqual({ ok: true, entries: 6 });
  });

  it('pages newest first with the actor’s name, filtered by organisation, group and position', async () => {
    const org = await seedOrganisation(db);
    const wg = await seedWorkingGroup(db);
    const actor = await seedUser(db, { organisationId: org, displayName: 'Auditor' });
    await inTx((m) =>
      audit.recordMany(m, [
        {
          actorUserId: actor,
          organisationId: org,
          action: 'test.org',
          subjectType: 'user',
          subjectId: actor,
          change: {},
        },
        { actorUserId: null, workingGroupId: wg, action: 'test.group', change: {} },
        {
          actorUserId: actor,
          organisationId: org,
          workingGroupId: wg,
          action: 'test.both',
          change: {},
        },
      ]),
    );
    const all = await repo.page(db.manager, {
      organisationId: null,
      workingGroupId: null,
      beforeSeq: null,
      limit: 10,
    });
    expect(all.map((e) => e.action)).toEqual(['test.both', 'test.group', 'test.org']);
    expect(all[2]).toEqual({
      seq: '1',
      occurredAt: expect.any(Date),
      actorUserId: actor,
      actorName: 'Auditor',
      organisationId: org,
      workingGroupId: null,
      action: 'test.org',
      subjectType: 'user',
      subjectId: actor,
      // What changed is kept (without identifiers) beside its hash.
      change: {},
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(all[1]?.actorName).toBeNull();
    const byOrg = await repo.page(db.manager, {
      organisationId: org,
      workingGroupId: null,
      beforeSeq: null,
      limit: 10,
    });
    expect(byOrg.map((e) => e.seq)).toEqual(['3', '1']);
    const byGroup = await repo.page(db.manager, {
      organisationId: null,
      workingGroupId: wg,
      beforeSeq: null,
      limit: 10,
    });
    expect(byGroup.map((e) => e.seq)).toEqual(['3', '2']);
    const older = await repo.page(db.manager, {
      organisationId: null,
      workingGroupId: null,
      beforeSeq: '3',
      limit: 10,
    });
    expect(older.map((e) => e.seq)).toEqual(['2', '1']);
    // One more than asked, so the caller knows there is a next page.
    const first = await repo.page(db.manager, {
      organisationId: null,
      workingGroupId: null,
      beforeSeq: null,
      limit: 1,
    });
    expect(first.map((e) => e.seq)).toEqual(['3', '2']);
  });

  it('refuses to write outside a transaction', async () => {
    await expect(
      audit.record(db.manager, { actorUserId: null, action: 'test.loose', change: {} }),
    ).rejects.toThrow(/inside the transaction/);
  });
});
