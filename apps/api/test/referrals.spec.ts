import { DataSource } from 'typeorm';
import { beforeAll } from 'vitest';
import { followUpSuite } from './referrals/follow-up.suite.js';
import { recordingSuite } from './referrals/recording.suite.js';
import { remindersSuite } from './referrals/reminders.suite.js';
import { useTestApp } from './support/test-app.js';
import { buildWorld, type World } from './support/world.js';

/**
 * Referrals of a cluster to an authority (issue 11): one app and one world
 * for recording, following up and the reminders (each suite on clusters of
 * its own). The reminder interval is pinned at 60 days (the default), which
 * the reminders suite counts on; it runs last, moving the hub's clock.
 */
const t = useTestApp({ REFERRAL_REMINDER_DAYS: '60' });
let w: World;
let db: DataSource;
beforeAll(async () => {
  w = await buildWorld(t, { withCases: false });
  db = t.app.get(DataSource);
}, 180_000);
const ctx = () => ({ t, w, db });

recordingSuite(ctx);
followUpSuite(ctx);
remindersSuite(ctx);
