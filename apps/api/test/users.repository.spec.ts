import type { DataSource, EntityManager } from 'typeorm';
import { beforeAll, describe, expect, it } from 'vitest';
import { toUser, UsersRepository } from '../src/modules/users/users.repository.js';
import { seedOrganisation, seedUser, tag } from './support/identity-fixtures.js';
import { useTestDataSource } from './support/test-database.js';

/** The users repository against the real schema (owner connection, no row-level security). */
const repo = new UsersRepository();

const t = useTestDataSource();
let db: DataSource;
beforeAll(() => {
  db = t.db;
});

const inTx = <T>(work: (m: EntityManager) => Promise<T>): Promise<T> => db.transaction(work);

describe('UsersRepository', () => {
  it('inserts an account and finds it by id and by e-mail, mapped for GraphQL without secrets', async () => {
    const org = await seedOrganisation(db);
    const email = `find-${tag()}@example.org`;
    const id = await seedUser(db, {
      organisationId: org,
      role: 'org_admin',
      email,
      displayName: 'Ada',
    });
    const byId = await repo.findById(db.manager, id);
    const byEmail = await repo.findByEmail(db.manager, email);
    expect(byEmail?.id).toBe(id);
    expect(byId).toMatchObject({
      email,
      organisationId: org,
      role: 'org_admin',
      isPlatformAdmin: false,
      disabledAt: null,
      totpFailures: 0,
    });
    expect(await repo.emailExists(db.manager, email)).toBe(true);
    expect(await repo.emailExists(db.manager, `nobody-${tag()}@example.org`)).toBe(false);
    expect(await repo.findById(db.manager, '00000000-0000-4000-8000-000000000000')).toBeNull();

    const user = byId ? toUser(byId) : null;
    expect(user).toEqual({
      id,
      email,
      displayName: 'Ada',
      organisationId: org,
      role: 'org_admin',
      isPlatformAdmin: false,
      disabled: false,
      createdAt: expect.any(Date),
    });
    expect(Object.keys(user ?? {})).not.toContain('loginVerifier');
  });

  it('lists an organisation’s users by display name, and only theirs', async () => {
    const org = await seedOrganisation(db);
    const other = await seedOrganisation(db);
    await seedUser(db, { organisationId: org, displayName: 'Zoë' });
    await seedUser(db, { organisationId: org, displayName: 'Anna' });
    await seedUser(db, { organisationId: other, displayName: 'Bert' });
    const names = (await repo.listByOrganisation(db.manager, org)).map((u) => u.displayName);
    expect(names).toEqual(['Anna', 'Zoë']);
  });

  it('counts the active admins of one organisation: disabled admins and other roles do not count', async () => {
    const org = await seedOrganisation(db);
    await seedUser(db, { organisationId: org, role: 'org_admin' });
    await seedUser(db, { organisationId: org, role: 'org_admin', disabled: true });
    await seedUser(db, { organisationId: org, role: 'investigator' });
    await seedUser(db, { organisationId: await seedOrganisation(db), role: 'org_admin' });
    expect(await repo.countActiveAdmins(db.manager, org)).toBe(1);
  });

  it('changes a role and other columns, in the caller’s transaction', async () => {
    const org = await seedOrganisation(db);
    const id = await seedUser(db, { organisationId: org, role: 'viewer' });
    await inTx(async (m) => {
      await repo.setRole(m, id, 'investigator');
      await repo.update(m, id, { totpLastStep: '123', totpFailures: 2 });
    });
    expect(await repo.findById(db.manager, id)).toMatchObject({
      role: 'investigator',
      totpLastStep: '123',
      totpFailures: 2,
    });
    await expect(
      inTx(async (m) => {
        await repo.setRole(m, id, 'org_admin');
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect((await repo.findById(db.manager, id))?.role).toBe('investigator');
  });

  it('locks the row FOR UPDATE: a second locker waits until the first commits', async () => {
    const id = await seedUser(db, { organisationId: await seedOrganisation(db), role: 'viewer' });
    const order: string[] = [];
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = inTx(async (m) => {
      await repo.findById(m, id, { lock: true });
      order.push('first locked');
      await held;
      await repo.setRole(m, id, 'investigator');
      order.push('first done');
    });
    await new Promise((r) => setTimeout(r, 100));
    const second = inTx(async (m) => {
      const u = await repo.findById(m, id, { lock: true });
      order.push(`second saw ${u?.role}`);
    });
    await new Promise((r) => setTimeout(r, 200));
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['first locked', 'first done', 'second saw investigator']);
  });
});
