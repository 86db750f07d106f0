import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  seedMembership,
  seedOrganisation,
  seedUser,
  seedWorkingGroup,
} from './support/identity-fixtures.js';
import { sessionHeaders } from './support/sessions.js';
import { useTestApp } from './support/test-app.js';

/**
 * The cases list of issue 10: cursor pages with exact totals, a literal,
 * case-insensitive reference search in any script, filters bound to their
 * cursor, and nothing of another organisation's.
 */
const t = useTestApp();
let db: DataSource;
let wg1: string;
let wg2: string;
let orgA: string;
let orgB: string;
let asA: Record<string, string>;
let asB: Record<string, string>;

const LIST = `query($first: Int!, $after: String, $w: ID, $status: CaseStatus, $state: CaseState, $search: String) {
  cases(first: $first, after: $after, workingGroupId: $w, status: $status, state: $state, search: $search) {
    totalCount pageInfo { endCursor hasNextPage } nodes { id reference workingGroupId status withdrawnAt frozenAt }
  }
}`;

interface Page {
  totalCount: number;
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  nodes: Array<{ id: string; reference: string; workingGroupId: string; status: string }>;
}

async function list(headers: Record<string, string>, vars: Record<string, unknown>) {
  const r = await t.graphql<{ cases: Page }>(LIST, { first: 50, ...vars }, headers);
  return r.body;
}

async function page(headers: Record<string, string>, vars: Record<string, unknown>): Promise<Page> {
  const body = await list(headers, vars);
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data.cases;
}

/** Cases written directly (the list reads them; registering is tested elsewhere). */
async function seed(
  org: string,
  wg: string,
  rows: Array<{
    reference: string;
    createdAt?: string;
    status?: string;
    withdrawn?: boolean;
    frozen?: boolean;
  }>,
): Promise<void> {
  for (const r of rows) {
    await db.query(
      `INSERT INTO tracking_case (working_group_id, organisation_id, reference, status, epoch, idempotency_key, created_at, withdrawn_at, frozen_at)
       VALUES ($1, $2, $3, $4, 1, $5, coalesce($6::timestamptz, now()), $7, $8)`,
      [
        wg,
        org,
        r.reference,
        r.status ?? 'active',
        `seed-${randomBytes(8).toString('hex')}`,
        r.createdAt ?? null,
        r.withdrawn ? new Date() : null,
        r.frozen ? new Date() : null,
      ],
    );
  }
}

beforeAll(async () => {
  db = t.app.get(DataSource);
  [orgA, orgB] = [await seedOrganisation(db), await seedOrganisation(db)];
  [wg1, wg2] = [await seedWorkingGroup(db), await seedWorkingGroup(db)];
  await seedMembership(db, wg1, orgA);
  await seedMembership(db, wg2, orgA);
  await seedMembership(db, wg2, orgB);
  asA = await sessionHeaders(t, await seedUser(db, { organisationId: orgA, role: 'viewer' }));
  asB = await sessionHeaders(t, await seedUser(db, { organisationId: orgB, role: 'investigator' }));
  // 120 numbered cases in group 1, ten of them created in the same microsecond (the id breaks the tie).
  await seed(
    orgA,
    wg1,
    Array.from({ length: 120 }, (_, i) => ({
      reference: `NUM-${String(i).padStart(3, '0')}`,
      createdAt:
        i < 10 ? '2026-01-01T00:00:00.123456Z' : new Date(Date.UTC(2026, 0, 2, 0, i)).toISOString(),
    })),
  );
  await seed(orgA, wg2, [
    { reference: 'قضية-حلب-٢٠٢٤' },
    { reference: 'СПРАВА-Київ-7' },
    { reference: 'AB%1' },
    { reference: 'ABX1' },
    { reference: 'A_1' },
    { reference: 'AB1' },
    { reference: 'back\\slash' },
    { reference: 'CLOSED-1', status: 'closed' },
    { reference: 'GONE-1', withdrawn: true },
    { reference: 'ICE-1', frozen: true },
  ]);
  // Org B's cases, some with references that A's searches would match.
  await seed(orgB, wg2, [
    { reference: 'NUM-B-1' },
    { reference: 'AB%B' },
    { reference: 'справа-b' },
  ]);
});

