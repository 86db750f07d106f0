/**
 * `npm run bench:hub [-- --others N --import N --shared N --keep --seed-cache DIR --full-seed --parallel N --pg-stats]`:
 * the hub end to end on this machine, and the quality of the overlaps it
 * creates (per band; notified = strong + probable) against the generator's
 * truth. A prints-figures script, never a timed test.
 *
 * 1. Starts the built hub (embedded PostgreSQL, `--demo`) on a temporary
 *    data folder; the coordinator starts the group's key epoch through the
 *    real client code.
 * 2. Seeds 100,000 cases of two other organisations (60,000 + 40,000; 5,000
 *    persons held by both) from the synthetic generator. Their fingerprints
 *    are the real ones — HMAC under the real K_group of the OPRF under the
 *    hub's real key — but computed directly with the hub's key (the bench
 *    gave the hub its master key) on worker threads, and written with
 *    set-based INSERTs: registering 100,000 cases through the API would
 *    only measure the seeding. A sample is checked against fingerprints
 *    made through the hub. The seed has no audit entries and no overlaps
 *    among the seeded organisations.
 * 3. Timed: `parallax fingerprint` (the real CLI, a child process) imports
 *    10,000 persons for a third organisation — 2,000 of them persons the
 *    others hold, spelled independently — until the matching queue is
 *    empty (every overlap is created).
 * 4. Single-case latency: one case registered through the client library
 *    (as the browser does), polled through `overlaps` until it shows.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { oprfReady, type FtmPerson } from '@parallax/fingerprint';
import { auditVerify } from './hub/audit-verify.js';
import { importThroughCli } from './hub/cli-import.js';
import { demoOrganisations } from './hub/demo-orgs.js';
import { BenchHub } from './hub/hub-process.js';
import { importFigures } from './hub/import-figures.js';
import { importQuality } from './hub/import-quality.js';
import { singleCaseLatencies } from './hub/latency.js';
import { say, sinceStart } from './hub/log.js';
import {
  BOTH_OTHERS,
  DJA_COUNT,
  DRW_COUNT,
  FULL_SEED,
  IMPORT,
  KEEP,
  LATENCY_RUNS,
  NOTIFIED,
  OTHERS,
  PARALLEL,
  PG_STATS,
  POPULATION_SIZES,
  SEED_CACHE,
  SHARED,
} from './hub/options.js';
import { enablePgStats } from './hub/pg-stats.js';
import { benchPopulation } from './hub/population.js';
import { hubReport } from './hub/report.js';
import { reuseSeed, seedHub, type SeedPerson } from './hub/seed.js';
import { restoreSeed, seedSignature } from './hub/seed-cache.js';
import { devicePins } from './hub/sign-in.js';

const { seedDja, seedDrw, sharedIds, importIdentity, importPersons } =
  benchPopulation(POPULATION_SIZES);
// The latency check enters again persons of the second seeded organisation who have a passport number.
const hasPassport = (p: FtmPerson): boolean => p.properties['passportNumber'] !== undefined;

const dataDir = await mkdtemp(join(tmpdir(), 'parallax-bench-hub-'));
// a cheap seed's real fingerprints depend on the import, a full seed's do not
const signature = SEED_CACHE
  ? seedSignature(
      FULL_SEED ? `others=${OTHERS} full` : `others=${OTHERS} import=${IMPORT} shared=${SHARED}`,
      [...seedDja, ...seedDrw],
    )
  : '';
const cached = SEED_CACHE ? await restoreSeed(SEED_CACHE, signature, dataDir) : null;
const masterKey = cached ? Buffer.from(cached.masterKey, 'base64') : randomBytes(32);
const hub = new BenchHub(dataDir, masterKey);
try {
  // 1. the hub
  say(
    cached
      ? `data folder ${dataDir}: the seeded hub copied from ${SEED_CACHE ?? ''} in ${sinceStart().toFixed(0)} s; starting it…`
      : `data folder ${dataDir}; starting the hub (embedded PostgreSQL, --demo)…`,
  );
  await hub.start();
  if (PG_STATS) await enablePgStats(hub);
  const pins = devicePins();
  const { dja, drw, ddc } = await demoOrganisations(await hub.connect());
  const seedPersons: SeedPerson[] = [
    ...seedDja.map((person) => ({ person, org: dja })),
    ...seedDrw.map((person) => ({ person, org: drw })),
  ];

  // 2. the seed
  const { wg, epoch, seeded, seedStats } = cached
    ? await reuseSeed(hub, cached, seedPersons)
    : await seedHub(hub, pins, seedPersons, {
        others: OTHERS,
        // keys of the import, of the persons the latency check enters again, of the sample checked
        comparable: FULL_SEED
          ? 'all'
          : [
              ...importPersons,
              ...seedDrw.filter(hasPassport).slice(0, LATENCY_RUNS),
              ...seedPersons.slice(0, 25).map(({ person }) => person),
            ],
        cache: SEED_CACHE ? { dir: SEED_CACHE, signature } : null,
      });
  await oprfReady();

  // 3. the timed import through the CLI, and what it created
  const run = await importThroughCli(hub, wg, importPersons, {
    count: IMPORT,
    parallel: PARALLEL,
    pgStats: PG_STATS,
  });
  const figures = await importFigures(hub.db, run.cliOut, run.dbStart, ddc.id);
  const quality = await importQuality(hub.db, {
    receipt: run.receipt,
    seeded,
    importPersons,
    importIdentity,
    sharedIds,
    orgId: ddc.id,
    notified: NOTIFIED,
  });

  // 4. single-case latency, as the browser registers one case
  const latencies = await singleCaseLatencies(
    hub.running,
    dataDir,
    pins,
    wg,
    epoch,
    seeded.slice(DJA_COUNT).filter((c) => hasPassport(c.person)),
    LATENCY_RUNS,
  );
  await hub.disconnect();

  // The matching service appends audit entries in bulk: the chain must still verify.
  const verify = await auditVerify(hub.app?.databaseUrl() ?? '', masterKey);

  process.stdout.write(
    hubReport({
      sizes: {
        others: OTHERS,
        djaCount: DJA_COUNT,
        drwCount: DRW_COUNT,
        bothOthers: BOTH_OTHERS,
        importCount: IMPORT,
        shared: SHARED,
      },
      seedStats,
      cached: cached !== null,
      run,
      figures,
      quality: { expected: quality.expected, truePositives: quality.all.tp, lines: quality.lines },
      latencies,
      verify,
    }),
  );
} catch (error) {
  process.stderr.write(
    `bench:hub failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  // fetch's own message says only "fetch failed"; the cause says what (refused, reset, timed out)
  if (error instanceof Error && error.cause !== undefined)
    process.stderr.write(`caused by: ${String(error.cause)}\n`);
  if (hub.app)
    process.stderr.write(`hub output (last 3000 characters):\n${hub.app.output().slice(-3000)}\n`);
  process.exitCode = 1;
} finally {
  await hub.stop();
  if (KEEP) process.stderr.write(`data folder kept: ${dataDir}\n`);
  else await rm(dataDir, { recursive: true, force: true });
}
