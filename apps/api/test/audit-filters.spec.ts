import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditInput } from '../src/modules/audit/audit.service.js';
import { AuditService } from '../src/modules/audit/audit.service.js';
import { seedOrganisation, seedUser, seedWorkingGroup } from './support/identity-fixtures.js';
import { sessionHeaders } from './support/sessions.js';
import { useTestApp } from './support/test-app.js';

/**
 * The audit page of issue 10: filters by action and time with exact
 * totals, a refused backwards range that records nothing, the actions list
 * for the filter, the export recorded in the log — and never another
 * organisation's entries.
 */
const t = useTestApp();
let db: DataSource;
let orgA: string;
let orgB: string;
let adminA: string;
let asA: Record<string, string>;
let asB: Record<string, string>;
/** Between the two batches of A's entries. */
let middle: Date;

const LOG = `query($o: ID, $actions: [String!], $since: DateTime, $until: DateTime, $before: String, $limit: Int!, $export: Boolean!) {
  auditLog(organisationId: $o, actions: $actions, since: $since, until: $until, beforeSeq: $before, limit: $limit, export: $export) {
    totalCount hasMore entries { seq action organisationId subjectType change occurredAt }
  }
}`;

interface LogPage {
  totalCount: number;
  hasMore: boolean;
  entries: Array<{
    seq: string;
    action: string;
    organisationId: string | null;
    change: Record<string, unknown> | null;
    occurredAt: string;
  }>;
}

async function log(headers: Record<string, string>, vars: Record<string, unknown>) {
  return (
    await t.graphql<{ auditLog: LogPage }>(LOG, { limit: 200, export: false, ...vars }, headers)
  ).body;
}
async function read(
  headers: Record<string, string>,
  vars: Record<string, unknown>,
): Promise<LogPage> {
  const body = await log(headers, vars);
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data.auditLog;
}
const rows = async (): Promise<number> =>
  Number((await db.query<Array<{ n: string }>>('SELECT count(*) AS n FROM audit_log'))[0]?.n);

async function record(entries: AuditInput[]): Promise<void> {
  const audit = t.app.get(AuditService);
  await db.transaction((m) => audit.recordMany(m, entries));
}

const entry = (organisationId: string, action: string, subjectType = 'case'): AuditInput => ({
  actorUserId: null,
  organisationId,
  action,
  subjectType,
  subjectId: organisationId,
  change: { count: 1 },
});

beforeAll(async () => {
  db = t.app.get(DataSource);
  [orgA, orgB] = [await seedOrganisation(db), await seedOrganisation(db)];
  await seedWorkingGroup(db);
  adminA = await seedUser(db, { organisationId: orgA, role: 'org_admin' });
  asA = await sessionHeaders(t, adminA);
  asB = await sessionHeaders(t, await seedUser(db, { organisationId: orgB, role: 'org_admin' }));
  await record([
    ...Array.from({ length: 3 }, () => entry(orgA, 'case.register')),
    entry(orgA, 'case.update'),
    entry(orgB, 'overlap.verdict', 'overlap'),
    entry(orgB, 'case.register'),
  ]);
  await sleep(30);
  middle = new Date();
  await sleep(30);
  await record([
    ...Array.from({ length: 2 }, () => entry(orgA, 'case.register')),
    entry(orgA, 'case.withdraw'),
    entry(orgB, 'case.withdraw'),
  ]);
});

