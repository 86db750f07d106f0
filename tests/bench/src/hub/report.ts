/** The benchmark's report (stdout): the machine, the seed, the import, quality, latency, audit. */
import { availableParallelism, cpus } from 'node:os';
import type { CliImport } from './cli-import.js';
import type { ImportFigures } from './import-figures.js';
import type { Latency } from './latency.js';
import { fmt } from './log.js';
import { pgStatsLines } from './pg-stats.js';
import type { SeedStats } from './seed.js';

export interface ReportInput {
  sizes: {
    others: number;
    djaCount: number;
    drwCount: number;
    bothOthers: number;
    importCount: number;
    shared: number;
  };
  seedStats: SeedStats;
  /** the seed came from the seed cache */
  cached: boolean;
  run: CliImport;
  figures: ImportFigures;
  quality: { expected: ReadonlySet<string>; truePositives: number; lines: readonly string[] };
  latencies: readonly Latency[];
  /** what `parallax audit verify` printed */
  verify: string;
}

export function hubReport(r: ReportInput): string {
  const { sizes, seedStats, run, figures, quality, latencies } = r;
  const { cpu, load1, load2, uploadSeconds, queueEmptyAt } = run;
  const { cliTimes, jobs, byStrength } = figures;
  const report: string[] = [];
  const range = (xs: number[]): string => `${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))}`;
  report.push('# Hub benchmark');
  report.push(
    `machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, Node ${process.version}; load average ${load1.toFixed(1)} before the import, ${load2.toFixed(1)} after`,
  );
  report.push(
    `seed: ${fmt(sizes.others)} cases of 2 other organisations (${fmt(sizes.djaCount)} + ${fmt(sizes.drwCount)}, ${fmt(sizes.bothOthers)} persons in both), ` +
      `${fmt(seedStats.seedRows)} fingerprints (${fmt(seedStats.distinctKeys)} distinct keys, ${seedStats.realKeys === seedStats.distinctKeys ? 'all through the OPRF' : `${fmt(seedStats.realKeys)} comparable with the import through the OPRF, the rest a keyed hash`}; keys extracted and fingerprinted in ${seedStats.fingerprintSeconds.toFixed(0)} s, written in ${seedStats.writeSeconds.toFixed(0)} s${r.cached ? '; reused from the seed cache' : ''})`,
  );
  report.push(
    `import: ${fmt(sizes.importCount)} persons, ${fmt(sizes.shared)} of them held by the others (spelled independently); CLI chunk 250`,
  );
  report.push('');
  report.push(
    `import by the CLI (sign-in, OPRF, upload): ${uploadSeconds.toFixed(1)} s; ${fmt(figures.created)} cases created`,
  );
  if (cliTimes) {
    report.push(`  client-side fingerprinting: ${cliTimes[1]} s`);
    report.push(
      `  OPRF via the hub: ${fmt(figures.evaluations)} evaluations, ${cliTimes[3]} evaluations/s over ${cliTimes[2]} s of round trips`,
    );
    report.push(`  upload: ${cliTimes[5]} cases/s over ${cliTimes[4]} s of registration calls`);
  }
  report.push(
    `matching: ${fmt(jobs.n)} jobs (${jobs.failed} failed), ${fmt(jobs.n / Math.max(0.001, jobs.span))} cases/s from the first job queued to the last done; ` +
      `queue empty ${(queueEmptyAt - uploadSeconds).toFixed(1)} s after the CLI finished`,
  );
  report.push(
    `**total, CLI start to the last overlap: ${queueEmptyAt.toFixed(1)} s** (target ≤ 120 s), when the queue was empty; ` +
      `the last overlap itself was written ${(figures.lastOverlap.s ?? 0).toFixed(1)} s after the start`,
  );
  report.push(
    `CPU time meanwhile: CLI ≥ ${cpu.cli.toFixed(1)} s, hub (Node) ${cpu.hub.toFixed(1)} s, PostgreSQL ${cpu.db.toFixed(1)} s ` +
      `(of ${(queueEmptyAt * availableParallelism()).toFixed(0)} s available on ${availableParallelism()} cores)`,
  );
  report.push(
    `overlaps created: ${fmt(figures.overlapTotal)} (${fmt(byStrength('strong'))} strong, ${fmt(byStrength('probable'))} probable, ${fmt(byStrength('possible'))} possible); ` +
      `${fmt(quality.truePositives)} of ${fmt(quality.expected.size)} true pairs found`,
  );
  report.push(...quality.lines);
  report.push('');
  report.push(
    `single case registered through the client library until its overlap shows: ${range(latencies.map((l) => l.total))} ms ` +
      `(${range(latencies.map((l) => l.afterRegistration))} ms after the OPRF, i.e. registration + matching + polling at 20 ms); target ≤ 2,000 ms`,
  );
  report.push(`parallax audit verify: ${r.verify.split('\n').at(-1) ?? ''}`);
  report.push(...pgStatsLines(run.statements));
  return `${report.join('\n')}\n`;
}
