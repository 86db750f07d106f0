import { stat } from 'node:fs/promises';
import type { CsvMapping, ExtractKeysOptions } from '@parallax/fingerprint';
import {
  estimateImport,
  findDuplicatePersons,
  formatDurationRange,
  idsUsable,
  measureClientMsPerRecord,
  type DuplicateReport,
} from '@parallax/hub-client';
import { readPersonsReported } from './person-input.js';

/** "1 = 301, 601, 901…; 2 = 302…": where the first repeated persons are (record numbers). */
function groupList(report: DuplicateReport): string {
  return report.groups
    .map((g) => `${g.first} = ${g.repeats.join(', ')}${g.count > g.repeats.length ? '…' : ''}`)
    .join('; ');
}

/** What the import says about repeated persons, before anything is sent. */
export function duplicateLines(report: DuplicateReport, distinctOnly: boolean): string[] {
  if (report.duplicates === 0) return [];
  return [
    `${report.records} records describe ${report.distinct} distinct persons: ${report.duplicates} repeat a person already in the file ` +
      `(same names, birth dates and identifiers once normalised; records ${groupList(report)})`,
    distinctOnly
      ? `importing each person once (${report.distinct} records); --all-records imports all ${report.records}`
      : `--all-records: importing all ${report.records} records, repeats included`,
  ];
}

const megabytes = (bytes: number): string =>
  bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1e3))} kB`;

/**
 * `parallax fingerprint IN --dry-run`: reads the file as an import would
 * and reports its size, records, repeated persons and an estimated time,
 * without signing in or sending anything.
 */
export async function runDryRun(
  input: string,
  mapping: CsvMapping | undefined,
  opts: { allRecords?: boolean; defaultPhoneCountry?: string; problems?: string },
): Promise<void> {
  const started = performance.now();
  const { persons } = await readPersonsReported(input, mapping, opts.problems);
  const options: ExtractKeysOptions = opts.defaultPhoneCountry
    ? { defaultPhoneCountry: opts.defaultPhoneCountry }
    : {};
  const { report, distinct } = findDuplicatePersons(persons, options);
  const distinctOnly = opts.allRecords !== true;
  const sent = distinctOnly ? distinct : persons;
  const clientMsPerRecord = await measureClientMsPerRecord(sent, options);
  const { size } = await stat(input);
  const write = (line: string): boolean => process.stderr.write(`parallax: ${line}\n`);
  write(
    `dry run of ${input} (${megabytes(size)}): ${report.records} records, ${report.distinct} distinct persons, ` +
      `${report.duplicates} repeats (read in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
  for (const line of duplicateLines(report, distinctOnly)) write(line);
  if (!idsUsable(report, distinctOnly)) {
    const count = distinctOnly ? report.conflictingIds : report.repeatedIds;
    write(`${count} record(s) repeat another record's id: the import would refuse this file`);
  }
  const estimate = estimateImport({ records: sent.length, clientMsPerRecord });
  write(
    `estimated time: ${formatDurationRange(estimate)} for ${sent.length} records ` +
      `(${clientMsPerRecord.toFixed(1)} ms a record on this machine, the hub at its usual speed)`,
  );
  write('dry run: nothing was sent; run again without --dry-run (and with --hub) to import');
}
