/**
 * `npm run bench:import-dryrun [-- ROWS PERSONS]`: the import dry run on a
 * synthetic CSV of ROWS rows (default 275,000) repeating PERSONS persons
 * (default 300) — the size of the file in issue 10 (about 20 MB). Prints the
 * time and memory of each step: parsing, duplicate detection (keys + 16-byte
 * hashes), the sample timing, and the estimate the web and the CLI show.
 * A script that prints figures, never a timed test.
 */
import { extractKeys, parsePersonsCsv, type FtmPerson } from '@parallax/fingerprint';
import {
  DuplicateDetector,
  estimateImport,
  formatDurationRange,
  measureClientMsPerRecord,
} from '@parallax/hub-client';
import { syntheticPersons } from './generator.js';

const rows = Number(process.argv[2] ?? 275_000);
const distinctPersons = Number(process.argv[3] ?? 300);
if (
  !Number.isInteger(rows) ||
  rows <= 0 ||
  !Number.isInteger(distinctPersons) ||
  distinctPersons <= 0
) {
  process.stderr.write('bench:import-dryrun: ROWS and PERSONS must be positive integers\n');
  process.exit(2);
}

const cell = (values: readonly string[] | undefined): string =>
  `"${(values ?? []).join(';').replace(/"/gu, '""')}"`;
const first = (p: FtmPerson, name: string): string[] => {
  const v = p.properties[name];
  return v === undefined ? [] : typeof v === 'string' ? [v] : [...v];
};
const persons = syntheticPersons(distinctPersons);
const lines = persons.map((p) =>
  [
    first(p, 'name'),
    first(p, 'alias'),
    first(p, 'birthDate'),
    first(p, 'passportNumber'),
    first(p, 'phone'),
  ]
    .map(cell)
    .join(','),
);
const header = 'Record,Full name,Alias,Date of birth,Passport,Phone';
const text = [
  header,
  ...Array.from({ length: rows }, (_, i) => `R${i + 1},${lines[i % lines.length]}`),
].join('\n');

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;
const heap = (): number => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
};
let cpuStart = process.cpuUsage();
/** Wall-clock and CPU seconds since `start` (CPU: this process, so other load shows as the gap). */
const seconds = (start: number): string => {
  const cpu = process.cpuUsage(cpuStart);
  cpuStart = process.cpuUsage();
  const wall = ((performance.now() - start) / 1000).toFixed(1);
  return `${wall} s (CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s)`;
};

const out: string[] = ['# Import dry-run benchmark'];
out.push(
  `file: ${rows.toLocaleString('en-US')} rows of ${distinctPersons} persons, ${mb(Buffer.byteLength(text))}`,
);
const heapBefore = heap();
let t = performance.now();
cpuStart = process.cpuUsage();
const parsed = parsePersonsCsv(text);
out.push(
  `parse (CSV → persons): ${seconds(t)}, heap +${mb(heap() - heapBefore)} (the persons are kept for the run)`,
);

const heapParsed = heap();
t = performance.now();
cpuStart = process.cpuUsage();
const detector = new DuplicateDetector();
let keys = 0;
const distinct: FtmPerson[] = [];
for (const person of parsed.persons) {
  // As the web worker does: a row written as an earlier one is not read again.
  const seen = detector.addPerson(person, (p) => extractKeys(p));
  keys += Math.max(0, seen.keyCount);
  if (!seen.duplicate) distinct.push(person);
}
const report = detector.report();
out.push(
  `keys + duplicate detection: ${seconds(t)} (${keys.toLocaleString('en-US')} keys), ` +
    `hash tables ${mb(detector.byteLength)}, heap ${mb(heap())} in all (${mb(heapParsed)} after parsing)`,
);
out.push(
  `found: ${report.records.toLocaleString('en-US')} records, ${report.distinct} distinct persons, ` +
    `${report.duplicates.toLocaleString('en-US')} repeats, ${report.repeatedIds} repeated ids`,
);
t = performance.now();
cpuStart = process.cpuUsage();
const msPerRecord = await measureClientMsPerRecord(distinct, {});
out.push(
  `sample timing (fingerprinting ${Math.min(40, distinct.length)} records): ${seconds(t)}, ${msPerRecord.toFixed(2)} ms a record`,
);
const each = estimateImport({ records: report.distinct, clientMsPerRecord: msPerRecord });
const all = estimateImport({ records: report.records, clientMsPerRecord: msPerRecord });
out.push(
  `estimate, each person once: ${formatDurationRange(each)}; every record: ${formatDurationRange(all)}`,
);
out.push(`peak RSS: ${mb(process.memoryUsage().rss)}`);
process.stdout.write(`${out.join('\n')}\n`);
