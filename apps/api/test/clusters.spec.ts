import { DataSource } from 'typeorm';
import { beforeAll } from 'vitest';
import { lifecycleSuite } from './clusters/lifecycle.suite.js';
import { overlapLinkSuite } from './clusters/overlap-link.suite.js';
import { readingSuite } from './clusters/reading.suite.js';
import { useTestApp } from './support/test-app.js';
import { buildWorld, type World } from './support/world.js';

/**
 * Clusters: reading them, their lifecycle through the real mutations, and
 * the overlap card's link to one. One app and one world; the reading suite
 * runs first (it counts every cluster of org A), the others form clusters of
 * their own cases and organisations.
 */
const t = useTestApp();
let w: World;
let db: DataSource;
beforeAll(async () => {
  w = await buildWorld(t, { withCases: false });
  db = t.app.get(DataSource);
}, 180_000);
const ctx = () => ({ t, w, db });

readingSuite(ctx);
lifecycleSuite(ctx);
overlapLinkSuite(ctx);
