import { DataSource } from 'typeorm';
import { beforeAll } from 'vitest';
import { conversationSuite } from './conversations/conversation.suite.js';
import { membershipSuite } from './conversations/membership.suite.js';
import { useTestApp } from './support/test-app.js';
import { buildWorld, type World } from './support/world.js';

/**
 * Issue 11, the conversation of a cluster: one app and one world (with
 * tenant B's cluster) for both suites. The membership suite runs first, on a
 * cluster of its own: it reads adminB2's unread count over every cluster.
 * The canary spec stays a file of its own (the app logs at debug there).
 */
const t = useTestApp();
let w: World;
let db: DataSource;
beforeAll(async () => {
  w = await buildWorld(t);
  db = t.app.get(DataSource);
}, 240_000);
const ctx = () => ({ t, w, db });

membershipSuite(ctx);
conversationSuite(ctx);
