import type { Actor } from '@parallax/authz';
import type { DataSource } from 'typeorm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OverlapGroup } from '../src/modules/overlaps/models/overlap-page.model.js';
import type { OverlapPagesService } from '../src/modules/overlaps/overlap-pages.service.js';
import { investigatorOf, seedGroup, useTestDataSource } from './support/case-fixtures.js';
import {
  bulkCases,
  bulkOverlaps,
  overlapPagesService,
  setMyVerdict,
} from './support/overlap-fixtures.js';

/**
 * Overlaps grouped by my case, and my cases clustered through the other
 * side's cases they overlap. A small hand-made graph between C and D:
 *
 *   c1 ─ d1 ─ c2 ─ d2 ─ c3        c4 ─ d3
 *
 * plus A × B in bulk (40 × 3) for paging.
 */
const t = useTestDataSource();
let db: DataSource;
let service: OverlapPagesService;
let a: Actor;
let c: Actor;
let d: Actor;
let outsider: Actor;
let cs: string[] = [];
let ds: string[] = [];
let wg = '';

async function overlap(
  mine: string,
  theirs: string,
  orgs: [string, string],
  at: string,
): Promise<string> {
  const [lo, hi] = mine < theirs ? [mine, theirs] : [theirs, mine];
  const [orgLo, orgHi] = mine < theirs ? orgs : [orgs[1], orgs[0]];
  const [row] = await db.query<Array<{ id: string }>>(
    `INSERT INTO overlap (working_group_id, case_a, case_b, org_a, org_b, score, strength, matched_kinds, created_at)
     VALUES ($1, $2, $3, $4, $5, 0.9, 'probable', ARRAY['name.pair'], $6) RETURNING id`,
    [wg, lo, hi, orgLo, orgHi, at],
  );
  return row?.id ?? '';
}

const allGroups = async (actor: Actor, first = 50): Promise<OverlapGroup[]> => {
  const out: OverlapGroup[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await service.groups(actor, { includeRetracted: true }, { first, after });
    out.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return out;
    after = page.pageInfo.endCursor;
  }
};
const byRef = (groups: OverlapGroup[]) =>
  Object.fromEntries(groups.map((g) => [g.myCase.reference, g]));
let falseMatch = '';

beforeAll(async () => {
  db = t.db;
  service = overlapPagesService(db);
  const g = await seedGroup(db, 5);
  wg = g.workingGroupId;
  const [oa, ob, oc, od, oe] = g.organisationIds as [string, string, string, string, string];
  [a, c, d, outsider] = [oa, oc, od, oe].map((o) => investigatorOf(o, [wg])) as [
    Actor,
    Actor,
    Actor,
    Actor,
  ];
  cs = await bulkCases(db, wg, oc, 'C-', 4);
  ds = await bulkCases(db, wg, od, 'D-', 3);
  const [c1, c2, c3, c4] = cs as [string, string, string, string];
  const [d1, d2, d3] = ds as [string, string, string];
  await overlap(c1, d1, [oc, od], '2026-02-01T10:00:00Z');
  await overlap(c2, d1, [oc, od], '2026-02-02T10:00:00Z');
  await overlap(c2, d2, [oc, od], '2026-02-03T10:00:00Z');
  falseMatch = await overlap(c3, d2, [oc, od], '2026-02-04T10:00:00Z');
  await overlap(c4, d3, [oc, od], '2026-02-05T10:00:00Z');
  const casesA = await bulkCases(db, wg, oa, 'A-', 40);
  const casesB = await bulkCases(db, wg, ob, 'B-', 3);
  await bulkOverlaps(db, wg, { org: oa, cases: casesA }, { org: ob, cases: casesB });
}, 120_000);

describe('overlaps grouped by my case', () => {
  it('gives one row per case, newest first, paged disjointly with an exact total', async () => {
    const first = await service.groups(a, {}, { first: 15 });
    expect(first.totalCount).toBe(40);
    const groups = await allGroups(a, 15);
    expect(groups.map((g) => g.myCase.reference)).toEqual(
      Array.from({ length: 40 }, (_, i) => `A-${String(40 - i).padStart(3, '0')}`),
    );
    for (const g of groups) {
      expect(g.total).toBe(3);
      expect(g.byStrength).toEqual({ strong: 1, probable: 1, possible: 1 });
      expect(g.needsAnswer).toBe(3);
    }
    // Every A case overlaps every B case: one cluster of all 40.
    expect(new Set(groups.map((g) => g.clusterKey)).size).toBe(1);
    expect(groups[0]).toMatchObject({ clusterNumber: 1, clusterSize: 40 });
  });

  it('applies the filters to the groups and their counts', async () => {
    const strong = await service.groups(a, { strengths: ['strong'] }, { first: 5 });
    expect(strong.totalCount).toBe(40);
    expect(strong.nodes[0]).toMatchObject({
      total: 1,
      byStrength: { strong: 1, probable: 0, possible: 0 },
    });
    const one = await service.groups(a, { search: 'a-007' }, { first: 5 });
    expect(one.totalCount).toBe(1);
    expect(one.nodes[0]?.myCase.reference).toBe('A-007');
  });

  it("clusters my cases that overlap the same other case, never showing the other side's ids", async () => {
    const mine = byRef(await allGroups(c));
    const [c1, c2, c3, c4] = cs as [string, string, string, string];
    const key = [c1, c2, c3].sort()[0];
    for (const ref of ['C-001', 'C-002', 'C-003']) {
      expect(mine[ref]).toMatchObject({ clusterKey: key, clusterNumber: 1, clusterSize: 3 });
    }
    expect(mine['C-004']).toMatchObject({ clusterKey: c4, clusterNumber: null, clusterSize: 1 });
    expect(mine['C-002']).toMatchObject({ total: 2, needsAnswer: 2 });
    const json = JSON.stringify(mine);
    for (const theirs of ds) expect(json).not.toContain(theirs);
    // D sees its own picture: d1 and d2 share c2; d3 is alone.
    const theirs = byRef(await allGroups(d));
    expect(theirs['D-001']).toMatchObject({ clusterSize: 2, clusterNumber: 1 });
    expect(theirs['D-002']?.clusterKey).toBe(theirs['D-001']?.clusterKey);
    expect(theirs['D-003']).toMatchObject({ clusterSize: 1, clusterNumber: null });
    expect(JSON.stringify(theirs)).not.toContain(c1);
  });

  it('unlinks a pair my organisation called a false match, and counts it as answered', async () => {
    await setMyVerdict(db, c.organisationId ?? '', [falseMatch], 'false_match');
    const mine = byRef(await allGroups(c));
    expect(mine['C-003']).toMatchObject({ clusterSize: 1, clusterNumber: null, needsAnswer: 0 });
    expect(mine['C-001']).toMatchObject({ clusterSize: 2, clusterNumber: 1 });
  });

  it('shows another organisation nothing', async () => {
    expect(await service.groups(outsider, { includeRetracted: true }, { first: 50 })).toEqual({
      nodes: [],
      totalCount: 0,
      pageInfo: { endCursor: null, hasNextPage: false },
    });
  });
});