describe('audit log filters', () => {
  it('narrows to some actions, with the exact total and pages that add up', async () => {
    const all = await read(asA, { o: orgA, actions: ['case.register', 'case.withdraw'] });
    expect(all.totalCount).toBe(6);
    expect(all.entries.map((e) => e.action).sort()).toEqual([
      ...Array(5).fill('case.register'),
      'case.withdraw',
    ]);
    const first = await read(asA, { o: orgA, actions: ['case.register'], limit: 3 });
    expect(first).toMatchObject({ totalCount: 5, hasMore: true });
    const rest = await read(asA, {
      o: orgA,
      actions: ['case.register'],
      limit: 3,
      before: first.entries.at(-1)?.seq,
    });
    expect(rest).toMatchObject({ totalCount: 5, hasMore: false });
    expect(first.entries.length + rest.entries.length).toBe(5);
  });

  it('narrows to a time range: since inclusive, until exclusive', async () => {
    const actions = ['case.register', 'case.update', 'case.withdraw'];
    const before = await read(asA, { o: orgA, actions, until: middle.toISOString() });
    expect(before.entries.map((e) => e.action).sort()).toEqual([
      'case.register',
      'case.register',
      'case.register',
      'case.update',
    ]);
    const after = await read(asA, { o: orgA, actions, since: middle.toISOString() });
    expect(after.totalCount).toBe(3);
    expect(after.entries.every((e) => new Date(e.occurredAt) >= middle)).toBe(true);
    const both = await read(asA, {
      o: orgA,
      actions,
      since: middle.toISOString(),
      until: new Date(Date.now() + 60_000).toISOString(),
    });
    expect(both.totalCount).toBe(3);
  });

  it('refuses a range that ends before it starts with INVALID_DATE_RANGE, and records nothing', async () => {
    const count = await rows();
    const body = await log(asA, {
      o: orgA,
      since: new Date().toISOString(),
      until: middle.toISOString(),
    });
    expect(body.errors?.[0]?.extensions?.code).toBe('INVALID_DATE_RANGE');
    expect(await rows()).toBe(count);
  });

  it('refuses malformed actions with BAD_USER_INPUT', async () => {
    for (const actions of [['DROP TABLE'], Array(101).fill('case.register')]) {
      const body = await log(asA, { actions });
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('lists the actions the caller may see, for the filter', async () => {
    const r = await t.graphql<{ auditActions: string[] }>(
      'query($o: ID) { auditActions(organisationId: $o) }',
      { o: orgA },
      asA,
    );
    expect(r.body.data?.auditActions).toEqual(
      expect.arrayContaining(['case.register', 'case.update', 'case.withdraw']),
    );
    expect(r.body.data?.auditActions).not.toContain('overlap.verdict');
  });

  it("never shows or counts another organisation's entries (cross-tenant)", async () => {
    const aimed = await read(asA, {
      o: orgB,
      actions: ['overlap.verdict', 'case.register', 'case.withdraw'],
    });
    expect(aimed).toMatchObject({ totalCount: 0, entries: [] });
    const own = await read(asA, { actions: ['overlap.verdict'] });
    expect(own.totalCount).toBe(0);
    const r = await t.graphql<{ auditActions: string[] }>(
      'query($o: ID) { auditActions(organisationId: $o) }',
      { o: orgB },
      asA,
    );
    expect(r.body.data?.auditActions ?? []).not.toContain('overlap.verdict');
    const b = await read(asB, { o: orgB, actions: ['overlap.verdict'] });
    expect(b.totalCount).toBe(1);
  });

  it('records each export with its filters and row count, never the rows', async () => {
    const from = middle.toISOString();
    for (let i = 0; i < 2; i++)
      await read(asA, { o: orgA, actions: ['case.register'], since: from, export: true });
    // Later pages of an export are ordinary reads.
    await read(asA, { o: orgA, actions: ['case.register'], since: from, export: true, before: '999999' });
    const exports = await db.query<
      Array<{
        organisation_id: string;
        subject_type: string;
        subject_id: string;
        change: Record<string, unknown>;
      }>
    >(
      `SELECT organisation_id, subject_type, subject_id, change FROM audit_log WHERE action = 'audit.export' AND actor_user_id = $1`,
      [adminA],
    );
    expect(exports).toHaveLength(2);
    expect(exports[0]).toEqual({
      organisation_id: orgA,
      subject_type: 'organisation',
      subject_id: orgA,
      change: { actions: ['case_register'], from, to: null, rows: 2, capped: false },
    });
  });
});