describe('the cases list', () => {
  it('pages through every case once, newest first, with the exact total on each page', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    const sizes: number[] = [];
    for (;;) {
      const p: Page = await page(asA, { w: wg1, after });
      expect(p.totalCount).toBe(120);
      sizes.push(p.nodes.length);
      seen.push(...p.nodes.map((n) => n.reference));
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    expect(sizes).toEqual([50, 50, 20]);
    expect(new Set(seen).size).toBe(120);
    expect(seen.slice(0, 3)).toEqual(['NUM-119', 'NUM-118', 'NUM-117']);
    expect(seen.slice(110).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `NUM-00${i}`));
  });

  it("counts all of the organisation's groups without a group filter, and only its own", async () => {
    expect((await page(asA, {})).totalCount).toBe(130);
    expect((await page(asB, {})).totalCount).toBe(3);
  });

  it.each([
    ['an Arabic part', 'حلب', ['قضية-حلب-٢٠٢٤']],
    ['Cyrillic in another case', 'справа', ['СПРАВА-Київ-7']],
    [
      'Latin in another case',
      'num-11',
      [
        'NUM-119',
        'NUM-118',
        'NUM-117',
        'NUM-116',
        'NUM-115',
        'NUM-114',
        'NUM-113',
        'NUM-112',
        'NUM-111',
        'NUM-110',
      ],
    ],
    ['a literal %', '%', ['AB%1']],
    ['a literal _', '_', ['A_1']],
    ['a literal backslash', '\\', ['back\\slash']],
    ['spaces around', '  ab%  ', ['AB%1']],
  ])('finds references by %s', async (_label, search, expected) => {
    const p = await page(asA, { search });
    expect(p.nodes.map((n) => n.reference)).toEqual(expected);
    expect(p.totalCount).toBe(expected.length);
  });

  it('filters by status and by state', async () => {
    expect((await page(asA, { status: 'closed' })).nodes.map((n) => n.reference)).toEqual([
      'CLOSED-1',
    ]);
    expect((await page(asA, { state: 'withdrawn' })).nodes.map((n) => n.reference)).toEqual([
      'GONE-1',
    ]);
    expect((await page(asA, { state: 'frozen' })).nodes.map((n) => n.reference)).toEqual(['ICE-1']);
    expect((await page(asA, { state: 'current', w: wg2 })).totalCount).toBe(8);
  });

  it('refuses a cursor of other filters, or of nothing, with INVALID_CURSOR', async () => {
    const first = await page(asA, { w: wg1, first: 10 });
    const other = await list(asA, {
      w: wg1,
      first: 10,
      search: 'NUM',
      after: first.pageInfo.endCursor,
    });
    expect(other.errors?.[0]?.extensions?.code).toBe('INVALID_CURSOR');
    const garbage = await list(asA, { after: 'bm90IGEgY3Vyc29y' });
    expect(garbage.errors?.[0]?.extensions?.code).toBe('INVALID_CURSOR');
  });

  it('refuses a search longer than any reference and a page size out of range', async () => {
    for (const vars of [
      { search: 'x'.repeat(81) },
      { first: 0 },
      { first: 201 },
      { w: 'not-a-uuid' },
    ]) {
      const body = await list(asA, vars);
      expect(body.errors?.[0]?.extensions?.code, JSON.stringify(vars)).toBe('BAD_USER_INPUT');
    }
  });

  it("never shows another organisation's cases, whatever the filter (cross-tenant)", async () => {
    const inB = await page(asA, { w: wg2, search: 'b' });
    expect(inB.nodes.map((n) => n.reference)).not.toContain('NUM-B-1');
    expect((await page(asA, { search: 'NUM-B' })).totalCount).toBe(0);
    const b = await page(asB, { first: 200 });
    expect(b.nodes.map((n) => n.reference).sort()).toEqual(['AB%B', 'NUM-B-1', 'справа-b']);
    // B's cursor is no key into A's list: same list and filters, but A still reads only A's rows.
    const bFirst = await page(asB, { first: 1 });
    const aWithB = await page(asA, { first: 200, after: bFirst.pageInfo.endCursor });
    expect(
      aWithB.nodes.every((n) => !n.reference.includes('-B') && n.reference !== 'справа-b'),
    ).toBe(true);
  });
});
