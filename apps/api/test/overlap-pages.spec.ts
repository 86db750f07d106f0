import type { Actor } from '@parallax/authz';
import type { DataSource } from 'typeorm';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeCursor } from '../src/common/pagination/cursor.js';
import {
  normaliseOverlapFilter,
  type OverlapFilterInput,
} from '../src/modules/overlaps/overlap-filter.js';
import type { OverlapPagesService } from '../src/modules/overlaps/overlap-pages.service.js';
import { investigatorOf, seedGroup, useTestDataSource } from './support/case-fixtures.js';
import {
  bulkCases,
  bulkOverlaps,
  overlapPagesService,
  setMyVerdict,
} from './support/overlap-fixtures.js';

/**
 * The overlaps list at real sizes: 1,050 overlaps between organisation A's
 * 35 cases and B's 30, inserted in bulk, read page by page as each party.
 */
const t = useTestDataSource();
let db: DataSource;
let service: OverlapPagesService;
let a: Actor;
let b: Actor;
let outsider: Actor;
let orgA = '';
let casesB: string[] = [];
/** Every overlap id, newest first, as the owner sees the table. */
let newestFirst: string[] = [];

const ids = (rows: Array<{ id: string }>) => rows.map((r) => r.id);

async function readAll(actor: Actor, filter: OverlapFilterInput, first: number) {
  const seen: string[] = [];
  const totals = new Set<number>();
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const page = await service.list(actor, filter, { first, after });
    totals.add(page.totalCount);
    seen.push(...ids(page.nodes));
    pages++;
    if (!page.pageInfo.hasNextPage) return { seen, totals: [...totals], pages };
    after = page.pageInfo.endCursor;
  }
}

const totalOf = async (actor: Actor, filter: OverlapFilterInput) =>
  (await service.list(actor, filter, { first: 1 })).totalCount;

beforeAll(async () => {
  db = t.db;
  service = overlapPagesService(db);
  const g = await seedGroup(db, 3);
  const [oa, ob, oc] = g.organisationIds as [string, string, string];
  orgA = oa;
  [a, b, outsider] = [oa, ob, oc].map((o) => investigatorOf(o, [g.workingGroupId])) as [
    Actor,
    Actor,
    Actor,
  ];
  const casesA = await bulkCases(db, g.workingGroupId, oa, 'BULK-', 35);
  casesB = await bulkCases(db, g.workingGroupId, ob, 'THEIRS-', 30);
  await bulkOverlaps(db, g.workingGroupId, { org: oa, cases: casesA }, { org: ob, cases: casesB });
  newestFirst = ids(await db.query('SELECT id FROM overlap ORDER BY created_at DESC, id DESC'));
  // States, on the newest rows: 10 confirmed by A, 5 contact requests by B, 3 revealed, 4 retracted (2 after B changed its case).
  await setMyVerdict(db, oa, newestFirst.slice(0, 10), 'confirmed');
  await db.query(
    `UPDATE overlap SET contact_status = 'requested', contact_requested_by = $2 WHERE id = ANY($1)`,
    [newestFirst.slice(10, 15), ob],
  );
  await db.query(
    `UPDATE overlap SET contact_status = 'accepted', revealed_at = now(), revealed_by = 'consent' WHERE id = ANY($1)`,
    [newestFirst.slice(15, 18)],
  );
  await db.query(`UPDATE overlap SET retracted_at = now() WHERE id = ANY($1)`, [
    newestFirst.slice(18, 22),
  ]);
  await db.query(
    `UPDATE overlap SET change_a = CASE WHEN org_a = $2 THEN change_a ELSE 'changed' END, change_a_at = now(),
                        change_b = CASE WHEN org_b = $2 THEN change_b ELSE 'changed' END, change_b_at = now()
     WHERE id = ANY($1)`,
    [newestFirst.slice(18, 20), orgA],
  );
}, 120_000);

