import { DataSource } from 'typeorm';
import { beforeAll } from 'vitest';
import { coordinatorsSuite } from './arrangements/coordinators.suite.js';
import { deadlinesSuite } from './arrangements/deadlines.suite.js';
import { negotiationSuite } from './arrangements/negotiation.suite.js';
import { racesSuite } from './arrangements/races.suite.js';
import { refusalsSuite } from './arrangements/refusals.suite.js';
import { useTestApp } from './support/test-app.js';
import { buildWorld, type World } from './support/world.js';

/**
 * Who leads a cluster (issue 11), through the API: one app and one world for
 * every arrangement suite (each works on clusters it makes itself). The
 * deadline sweep runs last: it moves the hub's clock and escalates whatever
 * is due by then.
 */
const t = useTestApp();
let w: World;
let db: DataSource;
beforeAll(async () => {
  w = await buildWorld(t, { withCases: false });
  db = t.app.get(DataSource);
}, 180_000);
const ctx = () => ({ t, w, db });

negotiationSuite(ctx);
coordinatorsSuite(ctx);
refusalsSuite(ctx);
racesSuite(ctx);
deadlinesSuite(ctx);
