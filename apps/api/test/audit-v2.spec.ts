import { checkAuditCheckpoint, type HubCheckpointAnswer, type KeptCheckpoint } from '@parallax/hub-client';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { hashLink } from '../src/modules/audit/audit-hash.js';
import { AuditCheckpointService } from '../src/modules/audit/audit-checkpoint.service.js';
import { AuditLogService } from '../src/modules/audit/audit-log.service.js';
import { AuditService } from '../src/modules/audit/audit.service.js';
import { useTestApp } from './support/test-app.js';
import { buildWorld, type Person, type World } from './support/world.js';

/**
 * Issue 9, item 12: the audit log records what changed (without
 * identifiers), sensitive reads and failed step-ups; verifies the chain once
 * at a time; and signs checkpoints that members' clients keep, so a hub that
 * rewrites its history is caught.
 */
const t = useTestApp();
let w: World;
let db: DataSource;
beforeAll(async () => {
  w = await buildWorld(t);
  db = t.app.get(DataSource);
}, 180_000);

/** As the database's owner would (superuser, triggers off): what a hub operator can do. */
async function asOperator<T>(work: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: t.db.url });
  await c.connect();
  try {
    await c.query('BEGIN');
    await c.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
    const r = await work(c);
    await c.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
    await c.query('COMMIT');
    return r;
  } finally {
    await c.end();
  }
}

interface Entry {
  seq: string;
  action: string;
  actorUserId: string | null;
  subjectType: string | null;
  subjectId: string | null;
  change: Record<string, unknown> | null;
}
const ENTRIES = `query($o: ID, $w: ID) { auditLog(organisationId: $o, workingGroupId: $w, limit: 200) {
  entries { seq action actorUserId subjectType subjectId change } verification { ok entries } } }`;
async function entriesSeenBy(p: Person, vars: { o?: string; w?: string } = {}): Promise<Entry[]> {
  return (await p.client.ok<{ auditLog: { entries: Entry[] } }>(ENTRIES, vars)).auditLog.entries;
}
async function countOf(action: string, actor: string): Promise<number> {
  const [row] = await asOperator((c) =>
    c.query<{ n: string }>('SELECT count(*) AS n FROM audit_log WHERE action = $1 AND actor_user_id = $2', [action, actor]),
  ).then((r) => r.rows);
  return Number(row?.n);
}

describe('what changed, without identifiers', () => {
  it('keeps field names, ids, roles and flags in clear and redacts e-mails and names', async () => {
    const { createInvitation } = await w.adminA.client.ok<{ createInvitation: { invitation: { id: string } } }>(
      'mutation($o: ID!) { createInvitation(input: { organisationId: $o, role: investigator, email: "secret.person@t.test" }) { invitation { id } } }',
      { o: w.orgA },
    );
    const entries = await entriesSeenBy(w.adminA, { o: w.orgA });
    // User creation (from the world's set-up) names the account's e-mail and name: only the field names remain.
    const created = entries.find((e) => e.action === 'user.create' && e.subjectId === w.viewerA.id);
    expect(created?.change).toEqual({
      email: '[redacted]',
      displayName: '[redacted]',
      isPlatformAdmin: false,
      role: 'viewer',
    });
    const invited = entries.find((e) => e.action === 'invitation.create' && e.subjectId === createInvitation.invitation.id);
    expect(invited?.change).toEqual({
      invitationId: createInvitation.invitation.id,
      role: 'investigator',
      email: '[redacted]',
      coordinatorOf: null,
    });
    const [leaks] = await asOperator((c) =>
      c.query<{ n: string }>(`SELECT count(*) AS n FROM audit_log WHERE change::text ILIKE '%@t.test%' OR change::text ILIKE '%Org A%'`),
    ).then((r) => r.rows);
    expect(Number(leaks?.n)).toBe(0);
  });

  it('chains the recorded change: editing it in the database is caught at that entry', async () => {
    const audit = t.app.get(AuditService);
    expect(await audit.verify(db)).toMatchObject({ ok: true });
    const [target] = await asOperator((c) =>
      c.query<{ seq: string; change: string }>(
        `SELECT seq::text AS seq, change::text AS change FROM audit_log WHERE action = 'user.create' ORDER BY seq LIMIT 1`,
      ),
    ).then((r) => r.rows);
    await asOperator((c) => c.query(`UPDATE audit_log SET change = jsonb_set(change, '{role}', '"org_admin"') WHERE seq = $1`, [target?.seq]));
    expect(await audit.verify(db)).toMatchObject({ ok: false, firstBadSeq: target?.seq, reason: 'its recorded change does not match its hash' });
    await asOperator((c) => c.query('UPDATE audit_log SET change = $2::jsonb WHERE seq = $1', [target?.seq, target?.change]));
    expect(await audit.verify(db)).toMatchObject({ ok: true });
  });
});

