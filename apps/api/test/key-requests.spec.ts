import { DataSource } from 'typeorm';
import { beforeAll, describe, expect, it } from 'vitest';
import { GqlClient, type GqlResult } from './support/gql-client.js';
import { certifyColleague } from './support/key-trust.js';
import { useTestApp } from './support/test-app.js';
import { buildWorld, login, person, type Person, type World } from './support/world.js';

/**
 * Issue 10.5: a user waiting for a working group's key learns who can
 * unblock them (their org admins, the coordinators, or the holders of the
 * key, never other organisations' members) and can ask them once an hour;
 * the request notifies exactly those people and is audited with them.
 */
const t = useTestApp();
let w: World;
let db: DataSource;
/** Joined org A after the key epoch: nobody vouched for them yet. */
let newcomer: Person;
let newAdmin: Person;

async function join(email: string, role: 'investigator' | 'org_admin'): Promise<Person> {
  const p = await person(t, email, { organisationId: w.orgA, role });
  return { ...p, client: await login(t, p) };
}

beforeAll(async () => {
  w = await buildWorld(t, { withCases: false });
  db = t.app.get(DataSource);
  newcomer = await join('newcomer-a@t.test', 'investigator');
  newAdmin = await join('new-admin-a@t.test', 'org_admin');
}, 180_000);

const UNBLOCKERS = `query($wg: ID!) { keyUnblockers(workingGroupId: $wg) {
  workingGroupId reason askedAt canAskAgainAt people { userId displayName organisationName role isCoordinator } } }`;
const ASK = `mutation($wg: ID!) { askForGroupKey(workingGroupId: $wg) {
  reason askedAt canAskAgainAt people { userId } } }`;

interface Answer {
  reason: string;
  askedAt: string | null;
  canAskAgainAt: string | null;
  people: Array<{ userId: string; isCoordinator?: boolean }>;
}

const code = (r: GqlResult<unknown>) => r.errors?.[0]?.extensions?.code;
const count = async (sql: string, p: unknown[] = []) => Number((await db.query(sql, p))[0].n);
const requestsTo = (userId: string) =>
  count(
    `SELECT count(*) AS n FROM notification WHERE kind = 'keys.access_requested' AND recipient_user_id = $1`,
    [userId],
  );
const allRequests = () =>
  count(`SELECT count(*) AS n FROM notification WHERE kind = 'keys.access_requested'`);
const audits = (actor: string) =>
  count(`SELECT count(*) AS n FROM audit_log WHERE action = 'keys.access_requested' AND actor_user_id = $1`, [actor]);

async function unblockers(p: Person, wg = w.wg1): Promise<Answer> {
  return (await p.client.ok<{ keyUnblockers: Answer }>(UNBLOCKERS, { wg })).keyUnblockers;
}
async function ask(p: Person, wg = w.wg1): Promise<Answer> {
  return (await p.client.ok<{ askForGroupKey: Answer }>(ASK, { wg })).askForGroupKey;
}
const ids = (a: Answer) => a.people.map((p) => p.userId).sort();

describe('who can unblock a waiting user', () => {
  it('an uncertified investigator is sent to the admins of their own organisation', async () => {
    const answer = await unblockers(newcomer);
    expect(answer.reason).toBe('uncertified');
    expect(ids(answer)).toEqual([w.adminA.id, newAdmin.id].sort());
    expect(answer.askedAt).toBeNull();
  });

  it('an uncertified org admin is sent to the coordinators', async () => {
    const answer = await unblockers(newAdmin);
    expect(answer.reason).toBe('uncertified');
    expect(ids(answer)).toEqual([w.coordinator1.id]);
  });

  it('someone who holds the key has nobody to ask', async () => {
    const answer = await unblockers(w.investigatorA);
    expect(answer).toMatchObject({ reason: 'has_key', people: [] });
  });

  it('is refused to anyone who may not hold the key, without saying more', async () => {
    for (const [p, wg] of [
      [w.investigatorB, w.wg1],
      [w.viewerA, w.wg1],
      [w.donorViewer, w.wg1],
      [newcomer, w.wg2],
    ] as const) {
      // A donor account is refused outright (deny by default), the others without saying more.
      expect(code(await p.client.request(UNBLOCKERS, { wg }))).toBe(p === w.donorViewer ? 'FORBIDDEN' : 'NOT_FOUND');
    }
    expect(code(await newcomer.client.request(UNBLOCKERS, { wg: 'not-a-uuid' }))).toBe(
      'BAD_USER_INPUT',
    );
  });
});

