import type { Actor } from '@parallax/authz';
import type { DataSource } from 'typeorm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withOwnerRights } from '../src/common/tenant/owner-rights.js';
import { runAsTenant } from '../src/common/tenant/tenant-transaction.js';
import { MatchingRepository } from '../src/modules/matching/matching.repository.js';
import { normaliseOverlapFilter } from '../src/modules/overlaps/overlap-filter.js';
import { OverlapPagesRepository } from '../src/modules/overlaps/overlap-pages.repository.js';
import { OverlapsRepository, toOverlap } from '../src/modules/overlaps/overlaps.repository.js';
import { investigatorOf, seedCase, seedGroup, useTestDataSource } from './support/case-fixtures.js';

/** What each party reads of an overlap, and how its answers change it, under row-level security. */
const t = useTestDataSource();
const repo = new OverlapsRepository();
let db: DataSource;
let a: Actor;
let b: Actor;
let c: Actor;
let overlapId = '';
let caseOfA = '';
let caseOfB = '';

beforeAll(async () => {
  db = t.db;
  const g = await seedGroup(db, 3);
  const [orgA, orgB, orgC] = g.organisationIds as [string, string, string];
  [a, b, c] = [orgA, orgB, orgC].map((o) => investigatorOf(o, [g.workingGroupId])) as [
    Actor,
    Actor,
    Actor,
  ];
  caseOfA = await seedCase(db, {
    workingGroupId: g.workingGroupId,
    organisationId: orgA,
    reference: 'A-REF',
    fingerprints: [],
  });
  caseOfB = await seedCase(db, {
    workingGroupId: g.workingGroupId,
    organisationId: orgB,
    reference: 'B-REF',
    fingerprints: [],
  });
  const aFirst = caseOfA < caseOfB;
  const [written] = await db.transaction((m) =>
    new MatchingRepository().upsertOverlaps(m, [
      {
        workingGroupId: g.workingGroupId,
        caseA: aFirst ? caseOfA : caseOfB,
        caseB: aFirst ? caseOfB : caseOfA,
        orgA: aFirst ? orgA : orgB,
        orgB: aFirst ? orgB : orgA,
        score: 0.98765,
        strength: 'strong',
        matchedKinds: ['id.passport'],
        reveal: false,
      },
    ]),
  );
  overlapId = written?.id ?? '';
});

const pages = new OverlapPagesRepository();
const listOf = (actor: Actor) =>
  runAsTenant(db, actor, (m) =>
    pages.page(m, actor.organisationId ?? '', normaliseOverlapFilter({}), null, 100),
  );

describe('OverlapsRepository', () => {
  it('shows each party its own case and nothing of the other side; a third party nothing', async () => {
    const [forA] = await listOf(a);
    expect(toOverlap(a.organisationId ?? '', forA ?? never())).toMatchObject({
      id: overlapId,
      myCase: { id: caseOfA, reference: 'A-REF' },
      otherOrganisation: null,
      strength: 'strong',
      counterpartChange: null,
      contactStatus: 'none',
      revealed: false,
    });
    expect(JSON.stringify(forA)).not.toContain('B-REF');
    // A band only: the raw score (0.98765) never reaches a party.
    expect(toOverlap(a.organisationId ?? '', forA ?? never())).not.toHaveProperty('score');
    const [forB] = await listOf(b);
    expect(toOverlap(b.organisationId ?? '', forB ?? never()).myCase).toEqual({
      id: caseOfB,
      reference: 'B-REF',
    });
    expect(await listOf(c)).toEqual([]);
    expect(
      await runAsTenant(db, c, (m) =>
        repo.findOfOrganisation(m, c.organisationId ?? '', overlapId, false),
      ),
    ).toBeNull();
    const byCase = await runAsTenant(db, a, (m) =>
      pages.page(
        m,
        a.organisationId ?? '',
        normaliseOverlapFilter({ caseId: caseOfB, includeRetracted: true }),
        null,
        100,
      ),
    );
    expect(byCase).toEqual([]); // B's case is not A's to filter by
  });

  it('records each side’s verdict separately', async () => {
    const side =
      (
        await runAsTenant(db, a, (m) =>
          repo.findOfOrganisation(m, a.organisationId ?? '', overlapId, true),
        )
      )?.org_a === a.organisationId
        ? 'a'
        : 'b';
    await runAsTenant(db, a, (m) =>
      repo.setVerdict(m, overlapId, side, 'false_match', 'different birth year'),
    );
    const [forA] = await listOf(a);
    const [forB] = await listOf(b);
    expect(toOverlap(a.organisationId ?? '', forA ?? never())).toMatchObject({
      myVerdict: 'false_match',
      myReason: 'different birth year',
    });
    expect(toOverlap(b.organisationId ?? '', forB ?? never())).toMatchObject({
      myVerdict: null,
      myReason: null,
    });
  });

  it('reveals both organisations once contact is accepted', async () => {
    await runAsTenant(db, a, (m) =>
      repo.markContactRequested(m, overlapId, a.organisationId ?? ''),
    );
    const [requested] = await listOf(b);
    expect(toOverlap(b.organisationId ?? '', requested ?? never())).toMatchObject({
      contactStatus: 'requested',
      contactRequestedByMe: false,
      otherOrganisation: null,
    });
    await runAsTenant(db, b, (m) => repo.markContactAnswered(m, overlapId, true));
    const [forA] = await listOf(a);
    expect(toOverlap(a.organisationId ?? '', forA ?? never())).toMatchObject({
      contactStatus: 'accepted',
      revealed: true,
      otherOrganisation: { id: b.organisationId },
    });
    const [{ revealed_by }] = await db.query('SELECT revealed_by FROM overlap WHERE id = $1', [
      overlapId,
    ]);
    expect(revealed_by).toBe('consent');
  });

  it('reads the other side’s case reference only with the owner’s rights', async () => {
    expect(await runAsTenant(db, a, (m) => repo.caseReference(m, caseOfB))).toBeNull();
    expect(
      await runAsTenant(db, a, (m) => withOwnerRights(m, () => repo.caseReference(m, caseOfB))),
    ).toBe('B-REF');
  });
});

function never(): never {
  throw new Error('expected a row');
}
