import type { DataSource, EntityManager } from 'typeorm';
import { beforeAll, describe, expect, it } from 'vitest';
import { WorkingGroupsRepository } from '../src/modules/working-groups/working-groups.repository.js';
import {
  seedCoordinator,
  seedMembership,
  seedOrganisation,
  seedUser,
  seedWorkingGroup,
  tag,
} from './support/identity-fixtures.js';
import { useTestDataSource } from './support/test-database.js';

/** The working-group statements against the real schema (owner connection, no row-level security). */
const repo = new WorkingGroupsRepository();

const t = useTestDataSource();
let db: DataSource;
beforeAll(() => {
  db = t.db;
});

const inTx = <T>(work: (m: EntityManager) => Promise<T>): Promise<T> => db.transaction(work);

describe('WorkingGroupsRepository', () => {
  it('creates a group; names are taken regardless of case', async () => {
    const name = `Western Balkans ${tag()}`;
    const wg = await inTx((m) => repo.insert(m, name, 'Routes through the region'));
    expect(wg).toMatchObject({
      id: expect.any(String),
      name,
      description: 'Routes through the region',
      createdAt: expect.any(Date),
    });
    expect(await repo.nameTaken(db.manager, name.toUpperCase())).toBe(true);
    expect(await repo.nameTaken(db.manager, `${name} 2`)).toBe(false);
    expect(await repo.findById(db.manager, wg.id)).toMatchObject({ name });
  });

  it('lists every group or the given ones, by name', async () => {
    const b = await seedWorkingGroup(db, `B list ${tag()}`);
    const a = await seedWorkingGroup(db, `A list ${tag()}`);
    await seedWorkingGroup(db, `C list ${tag()}`);
    expect((await repo.list(db.manager, [b, a])).map((g) => g.id)).toEqual([a, b]);
    expect(await repo.list(db.manager, [])).toEqual([]);
    const all = (await repo.list(db.manager, null)).map((g) => g.name);
    expect(all).toEqual([...all].sort());
    expect(all.length).toBeGreaterThanOrEqual(3);
  });

  it('locks a group row, and says when there is none', async () => {
    const wg = await seedWorkingGroup(db);
    expect(await inTx((m) => repo.lockById(m, wg))).toBe(true);
    expect(await inTx((m) => repo.lockById(m, '00000000-0000-4000-8000-000000000000'))).toBe(false);
  });

  it('walks a membership through invited → active → left → invited again', async () => {
    const wg = await seedWorkingGroup(db, `Members ${tag()}`);
    const org = await seedOrganisation(db, 'cso', `Member org ${tag()}`);
    expect(await inTx((m) => repo.lockMembershipStatus(m, wg, org))).toBeNull();
    await inTx((m) => repo.invite(m, wg, org));
    expect(await inTx((m) => repo.lockMembershipStatus(m, wg, org))).toBe('invited');
    expect((await repo.invitationsFor(db.manager, org)).map((ms) => ms.workingGroupId)).toEqual([
      wg,
    ]);

    await inTx((m) => repo.markJoined(m, wg, org));
    const joined = await repo.membership(db.manager, wg, org);
    expect(joined).toMatchObject({
      workingGroupId: wg,
      status: 'active',
      joinedAt: expect.any(Date),
      organisation: { id: org, kind: 'cso' },
    });
    expect(await repo.invitationsFor(db.manager, org)).toEqual([]);

    await inTx((m) => repo.markLeft(m, wg, org));
    expect((await repo.membership(db.manager, wg, org))?.status).toBe('left');
    await inTx((m) => repo.invite(m, wg, org));
    // A fresh invitation forgets the earlier membership.
    expect(await repo.membership(db.manager, wg, org)).toMatchObject({
      status: 'invited',
      joinedAt: null,
    });
    expect(await repo.membership(db.manager, wg, await seedOrganisation(db))).toBeNull();
  });

  it('lists members by organisation name with the group’s and organisation’s names', async () => {
    const groupName = `Named ${tag()}`;
    const wg = await seedWorkingGroup(db, groupName);
    const zed = await seedOrganisation(db, 'cso', `Zed ${tag()}`);
    const abc = await seedOrganisation(db, 'cso', `Abc ${tag()}`);
    await seedMembership(db, wg, zed);
    await seedMembership(db, wg, abc, 'invited');
    const members = await repo.members(db.manager, wg);
    expect(members.map((ms) => [ms.organisation.id, ms.status])).toEqual([
      [abc, 'invited'],
      [zed, 'active'],
    ]);
    expect(members[0]).toEqual({
      workingGroupId: wg,
      workingGroupName: groupName,
      organisation: {
        id: abc,
        name: expect.stringMatching(/^Abc /),
        kind: 'cso',
        createdAt: expect.any(Date),
      },
      status: 'invited',
      invitedAt: expect.any(Date),
      joinedAt: null,
    });
  });

  it('adds, lists, locks and removes coordinators; adding twice is a no-op', async () => {
    const wg = await seedWorkingGroup(db);
    const org = await seedOrganisation(db, 'secretariat', `Secretariat ${tag()}`);
    const bea = await seedUser(db, { organisationId: org, displayName: 'Bea' });
    const al = await seedUser(db, { displayName: 'Al' });
    expect(await inTx((m) => repo.addCoordinator(m, wg, bea))).toBe(true);
    expect(await inTx((m) => repo.addCoordinator(m, wg, bea))).toBe(false);
    await seedCoordinator(db, wg, al);
    expect(await repo.coordinators(db.manager, wg)).toEqual([
      { userId: al, displayName: 'Al', organisationName: null },
      { userId: bea, displayName: 'Bea', organisationName: expect.stringMatching(/^Secretariat /) },
    ]);
    expect((await inTx((m) => repo.lockCoordinatorIds(m, wg))).sort()).toEqual([al, bea].sort());
    await inTx((m) => repo.removeCoordinator(m, wg, al));
    expect(await inTx((m) => repo.lockCoordinatorIds(m, wg))).toEqual([bea]);
  });

  it('adds and removes donors, and says when there was nothing to add or remove', async () => {
    const wg = await seedWorkingGroup(db);
    const donor = await seedOrganisation(db, 'donor', `Donor ${tag()}`);
    expect(await inTx((m) => repo.addDonor(m, wg, donor))).toBe(true);
    expect(await inTx((m) => repo.addDonor(m, wg, donor))).toBe(false);
    expect(await repo.donors(db.manager, wg)).toEqual([
      {
        id: donor,
        name: expect.stringMatching(/^Donor /),
        kind: 'donor',
        createdAt: expect.any(Date),
      },
    ]);
    expect(await inTx((m) => repo.removeDonor(m, wg, donor))).toBe(true);
    expect(await inTx((m) => repo.removeDonor(m, wg, donor))).toBe(false);
    expect(await repo.donors(db.manager, wg)).toEqual([]);
  });
});