describe('askForGroupKey', () => {
  it('notifies exactly the people who can unblock, audited, once an hour', async () => {
    const before = await allRequests();
    const first = await ask(newcomer);
    expect(first.askedAt).not.toBeNull();
    expect(Date.parse(first.canAskAgainAt ?? '') - Date.parse(first.askedAt ?? '')).toBe(3_600_000);
    expect(await requestsTo(w.adminA.id)).toBe(1);
    expect(await requestsTo(newAdmin.id)).toBe(1);
    expect(await allRequests()).toBe(before + 2);
    expect(await audits(newcomer.id)).toBe(1);
    const [note] = await db.query(
      `SELECT working_group_id, payload FROM notification WHERE kind = 'keys.access_requested' AND recipient_user_id = $1`,
      [w.adminA.id],
    );
    expect(note.working_group_id).toBe(w.wg1);
    expect(note.payload).toMatchObject({ userId: newcomer.id, reason: 'uncertified' });

    // The recipient sees it in their own notifications.
    const seen = await w.adminA.client.ok<{ notifications: Array<{ kind: string }> }>(
      '{ notifications { kind } }',
    );
    expect(seen.notifications.map((n) => n.kind)).toContain('keys.access_requested');

    // Asking again within the hour: the same answer, nothing new.
    const again = await ask(newcomer);
    expect(again.askedAt).toBe(first.askedAt);
    expect(await allRequests()).toBe(before + 2);
    expect(await audits(newcomer.id)).toBe(1);
    expect((await unblockers(newcomer)).askedAt).toBe(first.askedAt);
  });

  it('once certified, names the key holders of the own organisation and the coordinators only', async () => {
    await certifyColleague(t, w.adminA, w.wg1, newcomer);
    const answer = await unblockers(newcomer);
    expect(answer.reason).toBe('awaiting_copy');
    // Org A2's holders (adminA2, investigatorA2) are in the group too, but are not named.
    expect(ids(answer)).toEqual([w.coordinator1.id, w.adminA.id, w.investigatorA.id].sort());
    expect(answer.people.find((p) => p.userId === w.coordinator1.id)?.isCoordinator).toBe(true);
  });

  it('an outsider cannot ask, and nothing is notified or audited', async () => {
    const before = await allRequests();
    for (const p of [w.investigatorB, w.viewerA, w.adminB]) {
      expect(code(await p.client.request(ASK, { wg: w.wg1 }))).toBe('NOT_FOUND');
      expect(await audits(p.id)).toBe(0);
    }
    expect(await allRequests()).toBe(before);
  });

  it('a holder asking changes nothing', async () => {
    const before = await allRequests();
    expect(await ask(w.investigatorA)).toMatchObject({ reason: 'has_key', askedAt: null });
    expect(await allRequests()).toBe(before);
    expect(await audits(w.investigatorA.id)).toBe(0);
  });

  it('an uncertified org admin asks the coordinators', async () => {
    await ask(newAdmin);
    expect(await requestsTo(w.coordinator1.id)).toBe(1);
    expect(await requestsTo(w.coordinator2.id)).toBe(0);
  });

  it('signed out: UNAUTHENTICATED', async () => {
    const anonymous = new GqlClient(t.url);
    expect(code(await anonymous.request(ASK, { wg: w.wg1 }))).toBe('UNAUTHENTICATED');
  });
});
