import type { Actor } from '@parallax/authz';
import type { DataSource } from 'typeorm';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAsTenant } from '../src/common/tenant/tenant-transaction.js';
import {
  NotificationsRepository,
  toNotification,
} from '../src/modules/notifications/notifications.repository.js';
import {
  investigatorOf,
  seedGroup,
  seedUser,
  useTestDataSource,
  type SeededGroup,
} from './support/case-fixtures.js';

/** Notifications are written in their cause's transaction and read by their recipients only. */
const t = useTestDataSource();
const repo = new NotificationsRepository();
let db: DataSource;
let g: SeededGroup;
let a: Actor;
let b: Actor;
let coordinator: string;

beforeAll(async () => {
  db = t.db;
  g = await seedGroup(db, 2);
  const [orgA, orgB] = g.organisationIds as [string, string];
  a = investigatorOf(orgA, [g.workingGroupId], await seedUser(db, orgA));
  b = investigatorOf(orgB, [g.workingGroupId], await seedUser(db, orgB));
  coordinator = await seedUser(db, orgB, 'org_admin');
  await db.query(
    'INSERT INTO working_group_coordinator (working_group_id, user_id) VALUES ($1, $2)',
    [g.workingGroupId, coordinator],
  );
});

describe('NotificationsRepository', () => {
  it('writes many in one statement, each visible to its recipient only', async () => {
    await db.transaction((m) =>
      repo.insertMany(m, [
        {
          recipientOrganisationId: a.organisationId,
          workingGroupId: g.workingGroupId,
          kind: 'overlap.new',
          payload: { caseReference: 'A-1' },
        },
        {
          recipientOrganisationId: b.organisationId,
          workingGroupId: g.workingGroupId,
          kind: 'overlap.new',
          payload: { caseReference: 'B-1' },
        },
        {
          recipientUserId: a.userId,
          workingGroupId: null,
          kind: 'account.notice',
          payload: { n: 1 },
        },
      ]),
    );
    await db.transaction((m) => repo.insertMany(m, []));
    const forA = (await runAsTenant(db, a, (m) => repo.listVisible(m, false, 50))).map(
      toNotification,
    );
    expect(forA.map((n) => [n.kind, n.payload])).toEqual(
      expect.arrayContaining([
        ['overlap.new', { caseReference: 'A-1' }],
        ['account.notice', { n: 1 }],
      ]),
    );
    expect(forA).toHaveLength(2);
    expect(JSON.stringify(forA)).not.toContain('B-1');
    expect(forA.every((n) => n.readAt === null && n.createdAt instanceof Date)).toBe(true);
  });

  it('alerts each coordinator of the group', async () => {
    await db.transaction((m) =>
      repo.insertForCoordinators(m, g.workingGroupId, 'oprf.budget_exceeded', {
        organisationId: a.organisationId,
      }),
    );
    const rows = await db.query(
      `SELECT recipient_user_id FROM notification WHERE kind = 'oprf.budget_exceeded'`,
    );
    expect(rows).toEqual([{ recipient_user_id: coordinator }]);
  });

  it('marks read only what the reader may see, once', async () => {
    const all = await db.query<Array<{ id: string }>>('SELECT id FROM notification');
    const ids = all.map((r) => r.id);
    expect(await runAsTenant(db, a, (m) => repo.markRead(m, ids))).toBe(2);
    expect(await runAsTenant(db, a, (m) => repo.markRead(m, ids))).toBe(0);
    expect(await runAsTenant(db, a, (m) => repo.listVisible(m, true, 50))).toEqual([]);
    expect(await runAsTenant(db, b, (m) => repo.listVisible(m, true, 50))).toHaveLength(1);
  });
});
