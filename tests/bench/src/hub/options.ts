/** `bench:hub`'s command-line options (see hub-bench.ts) and the sizes they imply. */

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const n = Number(process.argv[i + 1]);
  if (!Number.isInteger(n) || n < 0) {
    process.stderr.write(`bench:hub: --${name} must be a whole number\n`);
    process.exit(2);
  }
  return n;
}

export const OTHERS = option('others', 100_000);
export const IMPORT = option('import', 10_000);
export const SHARED = Math.min(option('shared', 2_000), IMPORT);
export const KEEP = process.argv.includes('--keep');
/**
 * A folder keeping the seeded hub (data folder copied after seeding, master
 * key, epoch): later runs with the same --others and the same keys reuse it
 * instead of seeding again (a 1,000,000-case seed costs far more than the run).
 */
export const SEED_CACHE = ((): string | null => {
  const i = process.argv.indexOf('--seed-cache');
  return i < 0 ? null : (process.argv[i + 1] ?? null);
})();
/**
 * Fingerprint every seeded key through the OPRF. By default only the keys
 * the run can compare with (the import's keys, the latency check's persons,
 * the sample checked through the hub) get their real fingerprint; the other
 * seeded keys get a keyed hash of their input under a throw-away key —
 * distinct, equal exactly where the keys are equal, never equal to a real
 * fingerprint — so rows, holders per fingerprint and kinds per case are
 * those of a full seed, and every comparison the hub makes gives the same
 * result, at the OPRF cost of the import's keys instead of the seed's.
 */
export const FULL_SEED = process.argv.includes('--full-seed');
/** The strengths that notify at the default alert level (PROBABLE); weaker overlaps are listed, never notified. */
export const NOTIFIED = new Set(['strong', 'probable']);
/** The CLI's --parallel (registration calls in flight); 0: its default. */
export const PARALLEL = option('parallel', 0);
/** Restart the hub with pg_stat_statements and print the costliest statements of the import. */
export const PG_STATS = process.argv.includes('--pg-stats');
export const LATENCY_RUNS = 5;
const DJA_SHARE = 0.6; // of OTHERS
export const BOTH_OTHERS = Math.round(OTHERS * 0.05); // persons held by both seeded organisations
export const DJA_COUNT = Math.round(OTHERS * DJA_SHARE);
export const DRW_COUNT = OTHERS - DJA_COUNT;
/** The population's sizes, as `benchPopulation` takes them (the hub run and its in-process replica). */
export const POPULATION_SIZES = {
  djaCount: DJA_COUNT,
  drwCount: DRW_COUNT,
  bothOthers: BOTH_OTHERS,
  importCount: IMPORT,
  shared: SHARED,
  latencyRuns: LATENCY_RUNS,
} as const;
