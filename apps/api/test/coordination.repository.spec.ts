import type { DataSource } from 'typeorm';
import { beforeAll, describe, expect, it } from 'vitest';
import { CoordinationRepository } from '../src/modules/coordination/coordination.repository.js';
import {
  seedCase,
  seedGroup,
  useTestDataSource,
  type SeededGroup,
} from './support/case-fixtures.js';

/** The coordinators' aggregates: live, not doubly rejected overlaps, and the members' live case counts. */
const t = useTestDataSource();
let db: DataSource;
let g: SeededGroup;
let repo: CoordinationRepository;

async function overlap(caseX: string, caseY: string, orgX: string, orgY: string): Promise<string> {
  const [a, b, oa, ob] = caseX < caseY ? [caseX, caseY, orgX, orgY] : [caseY, caseX, orgY, orgX];
  const [row] = await db.query<Array<{ id: string }>>(
    `INSERT INTO overlap (working_group_id, case_a, case_b, org_a, org_b, score, strength, matched_kinds)
     VALUES ($1, $2, $3, $4, $5, 0.9, 'strong', '{id.passport}') RETURNING id`,
    [g.workingGroupId, a, b, oa, ob],
  );
  return row?.id ?? '';
}

beforeAll(async () => {
  db = t.db;
  repo = new CoordinationRepository(db);
  g = await seedGroup(db, 3);
  const [orgA, orgB, orgC] = g.organisationIds as [string, string, string];
  const seed = (org: string, ref: string) =>
    seedCase(db, {
      workingGroupId: g.workingGroupId,
      organisationId: org,
      reference: ref,
      fingerprints: [],
    });
  const [a1, a2, b1, c1] = [
    await seed(orgA, 'a1'),
    await seed(orgA, 'a2'),
    await seed(orgB, 'b1'),
    await seed(orgC, 'c1'),
  ];
  await overlap(a1, b1, orgA, orgB);
  const retracted = await overlap(a2, c1, orgA, orgC);
  await db.query('UPDATE overlap SET retracted_at = now() WHERE id = $1', [retracted]);
  const rejected = await overlap(a1, c1, orgA, orgC);
  await db.query(
    `UPDATE overlap SET verdict_a = 'false_match', verdict_b = 'false_match' WHERE id = $1`,
    [rejected],
  );
  const accepted = await overlap(b1, c1, orgB, orgC);
  await db.query(`UPDATE overlap SET contact_status = 'accepted' WHERE id = $1`, [accepted]);
  await db.query('UPDATE tracking_case SET withdrawn_at = now() WHERE id = $1', [a2]);
});

describe('CoordinationRepository', () => {
  it('lists the live overlaps that are not rejected by both sides, with their state', async () => {
    const edges = await repo.liveEdges(g.workingGroupId);
    expect(edges).toHaveLength(2);
    expect(edges.map((e) => [e.strength, e.unresolved, e.age_days]).sort()).toEqual([
      ['strong', false, 0],
      ['strong', true, 0],
    ]);
  });

  it('counts each active member’s live cases', async () => {
    const members = await repo.memberCaseCounts(g.workingGroupId);
    expect(members.map((o) => o.cases)).toEqual([1, 1, 1]);
    expect(members.map((o) => o.name)).toEqual([...members.map((o) => o.name)].sort());
  });
});
