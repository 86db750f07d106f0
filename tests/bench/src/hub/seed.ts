/**
 * The hub seeded with the two other organisations' cases: the group's key
 * epoch started by the coordinator through the real client code, the
 * seed's real fingerprints computed directly with the hub's key, written
 * with set-based INSERTs, and a sample checked against fingerprints made
 * through the hub — or all of it reused from the seed cache.
 */
import { randomUUID } from 'node:crypto';
import { fingerprintPersons, oprfReady, type FtmPerson } from '@parallax/fingerprint';
import { hubEvaluator, startKeyEpoch, unlockGroupKey } from '@parallax/hub-client';
import type { DemoOrg } from './demo-orgs.js';
import type { BenchHub } from './hub-process.js';
import { fmt, say, seconds } from './log.js';
import { saveSeed, type SeedCacheMeta } from './seed-cache.js';
import { fingerprintSeed, type CaseFingerprints } from './seed-keys.js';
import { openSealed } from './seed-threads.js';
import { writeSeed } from './seed-write.js';
import { signIn, type Pins } from './sign-in.js';

export interface SeededCase {
  id: string;
  person: FtmPerson;
  /** empty when reused from the seed cache */
  fps: CaseFingerprints;
  org: string;
  user: string;
  ref: string;
}

export type SeedStats = Omit<SeedCacheMeta, 'signature' | 'masterKey' | 'wg' | 'epoch'>;

export interface Seed {
  wg: string;
  epoch: number;
  seeded: SeededCase[];
  seedStats: SeedStats;
}

export type SeedPerson = { person: FtmPerson; org: DemoOrg };

/** The seeded cases of a hub restored from the seed cache (`SEED-<n>` is the n-th seeded person). */
export async function reuseSeed(
  hub: BenchHub,
  cached: SeedCacheMeta,
  seedPersons: readonly SeedPerson[],
): Promise<Seed> {
  const { wg, epoch } = cached;
  const rows = (
    await hub.db.query(`SELECT id, reference FROM tracking_case WHERE reference LIKE 'SEED-%'`)
  ).rows as Array<{ id: string; reference: string }>;
  const seeded = rows.map((r) => {
    const sp = seedPersons[Number(r.reference.slice(5))];
    if (!sp) throw new Error(`seed cache: unknown case ${r.reference}`);
    return {
      id: r.id,
      person: sp.person,
      fps: [],
      org: sp.org.id,
      user: sp.org.user_id,
      ref: r.reference,
    };
  });
  say(`  ${fmt(seeded.length)} seeded cases reused (${fmt(cached.seedRows)} fingerprint rows)`);
  return { wg, epoch, seeded, seedStats: cached };
}

export async function seedHub(
  hub: BenchHub,
  pins: Pins,
  seedPersons: readonly SeedPerson[],
  opts: {
    others: number;
    /** the persons whose keys need their real fingerprint; 'all' with --full-seed */
    comparable: readonly FtmPerson[] | 'all';
    /** where to keep the seeded hub for later runs, with the seed's signature */
    cache: { dir: string; signature: string } | null;
  },
): Promise<Seed> {
  const app = hub.running;
  const coordinator = await signIn(app, hub.dataDir, 'coordinator@demo.parallax.test');
  const { workingGroups } = await coordinator.session.request<{
    workingGroups: Array<{ id: string }>;
  }>('{ workingGroups { id } }');
  const wg = workingGroups[0]?.id ?? '';
  const started = await startKeyEpoch(
    coordinator.session.request,
    wg,
    coordinator.me,
    pins(coordinator.me.userId),
  );
  const epoch = started.epoch;
  const groupKey = started.groupKey;
  const [{ oprf_key: sealedOprf }] = (
    await hub.db.query(
      'SELECT oprf_key FROM working_group_epoch WHERE working_group_id = $1 AND epoch = $2',
      [wg, epoch],
    )
  ).rows as [{ oprf_key: Buffer }];
  const oprfKey = openSealed(hub.masterKey, sealedOprf, `oprf-key/${wg}/${epoch}`);

  // ---- seed
  say(`seeding ${fmt(opts.others)} cases of two other organisations: extracting keys…`);
  await oprfReady();
  let t = performance.now();
  const { fps, distinctKeys, realKeys } = await fingerprintSeed(
    seedPersons.map((sp) => sp.person),
    opts.comparable,
    oprfKey,
    groupKey,
  );
  const seeded: SeededCase[] = seedPersons.map(({ person, org }, n) => ({
    id: randomUUID(),
    person,
    fps: fps[n] ?? [],
    org: org.id,
    user: org.user_id,
    ref: `SEED-${n}`,
  }));
  const fingerprintSeconds = seconds(t);
  say(`  keys extracted and fingerprinted in ${fingerprintSeconds.toFixed(0)} s; writing rows…`);
  t = performance.now();
  const seedRows = await writeSeed(hub.db, wg, epoch, seeded);
  const seedStats: SeedStats = {
    seedRows,
    distinctKeys,
    realKeys,
    fingerprintSeconds,
    writeSeconds: seconds(t),
  };
  say(`  ${fmt(seedRows)} fingerprint rows written in ${seedStats.writeSeconds.toFixed(0)} s`);

  // Saved before the check: a 1,000,000-case seed costs half an hour, and a check
  // that fails on the hub's side must not throw it away.
  if (opts.cache) {
    const tc = performance.now();
    await hub.db.end();
    await app.stop();
    await saveSeed(opts.cache.dir, hub.dataDir, {
      ...seedStats,
      signature: opts.cache.signature,
      masterKey: hub.masterKey.toString('base64'),
      wg,
      epoch,
    });
    await hub.start();
    await hub.connect();
    say(`  seeded hub saved to ${opts.cache.dir} (${seconds(tc).toFixed(0)} s, hub restarted)`);
  }
  // The seeded fingerprints are the real ones: check a sample through the hub (restarted if saved).
  const djaUser = await signIn(hub.running, hub.dataDir, 'investigator@dja.demo.parallax.test');
  const djaKey = await unlockGroupKey(
    djaUser.session.request,
    wg,
    djaUser.me,
    pins(djaUser.me.userId),
  );
  if (!djaKey) throw new Error('no group key for the check');
  const sample = seeded.slice(0, 25);
  const viaHub = await fingerprintPersons(
    sample.map((c) => c.person),
    { groupKey: djaKey.groupKey, evaluator: hubEvaluator(djaUser.session.request, wg, epoch) },
  );
  sample.forEach((c, i) => {
    const x = c.fps.map((f) => `${f.kind} ${f.fp.toString('base64url')}`).sort();
    const y = (viaHub[i]?.fingerprints ?? []).map((f) => `${f.kind} ${f.fp}`).sort();
    if (x.join('\n') !== y.join('\n'))
      throw new Error(`seeded fingerprints differ from the hub's for ${c.person.id}`);
  });
  say('  sample of 25 seeded cases: fingerprints equal to those made through the hub');
  return { wg, epoch, seeded, seedStats };
}
