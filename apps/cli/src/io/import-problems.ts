import { writeFile } from 'node:fs/promises';
import {
  countProblems,
  problemReportCsv,
  type FileProblemCode,
  type RowProblem,
} from '@parallax/fingerprint';
import { CliError, ExitCode } from './cli-error.js';

/** Row problems printed one per line; the rest are only counted (the report has them all). */
export const ROW_PROBLEMS_PRINTED = 20;

/** What each file-level problem means, and what to do about it (one line). */
const FILE_PROBLEMS: Readonly<Record<FileProblemCode, { text: string; exitCode: number }>> = {
  empty: { text: 'this file is empty', exitCode: ExitCode.NothingToDo },
  no_records: {
    text: 'no records: the file has a header or other entities but no person',
    exitCode: ExitCode.NothingToDo,
  },
  not_text: {
    text: 'this is not a text file (a spreadsheet must first be saved as "CSV UTF-8")',
    exitCode: ExitCode.InputUnusable,
  },
  not_utf8: {
    text: 'this text is not UTF-8: save it again as "CSV UTF-8" (or UTF-8 JSON Lines)',
    exitCode: ExitCode.InputUnusable,
  },
  no_name_column: {
    text: 'no column was recognised as a name: name one in --mapping (e.g. {"Full name": "name"})',
    exitCode: ExitCode.InputUnusable,
  },
  unknown_format: {
    text: 'the content is not the format its name says: use .csv for CSV and .jsonl for JSON Lines',
    exitCode: ExitCode.InputUnusable,
  },
};

/** A file-level problem as the one-line error the CLI exits with. */
export function fileProblemError(path: string, problem: FileProblemCode): CliError {
  const { text, exitCode } = FILE_PROBLEMS[problem];
  return new CliError(`${path}: ${text}`, exitCode);
}

const REASONS: Readonly<Record<string, string>> = {
  invalid_birth_date: 'invalid birth date',
  'invalid_birth_date/unparseable': 'the birth date is not a date',
  'invalid_birth_date/impossible': 'the birth date is a day that does not exist',
  'invalid_birth_date/future': 'the birth date is in the future',
  'invalid_birth_date/too_early': 'the birth date is before 1900',
  bad_json_line: 'not a usable JSON line',
  'bad_json_line/not-json': 'not valid JSON',
  'bad_json_line/not-an-entity': 'not a FollowTheMoney entity ({id, schema, properties})',
  'bad_json_line/bad-id': 'the id is not a non-empty string',
  duplicate_record: 'the same person as an earlier line without an id',
  no_name: 'no name nor identifier',
  malformed_row: 'not as many cells as the header has columns',
  reference_contains_name: 'a name of this record is in the reference prefix',
};

/** One row problem as a line: its number, column and reason, never the value. */
export function describeRowProblem(p: RowProblem, unit: 'row' | 'line'): string {
  const where = p.field === undefined ? '' : ` (${JSON.stringify(p.field)})`;
  const reason =
    REASONS[`${p.code}/${p.detail ?? ''}`] ?? REASONS[p.code] ?? p.code.replace(/_/gu, ' ');
  return `${unit} ${p.row}${where}: ${reason}, skipped`;
}

/**
 * Prints the skipped rows (the first {@link ROW_PROBLEMS_PRINTED}, then a
 * count per problem), writes the full report when asked, and fails with
 * NothingToDo when no record is left.
 */
export async function reportRowProblems(
  path: string,
  problems: readonly RowProblem[],
  unit: 'row' | 'line',
  options: { problemsFile?: string | undefined; recordsLeft: number },
): Promise<void> {
  const say = (line: string): void => void process.stderr.write(`parallax: ${line}\n`);
  for (const p of problems.slice(0, ROW_PROBLEMS_PRINTED))
    say(`${path}: ${describeRowProblem(p, unit)}`);
  if (problems.length > 0) {
    const counts = countProblems(problems).map(([code, n]) => `${n} ${code}`);
    const more = problems.length > ROW_PROBLEMS_PRINTED ? ' (all of them in --problems FILE)' : '';
    say(`${path}: ${problems.length} ${unit}(s) skipped: ${counts.join(', ')}${more}`);
  }
  if (options.problemsFile !== undefined) {
    await writeFile(options.problemsFile, problemReportCsv(problems));
    say(`problem report (row numbers and columns, no values) → ${options.problemsFile}`);
  }
  if (options.recordsLeft === 0) {
    throw new CliError(
      `${path}: nothing to import: every ${unit} was skipped (see above)`,
      ExitCode.NothingToDo,
    );
  }
}
