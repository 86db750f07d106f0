import type { Actor } from '@parallax/authz';
import type { DataSource } from 'typeorm';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAsTenant } from '../src/common/tenant/tenant-transaction.js';
import {
  CasesRepository,
  toTrackingCase,
  type CaseInsert,
} from '../src/modules/cases/cases.repository.js';
import {
  fp,
  investigatorOf,
  seedGroup,
  seedUser,
  useTestDataSource,
  type SeededGroup,
} from './support/case-fixtures.js';

/** Case statements as a tenant runs them: through runAsTenant, under row-level security. */
const t = useTestDataSource();
const repo = new CasesRepository();
let db: DataSource;
let g: SeededGroup;
let a: Actor;
let b: Actor;

const fpOf = (i: number): string => fp(`case-fp-${i}`).toString('base64url');

beforeAll(async () => {
  db = t.db;
  g = await seedGroup(db, 2);
  const [orgA, orgB] = g.organisationIds as [string, string];
  a = investigatorOf(orgA, [g.workingGroupId], await seedUser(db, orgA));
  b = investigatorOf(orgB, [g.workingGroupId], await seedUser(db, orgB));
});

const newCase = (actor: Actor, key: string): CaseInsert => ({
  workingGroupId: g.workingGroupId,
  organisationId: actor.organisationId ?? '',
  reference: `REF-${key}`,
  status: 'active',
  situationTags: ['syria'],
  crimeTags: ['torture'],
  epoch: 1,
  fingerprintCount: 0,
  idempotencyKey: key,
  createdBy: actor.userId,
});

describe('CasesRepository', () => {
  it('inserts once per idempotency key', async () => {
    const id = await runAsTenant(db, a, (m) => repo.insert(m, newCase(a, 'key-once-0001')));
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await runAsTenant(db, a, (m) => repo.insert(m, newCase(a, 'key-once-0001')))).toBeNull();
    expect(
      await runAsTenant(db, a, (m) =>
        repo.findIdByIdempotencyKey(m, a.organisationId ?? '', 'key-once-0001'),
      ),
    ).toBe(id);
    // Another organisation may use the same key.
    expect(
      await runAsTenant(db, b, (m) => repo.insert(m, newCase(b, 'key-once-0001'))),
    ).not.toBeNull();
  });

  it('reads only its own organisation’s cases, with the group’s current epoch', async () => {
    const id = (await runAsTenant(db, a, (m) => repo.insert(m, newCase(a, 'key-read-0001')))) ?? '';
    const own = await runAsTenant(db, a, (m) => repo.findOfOrganisation(m, a, id, false));
    expect(own).toMatchObject({
      id,
      reference: 'REF-key-read-0001',
      status: 'active',
      situation_tags: ['syria'],
      crime_tags: ['torture'],
      current_epoch: 1,
    });
    expect(toTrackingCase(own ?? never())).toMatchObject({
      id,
      needsRefingerprint: false,
      withdrawnAt: null,
    });
    // Row-level security: even asking for B's organisation, A sees nothing of it.
    expect(await runAsTenant(db, a, (m) => repo.findOfOrganisation(m, b, id, false))).toBeNull();
    expect(await runAsTenant(db, b, (m) => repo.findOfOrganisation(m, b, id, false))).toBeNull();
    const inGroup = (workingGroupId: string) => ({ workingGroupId, status: null, state: null, search: null });
    const listed = await runAsTenant(db, a, (m) =>
      repo.pageOfOrganisation(m, a.organisationId ?? '', inGroup(g.workingGroupId), null, 100),
    );
    expect(listed.map((c) => c.id)).toContain(id);
    expect(listed.every((c) => c.organisation_id === a.organisationId)).toBe(true);
    expect(
      await runAsTenant(db, a, (m) =>
        repo.pageOfOrganisation(m, a.organisationId ?? '', inGroup('00000000-0000-4000-8000-000000000000'), null, 100),
      ),
    ).toEqual([]);
    // Asking for B's organisation from A's tenant: row-level security still hides B's cases.
    expect(
      await runAsTenant(db, a, (m) => repo.countOfOrganisation(m, b.organisationId ?? '', inGroup(g.workingGroupId))),
    ).toBe(0);
  });

  it('changes only the fields given', async () => {
    const id = (await runAsTenant(db, a, (m) => repo.insert(m, newCase(a, 'key-upd-00001')))) ?? '';
    await runAsTenant(db, a, (m) => repo.updateFields(m, id, { status: 'dormant' }));
    const row = await runAsTenant(db, a, (m) => repo.findOfOrganisation(m, a, id, true));
    expect(row).toMatchObject({
      reference: 'REF-key-upd-00001',
      status: 'dormant',
      situation_tags: ['syria'],
      crime_tags: ['torture'],
    });
  });

  it('stores fingerprints in chunks, replaces them and withdraws', async () => {
    const id = (await runAsTenant(db, a, (m) => repo.insert(m, newCase(a, 'key-fps-00001')))) ?? '';
    const fps = Array.from({ length: 1500 }, (_, i) => ({ kind: 'name.pair', fp: fpOf(i) }));
    await runAsTenant(db, a, (m) => repo.insertFingerprints(m, id, g.workingGroupId, 1, fps));
    const count = async (): Promise<number> =>
      Number(
        (
          await db.query('SELECT count(*)::int AS n FROM case_fingerprint WHERE case_id = $1', [id])
        )[0].n,
      );
    expect(await count()).toBe(1500);
    const [stored] = await db.query(
      'SELECT fp FROM case_fingerprint WHERE case_id = $1 AND fp = $2',
      [id, Buffer.from(fpOf(7), 'base64url')],
    );
    expect(stored?.fp).toHaveLength(32);

    await runAsTenant(db, a, async (m) => {
      await repo.deleteFingerprints(m, id);
      await repo.insertFingerprints(m, id, g.workingGroupId, 1, fps.slice(0, 3));
      await repo.setFingerprintEpoch(m, id, 1, 3);
    });
    expect(await count()).toBe(3);
    await runAsTenant(db, a, async (m) => {
      await repo.deleteFingerprints(m, id);
      await repo.markWithdrawn(m, id);
    });
    const row = await runAsTenant(db, a, (m) => repo.findOfOrganisation(m, a, id, false));
    expect(row).toMatchObject({ fingerprint_count: 0 });
    expect(row?.withdrawn_at).not.toBeNull();
    expect(await count()).toBe(0);
  });

  it('asks for re-fingerprinting once the group has a new epoch', async () => {
    const id = (await runAsTenant(db, a, (m) => repo.insert(m, newCase(a, 'key-epoch-001')))) ?? '';
    await db.query(
      'UPDATE working_group_epoch SET retired_at = now() WHERE working_group_id = $1',
      [g.workingGroupId],
    );
    await db.query(
      `INSERT INTO working_group_epoch (working_group_id, epoch, oprf_key, schema_version) VALUES ($1, 2, '\\x00', 'v2')`,
      [g.workingGroupId],
    );
    const row = await runAsTenant(db, a, (m) => repo.findOfOrganisation(m, a, id, false));
    expect(row?.current_epoch).toBe(2);
    expect(toTrackingCase(row ?? never()).needsRefingerprint).toBe(true);
  });
});

function never(): never {
  throw new Error('expected a row');
}
