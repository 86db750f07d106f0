import { DataSource } from 'typeorm';
import { beforeAll } from 'vitest';
import { setClock, type MetricsContext } from './metrics/metrics-helpers.js';
import { NOW, seedTruthMonth, type MetricsSeed } from './metrics/metrics-seed.js';
import { measurementSuite } from './metrics/measurement.suite.js';
import { readingSuite } from './metrics/reading.suite.js';
import { releasesSuite } from './metrics/releases.suite.js';
import { sweepSuite } from './metrics/sweep.suite.js';
import { useTestApp } from './support/test-app.js';
import { buildWorld, type World } from './support/world.js';

/**
 * Donor metrics (issue 12): one app and one world for measuring a month,
 * computing, publishing and reading releases, the yearly cap and the
 * monthly sweep. The hub's clock reads 15 December 2026 (the sweep suite
 * moves it to August and back); the cap is ε 4 a year so that a few
 * releases reach it. Group 1's October 2026 is a handcrafted dataset.
 */
const t = useTestApp({ METRICS_EPSILON: '1', METRICS_EPSILON_CAP_PER_YEAR: '4' });
let w: World;
let db: DataSource;
let seed: MetricsSeed;
beforeAll(async () => {
  w = await buildWorld(t, { withCases: false });
  // Before anything is backdated: the minute's sweep must not see October as its last month.
  setClock(t, NOW);
  db = t.app.get(DataSource);
  seed = await seedTruthMonth(db, w);
}, 180_000);
const ctx = (): MetricsContext => ({ t, w, db, seed });

measurementSuite(ctx);
releasesSuite(ctx);
readingSuite(ctx);
sweepSuite(ctx);