describe('sensitive reads', () => {
  it('records an overlap listing once per reader, subject and hour', async () => {
    const before = await countOf('overlap.read', w.investigatorB.id);
    for (let i = 0; i < 3; i++) await w.investigatorB.client.ok('{ overlaps { nodes { id } } }');
    await Promise.all([w.investigatorB.client.ok('{ overlaps { nodes { id } } }'), w.investigatorB.client.ok('{ overlaps { nodes { id } } }')]);
    expect(await countOf('overlap.read', w.investigatorB.id)).toBe(before + 1);
    // Another subject (one case) is another entry.
    await w.investigatorB.client.ok('query($c: ID) { overlaps(caseId: $c) { nodes { id } } }', { c: w.caseB });
    expect(await countOf('overlap.read', w.investigatorB.id)).toBe(before + 2);
    const mine = await entriesSeenBy(w.investigatorB);
    expect(mine.find((e) => e.action === 'overlap.read' && e.subjectId === w.caseB)?.change).toEqual({
      overlaps: 1,
      includeRetracted: false,
    });
  });

  it("records a coordinator's look at the picture of a group", async () => {
    const before = await countOf('coordination.picture_read', w.coordinator2.id);
    const picture = '{ coordinatorPicture(workingGroupId: "' + w.wg2 + '") { clusters { index } } }';
    await w.coordinator2.client.ok(picture);
    await w.coordinator2.client.ok(picture);
    expect(await countOf('coordination.picture_read', w.coordinator2.id)).toBe(before + 1);
  });

  it('records reading the audit log itself', async () => {
    await entriesSeenBy(w.adminB, { o: w.orgB });
    await entriesSeenBy(w.adminB, { o: w.orgB });
    expect(await countOf('audit.read', w.adminB.id)).toBe(1);
  });
});

describe('failed step-up', () => {
  it('is on record with the session it was tried on', async () => {
    const before = await countOf('auth.step_up_failed', w.viewerA.id);
    const r = await w.viewerA.client.request('mutation { stepUp(code: "000000") }');
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await countOf('auth.step_up_failed', w.viewerA.id)).toBe(before + 1);
    const entry = (await entriesSeenBy(w.viewerA)).find((e) => e.action === 'auth.step_up_failed');
    expect(entry).toMatchObject({ actorUserId: w.viewerA.id, subjectType: 'session' });
  });
});

describe('chain verification', () => {
  it('runs once for any number of concurrent callers (the 200-alias attack)', async () => {
    const log = t.app.get(AuditLogService) as unknown as { cached: unknown };
    log.cached = null;
    const verify = vi.spyOn(t.app.get(AuditService), 'verify');
    try {
      const aliases = Array.from({ length: 5 }, (_, i) => `a${i}: auditLog(limit: 1) { verification { ok entries } }`).join(' ');
      const answers = await Promise.all(
        Array.from({ length: 8 }, () => w.adminA.client.ok<Record<string, { verification: { ok: boolean } }>>(`{ ${aliases} }`)),
      );
      expect(answers.flatMap((a) => Object.values(a).map((v) => v.verification.ok))).toEqual(Array(40).fill(true));
      expect(verify).toHaveBeenCalledTimes(1);
    } finally {
      verify.mockRestore();
    }
  });
});

const CHECKPOINT = `query($k: String) { auditCheckpoint(knownSeq: $k) {
  hubPublicKey latest { seq headHash createdAt signature } entryHashAtKnownSeq } }`;
async function askHub(p: Person, kept: KeptCheckpoint | null): Promise<HubCheckpointAnswer> {
  return (await p.client.ok<{ auditCheckpoint: HubCheckpointAnswer }>(CHECKPOINT, { k: kept?.checkpoint.seq ?? null }))
    .auditCheckpoint;
}
/** A new checkpoint now, as the next period would bring. */
const nextPeriod = () => db.transaction((m) => t.app.get(AuditCheckpointService).ensure(m, 0));