describe('the overlaps list, past a thousand rows', () => {
  it('counts exactly and pages through every row once, newest first', async () => {
    const all = await readAll(a, { includeRetracted: true }, 200);
    expect(all.totals).toEqual([1050]);
    expect(all.pages).toBe(6);
    expect(new Set(all.seen).size).toBe(1050);
    expect(all.seen).toEqual(newestFirst);
    // The other party reads the same overlaps (its own side of them).
    expect(await totalOf(b, { includeRetracted: true })).toBe(1050);
  });

  it('hides retracted overlaps unless asked, but never one the other side changed', async () => {
    const open = await readAll(a, {}, 200);
    expect(open.totals).toEqual([1048]);
    expect(open.seen).toEqual(newestFirst.filter((id) => !newestFirst.slice(20, 22).includes(id)));
  });

  it('filters by band, verdict, status, day and case', async () => {
    const bands = await db.query<Array<{ strength: string; n: number }>>(
      'SELECT strength, count(*)::int AS n FROM overlap GROUP BY strength',
    );
    for (const { strength, n } of bands) {
      expect(await totalOf(a, { includeRetracted: true, strengths: [strength as 'strong'] })).toBe(
        n,
      );
    }
    expect(await totalOf(a, { includeRetracted: true, strengths: ['strong', 'possible'] })).toBe(
      700,
    );
    expect(await totalOf(a, { includeRetracted: true, verdicts: ['confirmed'] })).toBe(10);
    expect(await totalOf(a, { includeRetracted: true, verdicts: ['none'] })).toBe(1040);
    expect(await totalOf(b, { includeRetracted: true, verdicts: ['confirmed'] })).toBe(0); // A's verdict is A's
    const byStatus = { contact_requested: 5, revealed: 3, retracted: 4, open: 1038 } as const;
    for (const [status, n] of Object.entries(byStatus)) {
      expect(await totalOf(a, { includeRetracted: true, statuses: [status as 'open'] })).toBe(n);
    }
    // n / 3 hours after 2026-01-01: 72 overlaps a day; 1 and 2 January are days 0 and 1.
    expect(
      await totalOf(a, {
        includeRetracted: true,
        createdFrom: '2026-01-01',
        createdTo: '2026-01-02',
      }),
    ).toBe(144);
    expect(await totalOf(a, { includeRetracted: true, createdFrom: '2026-01-15' })).toBe(
      1050 - 14 * 72,
    );
    expect(await totalOf(a, { includeRetracted: true, createdTo: '2025-12-31' })).toBe(0);
    const [firstOfA] = await bulkCaseIds('BULK-001');
    expect(await totalOf(a, { includeRetracted: true, caseId: firstOfA })).toBe(30);
    expect(await totalOf(a, { includeRetracted: true, caseId: casesB[0] })).toBe(0); // not A's case
  });

  it("searches my case's reference, any case, literally", async () => {
    expect(await totalOf(a, { includeRetracted: true, search: 'bulk-00' })).toBe(9 * 30);
    expect(await totalOf(a, { includeRetracted: true, search: '  ULK-035 ' })).toBe(30);
    // The other side's references are not searchable by A.
    expect(await totalOf(a, { includeRetracted: true, search: 'THEIRS' })).toBe(0);
    expect(await totalOf(a, { includeRetracted: true, search: '%' })).toBe(0);
    expect(await totalOf(a, { includeRetracted: true, search: 'BULK_0' })).toBe(0);
    const filtered = await readAll(
      a,
      { includeRetracted: true, search: 'bulk-01', strengths: ['strong'] },
      40,
    );
    expect(filtered.totals).toEqual([100]);
    expect(new Set(filtered.seen).size).toBe(100);
  });

  it('refuses a cursor of other filters or of another list with INVALID_CURSOR', async () => {
    const page = await service.list(a, { strengths: ['strong', 'possible'] }, { first: 5 });
    const after = page.pageInfo.endCursor;
    await expect(
      service.list(a, { strengths: ['probable'] }, { first: 5, after }),
    ).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
    await expect(service.list(a, {}, { first: 5, after })).rejects.toMatchObject({
      code: 'INVALID_CURSOR',
    });
    await expect(
      service.groups(a, { strengths: ['strong', 'possible'] }, { first: 5, after }),
    ).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
    await expect(service.list(a, {}, { first: 5, after: 'garbage' })).rejects.toMatchObject({
      code: 'INVALID_CURSOR',
    });
    // Cursors are not signed: a forged key of the right list is refused too, not a database error.
    const scope = { list: 'overlaps', filters: normaliseOverlapFilter({}) };
    for (const key of [
      ['yesterday', newestFirst[0] ?? ''],
      ['2026-01-01T00:00:00.000000Z', "x' OR 1=1"],
    ]) {
      await expect(
        service.list(a, {}, { first: 5, after: encodeCursor(scope, key) }),
      ).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
    }
    const valid = encodeCursor(scope, ['2026-01-01T00:00:00.000000Z', newestFirst[0] ?? '']);
    expect((await service.list(a, {}, { first: 5, after: valid })).totalCount).toBe(1048);
    // The same filters in another order are the same list.
    const same = await service.list(a, { strengths: ['possible', 'strong'] }, { first: 5, after });
    expect(same.nodes).toHaveLength(5);
  });

  it('refuses bad filters with BAD_USER_INPUT, writing nothing', async () => {
    const audits = async () =>
      (await db.query<Array<{ n: number }>>('SELECT count(*)::int AS n FROM audit_log'))[0]?.n;
    const before = await audits();
    for (const bad of [
      { createdFrom: '2026-02-30' },
      { createdTo: '2026-1-1' },
      { createdFrom: '2026-03-02', createdTo: '2026-03-01' },
      { search: 'x'.repeat(81) },
      { strengths: ['certain' as 'strong'] },
    ]) {
      await expect(service.list(a, bad, { first: 5 })).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
      });
      await expect(service.groups(a, bad, { first: 5 })).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
      });
    }
    expect(await audits()).toBe(before);
  });

  it('shows another organisation nothing: empty pages, totals 0', async () => {
    const list = await service.list(outsider, { includeRetracted: true }, { first: 200 });
    expect(list).toEqual({
      nodes: [],
      totalCount: 0,
      pageInfo: { endCursor: null, hasNextPage: false },
    });
    expect(
      (await service.groups(outsider, { includeRetracted: true }, { first: 200 })).totalCount,
    ).toBe(0);
    expect(await totalOf(outsider, { search: 'BULK' })).toBe(0);
  });

  it('records the read in the audit log', async () => {
    const rows = await db.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'overlap.read' AND organisation_id = $1`,
      [orgA],
    );
    expect(rows[0]?.n).toBeGreaterThan(0);
  });
});

async function bulkCaseIds(reference: string): Promise<string[]> {
  return ids(await db.query('SELECT id FROM tracking_case WHERE reference = $1', [reference]));
}
