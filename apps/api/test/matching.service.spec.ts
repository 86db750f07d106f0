import { EventEmitter2 } from '@nestjs/event-emitter';
import { NAME_SET_KINDS } from '@parallax/fingerprint';
import { holderCountCap } from '@parallax/matching';
import { DataSource } from 'typeorm';
import { beforeAll, describe, expect, it } from 'vitest';
import { CasesEvent } from '../src/modules/cases/cases.events.js';
import { MatchingService } from '../src/modules/matching/matching.service.js';
import {
  fp,
  seedCase,
  seedGroup,
  withdrawCase,
  type SeededGroup,
} from './support/case-fixtures.js';
import { eventually } from './support/hub.js';
import { useTestApp } from './support/test-app.js';

/** Matching end to end below GraphQL: real service, real PostgreSQL, cases written directly. */
const t = useTestApp();
let db: DataSource;
let matching: MatchingService;
let g: SeededGroup;
beforeAll(async () => {
  db = t.app.get(DataSource);
  matching = t.app.get(MatchingService);
  g = await seedGroup(db, 3);
}, 180_000);

const count = async (sql: string, params: unknown[]): Promise<number> =>
  Number((await db.query<Array<{ n: number }>>(sql, params))[0]?.n);
const overlapsOf = (caseId: string) =>
  db.query<
    Array<{ id: string; strength: string; matched_kinds: string[]; retracted_at: Date | null }>
  >(
    'SELECT id, strength, matched_kinds, retracted_at FROM overlap WHERE $1 IN (case_a, case_b) ORDER BY created_at',
    [caseId],
  );
const auditActions = async (overlapId: string) =>
  (
    await db.query<Array<{ action: string }>>(
      'SELECT action FROM audit_log WHERE subject_id = $1 ORDER BY seq',
      [overlapId],
    )
  ).map((r) => r.action);

describe('MatchingService against PostgreSQL', () => {
  let mine = '';
  let theirs = '';
  let overlapId = '';

  it('detects a pair of two organisations, alerts each about its own case and audits it', async () => {
    const [a, b] = g.organisationIds as [string, string];
    const passport = fp('svc-passport');
    mine = await seedCase(db, {
      workingGroupId: g.workingGroupId,
      organisationId: a,
      reference: 'MINE-1',
      fingerprints: [{ kind: 'id.passport', fp: passport }],
    });
    theirs = await seedCase(db, {
      workingGroupId: g.workingGroupId,
      organisationId: b,
      reference: 'THEIRS-1',
      fingerprints: [{ kind: 'id.passport', fp: passport }],
    });
    await matching.matchCases([mine]);

    const [o, ...more] = await overlapsOf(mine);
    expect(more).toEqual([]);
    expect(o).toMatchObject({
      strength: 'strong',
      matched_kinds: ['id.passport'],
      retracted_at: null,
    });
    overlapId = o?.id ?? '';
    const notes = await db.query<
      Array<{
        recipient_organisation_id: string;
        payload: { caseId: string; caseReference: string };
      }>
    >(
      `SELECT recipient_organisation_id, payload FROM notification WHERE kind = 'overlap.new' AND payload->>'overlapId' = $1 ORDER BY payload->>'caseReference'`,
      [overlapId],
    );
    expect(
      notes.map((n) => [n.recipient_organisation_id, n.payload.caseId, n.payload.caseReference]),
    ).toEqual([
      [a, mine, 'MINE-1'],
      [b, theirs, 'THEIRS-1'],
    ]);
    expect(await auditActions(overlapId)).toEqual(['overlap.detect']);
  });

  it('changes nothing when run again (the queue may deliver twice)', async () => {
    const before = await count('SELECT count(*)::int AS n FROM audit_log', []);
    await matching.matchCases([mine, theirs]);
    expect(await overlapsOf(mine)).toHaveLength(1);
    expect(
      await count(`SELECT count(*)::int AS n FROM notification WHERE payload->>'overlapId' = $1`, [
        overlapId,
      ]),
    ).toBe(2);
    expect(await count('SELECT count(*)::int AS n FROM audit_log', [])).toBe(before);
  });

  it('ignores cases of the same organisation and fingerprints too common to add evidence', async () => {
    const [a, b, c] = g.organisationIds as [string, string, string];
    const sameOrg = await seedCase(db, {
      workingGroupId: g.workingGroupId,
      organisationId: a,
      reference: 'MINE-2',
      fingerprints: [{ kind: 'id.passport', fp: fp('svc-passport') }],
    });
    const common = fp('svc-common-name');
    const holders: string[] = [];
    // As many holders as make a full name add no evidence under any label it may carry (v2: one token-set domain).
    const crowd = Math.max(6, ...NAME_SET_KINDS.map(holderCountCap));
    const orgs = Array.from({ length: crowd }, (_, i) => [a, b, c][i % 3] as string);
    for (const [i, org] of orgs.entries()) {
      holders.push(
        await seedCase(db, {
          workingGroupId: g.workingGroupId,
          organisationId: org,
          reference: `COMMON-${i}`,
          fingerprints: [{ kind: 'name.full', fp: common }],
        }),
      );
    }
    await matching.matchCases([sameOrg, ...holders]);
    const pairs = await db.query<Array<{ case_a: string; case_b: string }>>(
      'SELECT case_a, case_b FROM overlap WHERE case_a = ANY($1) OR case_b = ANY($1)',
      [[sameOrg, ...holders]],
    );
    // MINE-2 overlaps THEIRS-1 (another organisation); never MINE-1, and the common name makes no pair.
    expect(pairs).toEqual([
      { case_a: [sameOrg, theirs].sort()[0], case_b: [sameOrg, theirs].sort()[1] },
    ]);
  });

  it('retracts the overlap when a case is withdrawn, and audits the retraction', async () => {
    await withdrawCase(db, theirs);
    await matching.matchCases([theirs]);
    const [o] = await overlapsOf(mine);
    expect(o?.retracted_at).not.toBeNull();
    expect(await auditActions(overlapId)).toEqual(['overlap.detect', 'overlap.retract']);
  });

  it('matches on the cases module’s after-commit event (the fast path)', async () => {
    const [, b, c] = g.organisationIds as [string, string, string];
    const email = fp('svc-email');
    const x = await seedCase(db, {
      workingGroupId: g.workingGroupId,
      organisationId: b,
      reference: 'EV-1',
      fingerprints: [{ kind: 'email', fp: email }],
    });
    const y = await seedCase(db, {
      workingGroupId: g.workingGroupId,
      organisationId: c,
      reference: 'EV-2',
      fingerprints: [{ kind: 'email', fp: email }],
    });
    t.app.get(EventEmitter2).emit(CasesEvent.Registered, { caseIds: [x, y] });
    const found = await eventually(
      () => overlapsOf(x),
      (o) => o.length > 0,
    );
    expect(found[0]).toMatchObject({ matched_kinds: ['email'], retracted_at: null });
  });
});
