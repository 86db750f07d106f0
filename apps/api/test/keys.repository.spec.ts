import { randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { beforeAll, describe, expect, it } from 'vitest';
import { toGroupKeyStatus } from '../src/modules/keys/key-status.mappers.js';
import { KeysRepository } from '../src/modules/keys/keys.repository.js';
import {
  seedCoordinator,
  seedMembership,
  seedOrganisation,
  seedUser,
  seedWorkingGroup,
} from './support/identity-fixtures.js';
import { useTestDataSource } from './support/test-database.js';

/** Key epochs, sealed grants and the OPRF budget counters against the real schema. */
const repo = new KeysRepository();

const t = useTestDataSource();
let db: DataSource;
beforeAll(() => {
  db = t.db;
});

const inTx = <T>(work: (m: EntityManager) => Promise<T>): Promise<T> => db.transaction(work);
const sealed = () => randomBytes(80);
const commitment = () => ({ tag: randomBytes(32), signature: randomBytes(64) });

describe('KeysRepository: who may hold the key', () => {
  it('lists coordinators and the admins and investigators of active members; never viewers, the disabled or mere invitees', async () => {
    const wg = await seedWorkingGroup(db);
    const active = await seedOrganisation(db);
    const invited = await seedOrganisation(db);
    await seedMembership(db, wg, active);
    await seedMembership(db, wg, invited, 'invited');
    const coordinator = await seedUser(db, { displayName: 'Coordinator' });
    await seedCoordinator(db, wg, coordinator);
    const admin = await seedUser(db, { organisationId: active, role: 'org_admin' });
    const investigator = await seedUser(db, { organisationId: active, role: 'investigator' });
    await seedUser(db, { organisationId: active, role: 'viewer' });
    await seedUser(db, { organisationId: active, role: 'investigator', disabled: true });
    await seedUser(db, { organisationId: invited, role: 'investigator' });

    const holders = await repo.eligibleHolders(db.manager, wg);
    expect(holders.map((h) => h.id)).toEqual([coordinator, admin, investigator].sort());
    const c = holders.find((h) => h.id === coordinator);
    expect(c).toMatchObject({ displayName: 'Coordinator', publicKey: expect.any(Buffer) });
    expect(c?.publicKey).toHaveLength(32);
  });
});

describe('KeysRepository: epochs and grants', () => {
  it('starts, retires and reads epochs; a retired epoch has no OPRF key', async () => {
    const wg = await seedWorkingGroup(db);
    const coordinator = await seedUser(db);
    expect(await repo.currentEpoch(db.manager, wg)).toBeNull();
    const key1 = sealed();
    await inTx((m) => repo.insertEpoch(m, wg, 1, key1, coordinator, commitment(), 'v2'));
    expect(await repo.currentEpoch(db.manager, wg)).toBe(1);
    expect((await repo.sealedOprfKey(db.manager, wg, 1))?.equals(key1)).toBe(true);

    await inTx(async (m) => {
      await repo.retireEpoch(m, wg, 1);
      await repo.insertEpoch(m, wg, 2, sealed(), coordinator, commitment(), 'v2');
    });
    expect(await repo.currentEpoch(db.manager, wg)).toBe(2);
    expect(await repo.currentEpochSchema(db.manager, wg)).toEqual({ epoch: 2, schemaVersion: 'v2' });
    expect(await repo.sealedOprfKey(db.manager, wg, 1)).toBeNull();
    expect(await repo.sealedOprfKey(db.manager, wg, 3)).toBeNull();
  });

  it('refuses a second current epoch (the database keeps one per group)', async () => {
    const wg = await seedWorkingGroup(db);
    const coordinator = await seedUser(db);
    await inTx((m) => repo.insertEpoch(m, wg, 1, sealed(), coordinator, commitment(), 'v2'));
    await expect(inTx((m) => repo.insertEpoch(m, wg, 2, sealed(), coordinator, commitment(), 'v2'))).rejects.toThrow();
    expect(await repo.currentEpoch(db.manager, wg)).toBe(1);
  });

  it('stores one sealed copy per user and epoch; a second is ignored', async () => {
    const wg = await seedWorkingGroup(db);
    const coordinator = await seedUser(db);
    const member = await seedUser(db, { organisationId: await seedOrganisation(db) });
    await inTx((m) => repo.insertEpoch(m, wg, 1, sealed(), coordinator, commitment(), 'v2'));
    const mine = { userId: coordinator, sealedKey: sealed() };
    expect(await inTx((m) => repo.insertGrant(m, wg, 1, mine, coordinator))).toBe(true);
    expect(
      await inTx((m) =>
        repo.insertGrant(m, wg, 1, { userId: coordinator, sealedKey: sealed() }, coordinator),
      ),
    ).toBe(false);
    expect(await repo.hasGrant(db.manager, wg, 1, coordinator)).toBe(true);
    expect(await repo.hasGrant(db.manager, wg, 1, member)).toBe(false);
    const grants = await repo.grants(db.manager, wg, 1);
    expect(grants).toHaveLength(1);
    expect(grants[0]?.userId).toBe(coordinator);
    expect(grants[0]?.sealedKey.equals(mine.sealedKey)).toBe(true);
  });

  it('maps a key status for GraphQL with base64 keys', () => {
    const publicKey = Buffer.alloc(32, 7);
    expect(
      toGroupKeyStatus('wg', {
        epoch: 3,
        schemaVersion: 'v2',
        mySealedKey: Buffer.from([1, 2, 3]),
        pendingRecipients: [
          { id: 'u', displayName: 'U', publicKey, signingPublicKey: null, organisationId: 'o' },
        ],
        isCoordinator: true,
        epochCommitment: {
          tag: Buffer.from([4]),
          signature: Buffer.from([5]),
          coordinatorUserId: 'c',
        },
        mySealedKeySenderId: 'c',
      }),
    ).toEqual({
      workingGroupId: 'wg',
      epoch: 3,
      schemaVersion: 'v2',
      mySealedKey: 'AQID',
      pendingRecipients: [
        {
          userId: 'u',
          displayName: 'U',
          publicKey: publicKey.toString('base64'),
          signingPublicKey: null,
          organisationId: 'o',
        },
      ],
      isCoordinator: true,
      epochCommitment: { tag: 'BA==', signature: 'BQ==', coordinatorUserId: 'c' },
      mySealedKeySenderId: 'c',
    });
  });

  it('keeps the epoch commitment, the sender of each grant, the first read, and deletes one grant', async () => {
    const wg = await seedWorkingGroup(db);
    const coordinator = await seedUser(db);
    const member = await seedUser(db, { organisationId: await seedOrganisation(db) });
    const c = commitment();
    await inTx((m) => repo.insertEpoch(m, wg, 1, sealed(), coordinator, c, 'v2'));
    expect(await repo.commitment(db.manager, wg, 1)).toEqual({ ...c, coordinatorUserId: coordinator });
    await inTx((m) => repo.insertGrant(m, wg, 1, { userId: member, sealedKey: sealed() }, coordinator));
    expect((await repo.grants(db.manager, wg, 1))[0]).toMatchObject({ grantedBy: coordinator, firstReadAt: null });
    expect(await inTx((m) => repo.markGrantRead(m, wg, 1, member))).toBe(true);
    expect(await inTx((m) => repo.markGrantRead(m, wg, 1, member))).toBe(false);
    expect(await inTx((m) => repo.deleteGrant(m, wg, 1, coordinator))).toBeUndefined();
    expect(await inTx((m) => repo.deleteGrant(m, wg, 1, member))).toEqual({ grantedBy: coordinator });
    expect(await repo.grants(db.manager, wg, 1)).toEqual([]);
  });
});

describe('KeysRepository: OPRF budget counters', () => {
  it('adds evaluations and refusals to today’s row, separately per organisation and group', async () => {
    const wg = await seedWorkingGroup(db);
    const org = await seedOrganisation(db);
    const other = await seedOrganisation(db);
    expect(await repo.evaluationsToday(db.manager, org, wg)).toBe(0);
    expect(await inTx((m) => repo.addEvaluations(m, org, wg, 3))).toBe(3);
    expect(await inTx((m) => repo.addEvaluations(m, org, wg, 4))).toBe(7);
    expect(await inTx((m) => repo.addEvaluations(m, other, wg, 1))).toBe(1);
    expect(await inTx((m) => repo.addRefusals(m, org, wg, 2))).toBe(2);
    expect(await inTx((m) => repo.addRefusals(m, org, wg, 2))).toBe(4);
    expect(await repo.evaluationsToday(db.manager, org, wg)).toBe(7);
    const [row] = await db.query(
      'SELECT evaluations, refused FROM oprf_usage WHERE organisation_id = $1 AND working_group_id = $2',
      [org, wg],
    );
    expect(row).toEqual({ evaluations: 7, refused: 4 });
  });

  it('rolls a reservation back with its transaction, so a refused call uses no budget', async () => {
    const wg = await seedWorkingGroup(db);
    const org = await seedOrganisation(db);
    await inTx((m) => repo.addEvaluations(m, org, wg, 2));
    await expect(
      inTx(async (m) => {
        expect(await repo.addEvaluations(m, org, wg, 5)).toBe(7);
        throw new Error('over budget');
      }),
    ).rejects.toThrow('over budget');
    expect(await repo.evaluationsToday(db.manager, org, wg)).toBe(2);
  });

  it('counts an organisation’s registered cases in the group, not withdrawn ones nor others’', async () => {
    const wg = await seedWorkingGroup(db);
    const org = await seedOrganisation(db);
    const other = await seedOrganisation(db);
    const addCase = async (organisationId: string, withdrawn = false) =>
      db.query(
        `INSERT INTO tracking_case (working_group_id, organisation_id, reference, status, epoch, idempotency_key, withdrawn_at)
         VALUES ($1, $2, 'REF-1', 'active', 1, $3, $4)`,
        [
          wg,
          organisationId,
          `idem-${randomBytes(6).toString('hex')}`,
          withdrawn ? new Date() : null,
        ],
      );
    await addCase(org);
    await addCase(org);
    await addCase(org, true);
    await addCase(other);
    expect(await repo.activeCaseCount(db.manager, org, wg)).toBe(2);
    expect(await repo.activeCaseCount(db.manager, org, await seedWorkingGroup(db))).toBe(0);
  });
});
