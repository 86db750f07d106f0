import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GroupPins } from '@parallax/identity';
import { withDatabase } from '@parallax/test-support';
import pg from 'pg';
import { inject } from 'vitest';
import { GqlClient } from './gql-client.js';
import { devicePins } from './hub.js';
import { restartTestApp, startTestApp, type TestApp } from './test-app.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';
import { addWorldCases, buildWorldHere } from './world-build.js';
import type { Person, World } from './world.js';

/**
 * The world (world.ts) is built once per run, by the first test file that
 * needs it, into two template databases — without and with tenant B's
 * cases — and each buildWorld() restarts its file's app over a clone of one
 * (a file copy: well under a second). What the people's browsers hold is not
 * in the database: their session cookies and coordinator pins; nor is the
 * hub's master key (it seals the TOTP and OPRF keys and derives the audit
 * signing key). They go to a file in the run's folder (global-setup.ts).
 */
const TEMPLATES = { plain: 'parallax_test_world', cases: 'parallax_test_world_cases' } as const;
type Variant = keyof typeof TEMPLATES;

type PersonKey = { [K in keyof World]: World[K] extends Person ? K : never }[keyof World];
type Ids = Omit<World, PersonKey>;

interface PersonSecrets {
  id: string;
  email: string;
  totpSecret: string;
  cookie: string;
}

interface WorldCopy {
  /** When the world was complete (ms): its sessions are moved forward by the age of the copy. */
  builtAt: number;
  ids: Ids;
  people: Record<PersonKey, PersonSecrets>;
  pins: Array<{ viewer: string; group: string; pins: GroupPins }>;
}

interface Snapshot {
  masterKey: string;
  worlds: Record<Variant, WorldCopy>;
}

/** The run's server (owner's and application's URLs) and folder, as global set-up provides them. */
interface WorldPlace {
  serverUrl: string;
  appUrl: string;
  dir: string;
}

const snapshotFile = (dir: string) => join(dir, 'world.json');

let loaded: Snapshot | undefined;

/**
 * The world for this app, from the run's template: restarts `t` over a
 * clone. Undefined when `t` cannot be restarted (not made by startTestApp or
 * useTestApp): the caller builds the world in place then.
 */
export async function worldFromTemplate(
  t: TestApp,
  withCases: boolean,
): Promise<World | undefined> {
  loaded ??= await worldSnapshot();
  const copy = loaded.worlds[withCases ? 'cases' : 'plain'];
  const db = await createTestDatabase(TEMPLATES[withCases ? 'cases' : 'plain']);
  try {
    await bringSessionsForward(db, copy.builtAt);
  } catch (e) {
    await db.drop();
    throw e;
  }
  const masterKey = Buffer.from(loaded.masterKey, 'base64');
  if (!(await restartTestApp(t, { db, masterKey }))) {
    await db.drop();
    return undefined;
  }
  return restoreWorld(copy, t.url);
}

/**
 * The run's snapshot, built by the first file that needs it while files of
 * the other worker wait. (Not in global set-up: Vite runs the app's
 * dependencies there in a second copy, and class-validator's decorators
 * then land in the wrong one.)
 */
async function worldSnapshot(): Promise<Snapshot> {
  const place = {
    serverUrl: inject('pgServerUrl'),
    appUrl: inject('pgAppUrl'),
    dir: inject('worldDir'),
  };
  const file = snapshotFile(place.dir);
  if (!existsSync(file)) {
    const lock = new pg.Client({ connectionString: withDatabase(place.serverUrl, 'postgres') });
    await lock.connect();
    try {
      await lock.query(`SELECT pg_advisory_lock(hashtext('parallax-test-world'))`);
      if (!existsSync(file)) await buildWorldTemplates(place);
    } finally {
      await lock.end();
    }
  }
  return JSON.parse(await readFile(file, 'utf8')) as Snapshot;
}

/**
 * Run once per run: builds the world as buildWorld always has (default
 * configuration, a master key of its own), stops the hub, keeps its
 * database as the plain template, then adds the cases over a copy of it for
 * the other, and writes what the browsers hold next to them.
 */
