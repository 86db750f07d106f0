import type { DataSource, EntityManager } from 'typeorm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  MatchingRepository,
  type OverlapWrite,
} from '../src/modules/matching/matching.repository.js';
import {
  fp,
  seedCase,
  seedGroup,
  useTestDataSource,
  withdrawCase,
  type SeededGroup,
} from './support/case-fixtures.js';

/** The matching statements against the real schema (indexes, constraints, RLS-free owner connection). */
const t = useTestDataSource();
let db: DataSource;
const repo = new MatchingRepository();
let g: SeededGroup;

beforeAll(async () => {
  db = t.db;
  g = await seedGroup(db, 3);
});

const orgs = (): [string, string, string] => g.organisationIds as [string, string, string];
const inTx = <T>(work: (m: EntityManager) => Promise<T>): Promise<T> => db.transaction(work);

describe('MatchingRepository', () => {
  it('locks cases in id order with their version and the group’s current epoch', async () => {
    const [a, b] = orgs();
    const ids = [
      await seedCase(db, {
        workingGroupId: g.workingGroupId,
        organisationId: a,
        reference: 'L-1',
        fingerprints: [],
      }),
      await seedCase(db, {
        workingGroupId: g.workingGroupId,
        organisationId: b,
        reference: 'L-2',
        fingerprints: [],
      }),
    ];
    const heads = await inTx((m) => repo.lockCases(m, [...ids].reverse()));
    expect(heads.map((h) => h.id)).toEqual([...ids].sort());
    for (const h of heads) {
      expect(h).toMatchObject({
        working_group_id: g.workingGroupId,
        epoch: 1,
        current_epoch: 1,
        withdrawn_at: null,
      });
      expect(h.version).toMatch(/\|1\|1$/);
    }
  });

  it('counts the holders of each fingerprint, but never beyond its cap', async () => {
    const [a, b, c] = orgs();
    const common = fp('count-common');
    const pair = fp('count-pair');
    for (const [i, org] of [a, b, c, a, b].entries()) {
      await seedCase(db, {
        workingGroupId: g.workingGroupId,
        organisationId: org,
        reference: `C-${i}`,
        fingerprints: [{ kind: 'name.full', fp: common }],
      });
    }
    await seedCase(db, {
      workingGroupId: g.workingGroupId,
      organisationId: a,
      reference: 'C-p1',
      fingerprints: [{ kind: 'phone', fp: pair }],
    });
    await seedCase(db, {
      workingGroupId: g.workingGroupId,
      organisationId: b,
      reference: 'C-p2',
      fingerprints: [{ kind: 'phone', fp: pair }],
    });
    const counts = await inTx((m) =>
      repo.countHolders(m, [
        { workingGroupId: g.workingGroupId, epoch: 1, fp: common, cap: 3 },
        { workingGroupId: g.workingGroupId, epoch: 1, fp: common, cap: 100 },
        { workingGroupId: g.workingGroupId, epoch: 1, fp: pair, cap: 100 },
        { workingGroupId: g.workingGroupId, epoch: 2, fp: pair, cap: 100 },
        { workingGroupId: g.workingGroupId, epoch: 1, fp: fp('count-nobody'), cap: 100 },
      ]),
    );
    expect(counts.map((r) => r.n)).toEqual([3, 5, 2, 0, 0]);
    expect(counts[2]?.fp.equals(pair)).toBe(true);
  });

  it('finds other organisations’ live cases sharing a fingerprint, each once', async () => {
    const [a, b, c] = orgs();
    const shared = fp('cand-shared');
    const also = fp('cand-also');
    const mine = await seedCase(db, {
      workingGroupId: g.workingGroupId,
      organisationId: a,
      reference: 'M-1',
      fingerprints: [
        { kind: 'id.passport', fp: shared },
        { kind: 'phone', fp: also },
      ],
    });
    const sameOrg = await seedCase(db, {
      workingGroupId: g.workingGroupId,
      organisationId: a,
      reference: 'M-2',
      fingerprints: [{ kind: 'id.passport', fp: shared }],
    });
    const other = await seedCase(db, {
      workingGroupId: g.workingGroupId,
      organisationId: b,
      reference: 'O-1',
      fingerprints: [
        { kind: 'id.passport', fp: shared },
        { kind: 'phone', fp: also },
      ],
    });
    const withdrawn = await seedCase(db, {
      workingGroupId: g.workingGroupId,
      organisationId: c,
      reference: 'W-1',
      fingerprints: [{ kind: 'phone', fp: also }],
    });
    await db.query('UPDATE tracking_case SET withdrawn_at = now() WHERE id = $1', [withdrawn]);
    const otherEpoch = await seedCase(db, {
      workingGroupId: g.workingGroupId,
      organisationId: c,
      reference: 'E-2',
      epoch: 2,
      fingerprints: [{ kind: 'id.passport', fp: shared }],
    });

    const probe = { mine, workingGroupId: g.workingGroupId, epoch: 1, organisationId: a };
    const found = await inTx((m) =>
      repo.findCandidates(m, [
        { ...probe, fp: shared },
        { ...probe, fp: also },
      ]),
    );
    expect(found).toEqual([{ mine, other, other_org: b, other_reference: 'O-1' }]);
    expect(found.map((f) => f.other)).not.toContain(sameOrg);
    expect(found.map((f) => f.other)).not.toContain(otherEpoch);

    const fps = await inTx((m) => repo.fingerprintsOf(m, [mine, other]));
    expect(fps).toHaveLength(4);
    expect(await inTx((m) => repo.fingerprintsOf(m, []))).toEqual([]);
  });

  it('writes overlaps idempotently: insert, no-op, rescore, retract, revive', async () => {
    const [a, b] = orgs();
    const x = await seedCase(db, {
      workingGroupId: g.workingGroupId,
      organisationId: a,
      reference: 'X',
      fingerprints: [],
    });
    const y = await seedCase(db, {
      workingGroupId: g.workingGroupId,
      organisationId: b,
      reference: 'Y',
      fingerprints: [],
    });
    const [caseA, caseB] = x < y ? [x, y] : [y, x];
    const [orgA, orgB] = x < y ? [a, b] : [b, a];
    const write: OverlapWrite = {
      workingGroupId: g.workingGroupId,
      caseA,
      caseB,
      orgA,
      orgB,
      score: 0.9,
      strength: 'strong',
      matchedKinds: ['id.passport', 'phone'],
      reveal: false,
    };

    const [first] = await inTx((m) => repo.upsertOverlaps(m, [write]));
    expect(first).toMatchObject({ case_a: caseA, case_b: caseB, inserted: true });
    expect(await inTx((m) => repo.upsertOverlaps(m, [write]))).toEqual([]);
    const [rescored] = await inTx((m) =>
      repo.upsertOverlaps(m, [{ ...write, score: 0.7, strength: 'probable' }]),
    );
    expect(rescored).toMatchObject({ id: first?.id, inserted: false });
    const [row] = await db.query(
      'SELECT strength, matched_kinds, revealed_at FROM overlap WHERE id = $1',
      [first?.id],
    );
    expect(row).toEqual({
      strength: 'probable',
      matched_kinds: ['id.passport', 'phone'],
      revealed_at: null,
    });

    expect((await inTx((m) => repo.openOverlapsOf(m, [caseB]))).map((o) => o.id)).toEqual([
      first?.id,
    ]);
    expect(await inTx((m) => repo.retract(m, [first?.id ?? '']))).toEqual([
      { id: first?.id, case_a: caseA, case_b: caseB },
    ]);
    expect(await inTx((m) => repo.retract(m, [first?.id ?? '']))).toEqual([]);
    expect(await inTx((m) => repo.openOverlapsOf(m, [caseA, caseB]))).toEqual([]);

    const [revived] = await inTx((m) =>
      repo.upsertOverlaps(m, [{ ...write, score: 0.7, strength: 'probable' }]),
    );
    expect(revived).toMatchObject({ id: first?.id, inserted: false });
    expect((await inTx((m) => repo.openOverlapsOf(m, [caseA]))).map((o) => o.id)).toEqual([
      first?.id,
    ]);
  });

  it('reveals at detection when the policy says so', async () => {
    const [a, c] = [orgs()[0], orgs()[2]];
    const x = await seedCase(db, {
      workingGroupId: g.workingGroupId,
      organisationId: a,
      reference: 'RX',
      fingerprints: [],
    });
    const y = await seedCase(db, {
      workingGroupId: g.workingGroupId,
      organisationId: c,
      reference: 'RY',
      fingerprints: [],
    });
    const [caseA, caseB] = x < y ? [x, y] : [y, x];
    const [orgA, orgB] = x < y ? [a, c] : [c, a];
    const [w] = await inTx((m) =>
      repo.upsertOverlaps(m, [
        {
          workingGroupId: g.workingGroupId,
          caseA,
          caseB,
          orgA,
          orgB,
          score: 0.99,
          strength: 'strong',
          matchedKinds: ['email'],
          reveal: true,
        },
      ]),
    );
    const [row] = await db.query(
      'SELECT revealed_by, revealed_at IS NOT NULL AS revealed FROM overlap WHERE id = $1',
      [w?.id],
    );
    expect(row).toEqual({ revealed_by: 'agreement', revealed: true });
  });

  it('sees a withdrawn case as holding nothing', async () => {
    const [a] = orgs();
    const id = await seedCase(db, {
      workingGroupId: g.workingGroupId,
      organisationId: a,
      reference: 'WD',
      fingerprints: [{ kind: 'email', fp: fp('wd') }],
    });
    await withdrawCase(db, id);
    expect(await inTx((m) => repo.fingerprintsOf(m, [id]))).toEqual([]);
    const [head] = await inTx((m) => repo.lockCases(m, [id]));
    expect(head?.withdrawn_at).not.toBeNull();
  });
});
