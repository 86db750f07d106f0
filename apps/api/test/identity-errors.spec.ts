import { DataSource } from 'typeorm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GqlResult } from './support/gql-client.js';
import { useTestApp } from './support/test-app.js';
import { buildWorld, type World } from './support/world.js';

/**
 * The specific error codes of the identity modules (users, organisations,
 * working groups, keys) over GraphQL: each with its generic category, and
 * each refusal changes nothing.
 */
const t = useTestApp();
let w: World;
beforeAll(async () => {
  w = await buildWorld(t, { withCases: false });
});

const ELEMENT = Buffer.alloc(32, 1).toString('base64');
const auditCount = async (): Promise<number> =>
  Number((await t.app.get(DataSource).query('SELECT count(*)::int AS n FROM audit_log'))[0].n);

function refusal(r: GqlResult<unknown>): { code?: string; category?: string } | undefined {
  return r.errors?.[0]?.extensions as { code?: string; category?: string } | undefined;
}

describe('identity error codes', () => {
  it('NAME_TAKEN for an organisation or a working group whose name exists, whatever its case', async () => {
    const before = await auditCount();
    const org = await w.platformAdmin.client.request(
      'mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }',
      { i: { name: ' org a ', kind: 'cso' } },
    );
    expect(refusal(org)).toMatchObject({ code: 'NAME_TAKEN', category: 'CONFLICT' });
    const wg = await w.platformAdmin.client.request(
      'mutation($i: CreateWorkingGroupInput!) { createWorkingGroup(input: $i) { id } }',
      { i: { name: 'wg 1' } },
    );
    expect(refusal(wg)).toMatchObject({ code: 'NAME_TAKEN', category: 'CONFLICT' });
    expect(await auditCount()).toBe(before);
  });

  it('LAST_ADMIN when the only admin of an organisation would step down or be disabled', async () => {
    const before = await auditCount();
    const demote = await w.adminA.client.request(
      'mutation($u: ID!) { changeUserRole(userId: $u, role: viewer) { role } }',
      { u: w.adminA.id },
    );
    expect(refusal(demote)).toMatchObject({ code: 'LAST_ADMIN', category: 'CONFLICT' });
    const disable = await w.adminA.client.request(
      'mutation($u: ID!) { disableUser(userId: $u) { disabled } }',
      {
        u: w.adminA.id,
      },
    );
    expect(refusal(disable)).toMatchObject({ code: 'LAST_ADMIN', category: 'CONFLICT' });
    const [row] = await t.app
      .get(DataSource)
      .query('SELECT role, disabled_at FROM app_user WHERE id = $1', [w.adminA.id]);
    expect(row).toEqual({ role: 'org_admin', disabled_at: null });
    expect(await auditCount()).toBe(before);
  });

  it('LAST_COORDINATOR when a group would lose its only coordinator', async () => {
    const before = await auditCount();
    const r = await w.platformAdmin.client.request(
      'mutation($w: ID!, $u: ID!) { removeCoordinator(workingGroupId: $w, userId: $u) }',
      {
        w: w.wg1,
        u: w.coordinator1.id,
      },
    );
    expect(refusal(r)).toMatchObject({ code: 'LAST_COORDINATOR', category: 'CONFLICT' });
    expect(await auditCount()).toBe(before);
  });

  it('STALE_EPOCH when a key epoch is not the current one (OPRF and key grants)', async () => {
    const before = await auditCount();
    const oprf = await w.investigatorA.client.request(
      'mutation($w: ID!, $e: [String!]!) { evaluateOprf(workingGroupId: $w, epoch: 99, blindedElements: $e) { usedToday } }',
      { w: w.wg1, e: [ELEMENT] },
    );
    expect(refusal(oprf)).toMatchObject({ code: 'STALE_EPOCH', category: 'CONFLICT' });
    const grants = await w.coordinator1.client.request(
      'mutation($w: ID!, $g: [SealedGrantInput!]!) { fulfilGroupKeyGrants(workingGroupId: $w, epoch: 99, grants: $g) }',
      {
        w: w.wg1,
        g: [{ userId: w.investigatorA.id, sealedKey: Buffer.alloc(80, 2).toString('base64') }],
      },
    );
    expect(refusal(grants)).toMatchObject({ code: 'STALE_EPOCH', category: 'CONFLICT' });
    expect(await auditCount()).toBe(before);
  });

  it('NOT_FOUND, and no audit entry, when removing a donor that does not fund the group', async () => {
    const before = await auditCount();
    const r = await w.coordinator2.client.request(
      'mutation($w: ID!, $o: ID!) { removeDonorFromWorkingGroup(workingGroupId: $w, organisationId: $o) }',
      { w: w.wg2, o: w.donor },
    );
    expect(refusal(r)).toMatchObject({ code: 'NOT_FOUND', category: 'NOT_FOUND' });
    expect(await auditCount()).toBe(before);
  });
});