async function buildWorldTemplates(place: WorldPlace): Promise<void> {
  const urls = { server: place.serverUrl, app: place.appUrl };
  const admin = withDatabase(place.serverUrl, 'postgres');
  const masterKey = randomBytes(32);
  for (const name of Object.values(TEMPLATES))
    await asOwner(admin, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  const plainDb = kept(await createTestDatabase(undefined, TEMPLATES.plain, urls));
  const plainApp = await startTestApp({}, { db: plainDb, masterKey });
  let plainCopy: WorldCopy;
  try {
    plainCopy = await copyOf(await buildWorldHere(plainApp, { withCases: false }));
  } finally {
    await plainApp.close();
  }
  await disconnectAll(admin, TEMPLATES.plain);
  const casesDb = kept(await createTestDatabase(TEMPLATES.plain, TEMPLATES.cases, urls));
  const casesApp = await startTestApp({}, { db: casesDb, masterKey });
  let casesCopy: WorldCopy;
  try {
    const cases = await addWorldCases(casesApp, restoreWorld(plainCopy, casesApp.url));
    casesCopy = await copyOf(cases);
  } finally {
    await casesApp.close();
  }
  await keepIdempotencyKeysApart(casesDb);
  await disconnectAll(admin, TEMPLATES.cases);
  const snapshot: Snapshot = {
    masterKey: masterKey.toString('base64'),
    worlds: { plain: plainCopy, cases: casesCopy },
  };
  // Written whole, then renamed: a waiting file never reads half of it.
  const file = snapshotFile(place.dir);
  await writeFile(`${file}.partial`, JSON.stringify(snapshot));
  await rename(`${file}.partial`, file);
}

/** The world as the template has it, its people's browsers pointed at `url`. */
function restoreWorld(copy: WorldCopy, url: string): World {
  for (const { viewer, group, pins } of copy.pins) void devicePins.save(viewer, group, pins);
  const people = Object.fromEntries(
    Object.entries(copy.people).map(([key, { cookie, ...p }]) => [
      key,
      { ...p, client: signedIn(new GqlClient(url), cookie) },
    ]),
  );
  return { ...copy.ids, ...people } as World;
}

async function copyOf(w: World): Promise<WorldCopy> {
  const ids: Record<string, string> = {};
  const people: Record<string, PersonSecrets> = {};
  for (const [key, value] of Object.entries(w) as Array<[string, string | Person]>) {
    if (typeof value === 'string') ids[key] = value;
    else {
      const cookie = value.client.cookieHeader;
      if (!cookie) throw new Error(`the world's ${key} is not signed in`);
      people[key] = { id: value.id, email: value.email, totpSecret: value.totpSecret, cookie };
    }
  }
  const pins: WorldCopy['pins'] = [];
  for (const viewer of Object.values(people))
    for (const group of [w.wg1, w.wg2]) {
      const held = await devicePins.load(viewer.id, group);
      if (Object.keys(held).length > 0) pins.push({ viewer: viewer.id, group, pins: held });
    }
  return {
    builtAt: Date.now(),
    ids: ids as unknown as Ids,
    people: people as WorldCopy['people'],
    pins,
  };
}

/**
 * The cookie jar of a browser that signed in: HubSession keeps its cookie
 * private (a real client never sets one), so it is written the way a
 * sign-in's Set-Cookie would have.
 */
function signedIn(client: GqlClient, cookie: string): GqlClient {
  const jar = client as unknown as { session: { cookie: string | undefined } };
  jar.session.cookie = cookie;
  return client;
}

/**
 * Sessions as if the people had just signed in, like the freshly built world
 * they stand for: the copy may be minutes older than the step-up window
 * (STEP_UP_MINUTES) that admin actions need.
 */
async function bringSessionsForward(db: TestDatabase, builtAt: number): Promise<void> {
  await asOwner(db.url, (c) =>
    c.query(
      `UPDATE user_session SET created_at = created_at + d, last_seen_at = last_seen_at + d,
         expires_at = expires_at + d, step_up_at = step_up_at + d
       FROM (SELECT make_interval(secs => $1) AS d) AS age`,
      [Math.max(0, (Date.now() - builtAt) / 1000)],
    ),
  );
}

/**
 * The test helper registerPersons numbers its idempotency keys per process
 * from 0, so a test's first registration could replay the world's (made in
 * the building process) instead of registering a case: the world's get a
 * prefix no test makes.
 */
async function keepIdempotencyKeysApart(db: TestDatabase): Promise<void> {
  await asOwner(db.url, (c) =>
    c.query(`UPDATE tracking_case SET idempotency_key = 'world-' || idempotency_key`),
  );
}

/** A database may be copied only while nobody is connected to it (a closed pool may linger). */
async function disconnectAll(adminUrl: string, database: string): Promise<void> {
  await asOwner(adminUrl, (c) =>
    c.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [
      database,
    ]),
  );
}

async function asOwner(url: string, work: (c: pg.Client) => Promise<unknown>): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await work(c);
  } finally {
    await c.end();
  }
}

/** A template stays when the app that built it closes. */
function kept(db: TestDatabase): TestDatabase {
  return { ...db, drop: async () => undefined };
}