describe('signed checkpoints kept by members', () => {
  let kept: KeptCheckpoint | null = null;

  it('gives every member a checkpoint signed by the hub, which the client pins and keeps', async () => {
    const first = checkAuditCheckpoint(null, await askHub(w.investigatorA, null));
    expect(first.ok).toBe(true);
    kept = first.keep;
    expect(kept?.checkpoint.seq).toMatch(/^\d+$/);
    // Members of another tenant see the same checkpoint (it holds no tenant's data).
    const other = await askHub(w.investigatorB, null);
    expect(other.hubPublicKey).toBe(kept?.hubPublicKey);
    // The key is derived from the master key, never stored: no column holds it.
    const [stored] = await asOperator((c) =>
      c.query<{ n: string }>(
        `SELECT count(*) AS n FROM information_schema.columns WHERE table_name = 'audit_checkpoint' AND column_name NOT IN ('seq', 'head_hash', 'created_at', 'signature')`,
      ),
    ).then((r) => r.rows);
    expect(Number(stored?.n)).toBe(0);
  });

  it('moves forward while the chain still contains the kept checkpoint', async () => {
    await w.adminA.client.ok('{ overlaps { nodes { id } } }');
    await w.investigatorA.client.request('mutation { stepUp(code: "000000") }');
    await nextPeriod();
    const check = checkAuditCheckpoint(kept, await askHub(w.investigatorA, kept));
    expect(check).toMatchObject({ ok: true });
    expect(BigInt(check.keep?.checkpoint.seq ?? 0)).toBeGreaterThan(BigInt(kept?.checkpoint.seq ?? 0));
    kept = check.keep;
  });

  it('catches a hub that rewrote an old entry and recomputed the whole chain after it', async () => {
    const keptSeq = kept?.checkpoint.seq ?? '0';
    // The operator rewrites an entry before the member's checkpoint (who did
    // what) and re-links every later entry, so the hub's own verification passes.
    await asOperator(async (c) => {
      const { rows } = await c.query<{
        seq: string;
        occurred_at: Date;
        actor_user_id: string | null;
        organisation_id: string | null;
        working_group_id: string | null;
        action: string;
        subject_type: string | null;
        subject_id: string | null;
        change_hash: Buffer;
        prev_hash: Buffer;
      }>('SELECT * FROM audit_log WHERE seq >= 3 ORDER BY seq');
      let prev = rows[0]?.prev_hash ?? Buffer.alloc(32);
      for (const r of rows) {
        const actor = r.seq === '3' ? w.platformAdmin.id : r.actor_user_id;
        const hash = hashLink(prev, {
          seq: BigInt(r.seq),
          occurredAt: r.occurred_at,
          actorUserId: actor,
          organisationId: r.organisation_id,
          workingGroupId: r.working_group_id,
          action: r.action,
          subjectType: r.subject_type,
          subjectId: r.subject_id,
          changeHash: r.change_hash,
        });
        await c.query('UPDATE audit_log SET actor_user_id = $2, prev_hash = $3, hash = $4 WHERE seq = $1', [r.seq, actor, prev, hash]);
        prev = hash;
      }
    });
    (t.app.get(AuditLogService) as unknown as { cached: unknown }).cached = null;
    const hubSays = await w.adminA.client.ok<{ auditLog: { verification: { ok: boolean } } }>(
      '{ auditLog(limit: 1) { verification { ok } } }',
    );
    expect(hubSays.auditLog.verification.ok).toBe(true);
    // A fresh checkpoint over the rewritten chain is signed by the real hub key…
    await nextPeriod();
    const answer = await askHub(w.investigatorA, kept);
    // …but the member's kept checkpoint no longer fits.
    const check = checkAuditCheckpoint(kept, answer);
    expect(check).toEqual({ ok: false, problem: 'history_rewritten', keep: kept });
    expect(answer.entryHashAtKnownSeq).not.toBe(kept?.checkpoint.headHash);
    expect(keptSeq).not.toBe('0');
  });

  it('refuses a malformed sequence with a clear error', async () => {
    const r = await w.investigatorA.client.request(CHECKPOINT, { k: '1; DROP' });
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('markNotificationsRead', () => {
  it('returns how many notifications it actually marked read', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const mark = (ids: string[]) =>
      w.investigatorB.client.ok<{ markNotificationsRead: number }>('mutation($ids: [String!]!) { markNotificationsRead(ids: $ids) }', { ids });
    const [row] = await asOperator((c) =>
      c.query<{ id: string }>(`SELECT id FROM notification WHERE recipient_organisation_id = $1 AND read_at IS NULL LIMIT 1`, [w.orgB2]),
    ).then((r) => r.rows);
    // Its own unread one (named twice), one of another tenant, one that does not exist: one changed.
    expect((await mark([w.notificationB, w.notificationB, row?.id ?? unknown, unknown])).markNotificationsRead).toBe(1);
    expect((await mark([w.notificationB])).markNotificationsRead).toBe(0);
    expect((await mark([])).markNotificationsRead).toBe(0);
  });
});
