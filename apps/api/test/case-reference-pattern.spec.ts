import { DataSource } from 'typeorm';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerPersons } from './support/hub.js';
import { useTestApp } from './support/test-app.js';
import { buildWorld, PERSON_LATIN, type Person, type World } from './support/world.js';

/**
 * An organisation's case reference pattern (issue 10): set and cleared by
 * its own admins only, audited in the same transaction, shown to its own
 * members, enforced on its cases' registration and reference changes —
 * never on another organisation's cases.
 */
const t = useTestApp();
let w: World;
let db: DataSource;
beforeAll(async () => {
  w = await buildWorld(t, { withCases: false });
  db = t.app.get(DataSource);
}, 180_000);

const SET = `mutation($o: ID!, $p: String) {
  setCaseReferencePattern(organisationId: $o, pattern: $p) { id caseReferencePattern }
}`;
const set = (p: Person, organisationId: string, pattern: string | null) =>
  p.client.request<{ setCaseReferencePattern: { caseReferencePattern: string | null } }>(SET, {
    o: organisationId,
    p: pattern,
  });
const codeOf = (r: { errors?: ReadonlyArray<{ extensions?: { code?: unknown } }> }) =>
  r.errors?.[0]?.extensions?.code;

const patternOf = async (organisationId: string): Promise<string | null> =>
  (
    await db.query('SELECT case_reference_pattern AS p FROM organisation WHERE id = $1', [
      organisationId,
    ])
  )[0].p;
const auditRows = async (organisationId: string) =>
  (await db.query(
    `SELECT change, xmin::text AS tx FROM audit_log
     WHERE action = 'organisation.reference_pattern' AND organisation_id = $1 ORDER BY seq`,
    [organisationId],
  )) as Array<{ change: { pattern: string }; tx: string }>;
const casesOf = async (organisationId: string): Promise<number> =>
  Number(
    (
      await db.query('SELECT count(*) AS n FROM tracking_case WHERE organisation_id = $1', [
        organisationId,
      ])
    )[0].n,
  );

describe('case reference patterns', () => {
  it("lets the organisation's admin set it, audited in the same transaction, shown to its members only", async () => {
    const r = await set(w.adminA, w.orgA, ' UA-####-@@ ');
    expect(r.errors).toBeUndefined();
    expect(r.data?.setCaseReferencePattern.caseReferencePattern).toBe('UA-####-@@');
    expect(await patternOf(w.orgA)).toBe('UA-####-@@');
    const [entry] = await auditRows(w.orgA);
    expect(entry?.change.pattern).toBe('set');
    const [row] = await db.query('SELECT xmin::text AS tx FROM organisation WHERE id = $1', [
      w.orgA,
    ]);
    expect(entry?.tx).toBe(row.tx);

    const query = 'query($o: ID!) { organisation(id: $o) { caseReferencePattern } }';
    const member = await w.investigatorA.client.ok<{
      organisation: { caseReferencePattern: string };
    }>(query, { o: w.orgA });
    expect(member.organisation.caseReferencePattern).toBe('UA-####-@@');
    const me = await w.viewerA.client.ok<{
      me: { organisation: { caseReferencePattern: string } };
    }>('{ me { organisation { caseReferencePattern } } }');
    expect(me.me.organisation.caseReferencePattern).toBe('UA-####-@@');
    // A coordinator sees the directory, not the organisation's settings.
    const outsider = await w.coordinator1.client.ok<{
      organisation: { caseReferencePattern: null };
    }>(query, { o: w.orgA });
    expect(outsider.organisation.caseReferencePattern).toBeNull();
  });

  it('refuses a pattern it cannot run safely, and changes nothing', async () => {
    const before = await auditRows(w.orgA);
    for (const bad of ['**', 'UA-(\\d+)+', '', 'A'.repeat(65)]) {
      expect(codeOf(await set(w.adminA, w.orgA, bad))).toBe('INVALID_REFERENCE_PATTERN');
    }
    expect(await patternOf(w.orgA)).toBe('UA-####-@@');
    expect(await auditRows(w.orgA)).toHaveLength(before.length);
  });

  it('refuses everyone but the organisation’s own admins (other organisations, investigators, coordinators, the platform admin)', async () => {
    const before = await auditRows(w.orgA);
    expect(codeOf(await set(w.adminB, w.orgA, '@@'))).toBe('NOT_FOUND');
    expect(codeOf(await set(w.investigatorA, w.orgA, '@@'))).toBe('FORBIDDEN');
    expect(codeOf(await set(w.coordinator1, w.orgA, '@@'))).toBe('FORBIDDEN');
    expect(codeOf(await set(w.platformAdmin, w.orgA, '@@'))).toBe('FORBIDDEN');
    expect(await patternOf(w.orgA)).toBe('UA-####-@@');
    expect(await auditRows(w.orgA)).toHaveLength(before.length);
  });

  it('refuses a registration whose reference does not follow it with REFERENCE_PATTERN_MISMATCH, writing nothing', async () => {
    const before = await casesOf(w.orgA);
    await expect(
      registerPersons(t, w.investigatorA, w.wg1, [PERSON_LATIN], () => 'SYR-17'),
    ).rejects.toMatchObject({ code: 'REFERENCE_PATTERN_MISMATCH' });
    expect(await casesOf(w.orgA)).toBe(before);
    const [caseId] = await registerPersons(
      t,
      w.investigatorA,
      w.wg1,
      [PERSON_LATIN],
      () => 'UA-2024-AB',
    );
    expect(await casesOf(w.orgA)).toBe(before + 1);

    // A reference change follows it too; an unchanged reference passes.
    const update = (reference: string) =>
      w.investigatorA.client.request(
        'mutation($c: ID!, $i: CaseUpdateInput!) { updateCase(caseId: $c, input: $i) { reference } }',
        { c: caseId, i: { reference, status: 'dormant' } },
      );
    expect(codeOf(await update('free text'))).toBe('REFERENCE_PATTERN_MISMATCH');
    const [row] = await db.query('SELECT reference, status FROM tracking_case WHERE id = $1', [
      caseId,
    ]);
    expect(row).toEqual({ reference: 'UA-2024-AB', status: 'active' });
    expect(codeOf(await update('UA-2024-AB'))).toBeUndefined();
    expect(codeOf(await update('UA-2025-ЖЯ'))).toBeUndefined();
  });

  it("does not apply organisation A's pattern to organisation B's cases", async () => {
    const before = await casesOf(w.orgB);
    await registerPersons(t, w.investigatorB, w.wg2, [PERSON_LATIN], () => 'SYR-18');
    expect(await casesOf(w.orgB)).toBe(before + 1);
  });

  it('lets the admin clear it: any reference passes again', async () => {
    const r = await set(w.adminA, w.orgA, null);
    expect(r.data?.setCaseReferencePattern.caseReferencePattern).toBeNull();
    expect(await patternOf(w.orgA)).toBeNull();
    expect((await auditRows(w.orgA)).at(-1)?.change.pattern).toBe('cleared');
    const before = await casesOf(w.orgA);
    await registerPersons(
      t,
      w.investigatorA,
      w.wg1,
      [{ ...PERSON_LATIN, id: 'p-again' }],
      () => 'SYR-19',
    );
    expect(await casesOf(w.orgA)).toBe(before + 1);
  });
});
