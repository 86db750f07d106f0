import type { Actor } from '@parallax/authz';
import { FINGERPRINT_SCHEMA_VERSION } from '@parallax/fingerprint';
import { DataSource } from 'typeorm';
import { beforeAll, describe, expect, it } from 'vitest';
import { CasesService, type NewCase } from '../src/modules/cases/cases.service.js';
import {
  fp,
  investigatorOf,
  seedGroup,
  seedUser,
  type SeededGroup,
} from './support/case-fixtures.js';
import { eventually } from './support/hub.js';
import { useTestApp } from './support/test-app.js';

/**
 * Registration below GraphQL. The queue's worker is off here, so an overlap
 * can only come from the after-commit event (the fast path); the durable job
 * must still be in the queue, enqueued by the registration's transaction.
 */
const t = useTestApp({ JOBS_ENABLED: 'false' });
let db: DataSource;
let cases: CasesService;
let g: SeededGroup;
let a: Actor;
let b: Actor;

beforeAll(async () => {
  db = t.app.get(DataSource);
  cases = t.app.get(CasesService);
  g = await seedGroup(db, 2);
  const [orgA, orgB] = g.organisationIds as [string, string];
  a = investigatorOf(orgA, [g.workingGroupId], await seedUser(db, orgA));
  b = investigatorOf(orgB, [g.workingGroupId], await seedUser(db, orgB));
}, 180_000);

const newCase = (key: string, label: string, epoch = 1): NewCase => ({
  idempotencyKey: key,
  reference: ` ${key.toUpperCase()} `,
  status: 'active',
  situationTags: ['ukraine'],
  crimeTags: [],
  epoch,
  schemaVersion: FINGERPRINT_SCHEMA_VERSION,
  // One shared passport fingerprint (sent twice: deduplicated) padded to the smallest size class.
  fingerprints: [
    { kind: 'id.passport', fp: fp(label).toString('base64url') },
    { kind: 'id.passport', fp: fp(label).toString('base64url') },
    ...[1, 2, 3].map((i) => ({
      kind: 'id.passport',
      fp: fp(`${key}-dummy-${i}`).toString('base64url'),
    })),
  ],
});

describe('CasesService against PostgreSQL', () => {
  it('registers, enqueues the durable job in the same transaction, and matches on the after-commit event', async () => {
    const [mine] = await cases.register(a, g.workingGroupId, [
      newCase('svc-case-a1', 'same-person'),
    ]);
    const [theirs] = await cases.register(b, g.workingGroupId, [
      newCase('svc-case-b1', 'same-person'),
    ]);
    expect(mine).toMatchObject({ idempotencyKey: 'svc-case-a1', created: true });
    const [row] = await db.query(
      'SELECT reference, fingerprint_count FROM tracking_case WHERE id = $1',
      [mine?.caseId],
    );
    expect(row).toEqual({ reference: 'SVC-CASE-A1', fingerprint_count: 4 });

    const jobs = await db.query<Array<{ case_id: string }>>(
      `SELECT data->>'caseId' AS case_id FROM pgboss.job WHERE name = 'match-case'`,
    );
    expect(jobs.map((j) => j.case_id)).toEqual(
      expect.arrayContaining([mine?.caseId, theirs?.caseId]),
    );
    const found = await eventually(
      () =>
        db.query<Array<{ id: string }>>(
          'SELECT id FROM overlap WHERE $1 IN (case_a, case_b) AND $2 IN (case_a, case_b)',
          [mine?.caseId, theirs?.caseId],
        ),
      (o) => o.length > 0,
    );
    expect(found).toHaveLength(1);
  });

  it('refuses a stale epoch with STALE_EPOCH and a withdrawn case’s update with CASE_WITHDRAWN, changing nothing', async () => {
    const before = Number((await db.query('SELECT count(*)::int AS n FROM tracking_case'))[0].n);
    await expect(
      cases.register(a, g.workingGroupId, [newCase('svc-case-old', 'old', 7)]),
    ).rejects.toMatchObject({ code: 'STALE_EPOCH' });
    expect(Number((await db.query('SELECT count(*)::int AS n FROM tracking_case'))[0].n)).toBe(
      before,
    );

    const [c] = await cases.register(a, g.workingGroupId, [newCase('svc-case-wd', 'withdrawn')]);
    await cases.withdraw(a, c?.caseId ?? '');
    await expect(cases.update(a, c?.caseId ?? '', { status: 'closed' })).rejects.toMatchObject({
      code: 'CASE_WITHDRAWN',
    });
    expect((await cases.get(a, c?.caseId ?? '')).status).toBe('active');
  });
});
