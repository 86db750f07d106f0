import type { Actor } from '@parallax/authz';
import { DataSource } from 'typeorm';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAsTenant } from '../src/common/tenant/tenant-transaction.js';
import { ActorService } from '../src/modules/auth/actor.service.js';
import { useTestApp } from './support/test-app.js';
import { buildWorld, type World } from './support/world.js';

const t = useTestApp();
let w: World;
let db: DataSource;
let investigatorA: Actor;
beforeAll(async () => {
  w = await buildWorld(t);
  db = t.app.get(DataSource);
  const actor = await t.app.get(ActorService).load(w.investigatorA.id);
  if (!actor) throw new Error('no actor');
  investigatorA = actor;
}, 180_000);

/**
 * Defence in depth: even a query with no WHERE clause, run in a tenant
 * transaction, sees only the actor's rows. These tests would pass without
 * RLS only if the data were absent, so each first checks the owner sees more.
 */
describe('row-level security', () => {
  it('hides other organisations’ invitations from an unfiltered query', async () => {
    const all = await db.query('SELECT organisation_id FROM invitation');
    expect(all.map((r: { organisation_id: string }) => r.organisation_id)).toContain(w.orgB);
    const seen = await runAsTenant(db, investigatorA, (m) => m.query('SELECT organisation_id FROM invitation'));
    expect(seen.map((r: { organisation_id: string }) => r.organisation_id)).not.toContain(w.orgB);
  });

  it('hides other users’ sessions', async () => {
    const all = Number((await db.query('SELECT count(*) AS n FROM user_session'))[0].n);
    expect(all).toBeGreaterThan(1);
    const seen = await runAsTenant(db, investigatorA, (m) => m.query('SELECT user_id FROM user_session'));
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((r: { user_id: string }) => r.user_id === w.investigatorA.id)).toBe(true);
  });

  it('hides audit entries the actor may not read, yet lets them append to the chain', async () => {
    const all = Number((await db.query('SELECT count(*) AS n FROM audit_log'))[0].n);
    const seen = await runAsTenant(db, investigatorA, (m) => m.query('SELECT actor_user_id FROM audit_log'));
    expect(seen.length).toBeLessThan(all);
    expect(seen.every((r: { actor_user_id: string }) => r.actor_user_id === w.investigatorA.id)).toBe(true);
    await expect(runAsTenant(db, investigatorA, (m) => m.query(`UPDATE audit_log SET action = 'x.y'`))).rejects.toThrow(/permission denied|append-only/);
  });
});
