import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import {
  formatOfName,
  parsePersonsCsv,
  parsePersonsJsonl,
  readImportFile,
  type CsvMapping,
  type FtmPerson,
  type ImportFileFormat,
  type RowCheck,
  type RowProblem,
} from '@parallax/fingerprint';
import { CliError, ExitCode } from '../io/cli-error.js';
import { fileProblemError, reportRowProblems } from '../io/import-problems.js';

/** Persons read from a file, and what was skipped. */
export interface PersonInput {
  readonly persons: FtmPerson[];
  /** Entities of another schema, skipped. */
  readonly skipped: number;
  readonly warnings: readonly string[];
  /** Rows (CSV) or lines (JSON Lines) skipped, and why: numbers and columns, never values. */
  readonly rowProblems: readonly RowProblem[];
  readonly format: ImportFileFormat;
}

async function readBytes(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(
      code === 'ENOENT'
        ? `${path}: no such file`
        : `${path}: cannot read (${String(code ?? error)})`,
      ExitCode.Usage,
    );
  }
}

async function readText(path: string): Promise<string> {
  return (await readBytes(path)).toString('utf8');
}

/** The format the name says (.csv/.tsv, .jsonl/.ndjson/.json/.ftm), else what the content starts with. */
export function inputFormat(path: string, bytes: Uint8Array): ImportFileFormat {
  const named = formatOfName(path);
  if (named !== null) return named;
  const start = Buffer.from(bytes.subarray(0, 64))
    .toString('utf8')
    .replace(/^\uFEFF/u, '');
  return /^\s*\{/u.test(start) ? 'jsonl' : 'csv';
}

/**
 * Reads persons from a JSON Lines or CSV file with the web import's rules
 * (@parallax/fingerprint readImportFile): an unusable file fails with one
 * line and its own exit code, before anything is parsed; a row or line
 * with a problem is skipped and listed in `rowProblems`; a Person without
 * an id gets one derived from its content, as the web derives it.
 */
export async function readPersons(
  path: string,
  csvMapping?: CsvMapping,
  rowChecks: readonly RowCheck[] = [],
): Promise<PersonInput> {
  const bytes = await readBytes(path);
  const format = inputFormat(path, bytes);
  let read: ReturnType<typeof readImportFile>;
  try {
    read = readImportFile(bytes, { format, mapping: csvMapping, rowChecks });
  } catch (error) {
    // An unknown target in --mapping.
    throw new CliError(
      `${path}: ${error instanceof Error ? error.message : String(error)}`,
      ExitCode.Usage,
    );
  }
  if (read.problem !== null) throw fileProblemError(path, read.problem);
  const warnings = read.warnings.map((w) => `${path}: ${w}`);
  const ignored = read.headers.filter((h) => read.mapping[h] === 'ignore');
  if (ignored.length > 0) warnings.push(`${path}: ignored CSV columns: ${ignored.join(', ')}`);
  if (read.derivedIds > 0) {
    warnings.push(
      `${path}: ${read.derivedIds} person(s) have no id: their ids are derived from their content (the web import derives the same)`,
    );
  }
  return {
    persons: read.persons,
    skipped: read.otherSchema,
    warnings,
    rowProblems: read.rowProblems,
    format,
  };
}

/**
 * {@link readPersons}, then says what was left out: non-Person entities,
 * warnings, the skipped rows (the first few, then counts; all of them in
 * `problemsFile`). Fails with NothingToDo when no record is left.
 */
export async function readPersonsReported(
  path: string,
  csvMapping: CsvMapping | undefined,
  problemsFile?: string,
  rowChecks: readonly RowCheck[] = [],
): Promise<PersonInput> {
  const input = await readPersons(path, csvMapping, rowChecks);
  if (input.skipped > 0)
    process.stderr.write(`parallax: ${path}: skipped ${input.skipped} non-Person entities\n`);
  for (const w of input.warnings) process.stderr.write(`parallax: ${w}\n`);
  await reportRowProblems(path, input.rowProblems, input.format === 'csv' ? 'row' : 'line', {
    problemsFile,
    recordsLeft: input.persons.length,
  });
  return input;
}

/** Parses a number option in [0, 1]. */
export function parseUnitInterval(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1)
    throw new Error(`${name} must be a number between 0 and 1`);
  return n;
}

function firstValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return undefined;
}

/**
 * Each record's value of `field`, by record id: for JSON Lines `id` (the
 * record id) or a property of the entity (its first value); for CSV a
 * column header (exact, else case-insensitive), matched to the records as
 * {@link readPersons} reads them. Throws when the field does not exist.
 */
export async function readReferenceField(
  path: string,
  field: string,
  csvMapping?: CsvMapping,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const text = await readText(path);
  if (inputFormat(path, Buffer.from(text, 'utf8')) === 'jsonl') {
    const { persons } = parsePersonsJsonl(text);
    let found = field === 'id';
    for (const p of persons) {
      const value = field === 'id' ? p.id : firstValue(p.properties[field]);
      if (value !== undefined) {
        found = true;
        out.set(p.id, value);
      }
    }
    if (!found) throw new Error(`${path}: no record has the property "${field}"`);
    return out;
  }
  const { mapping } = parsePersonsCsv(text, csvMapping ? { mapping: csvMapping } : {});
  const parsed = Papa.parse<Record<string, string | undefined>>(text.replace(/^\uFEFF/u, ''), {
    header: true,
    skipEmptyLines: 'greedy',
  });
  const headers = parsed.meta.fields ?? [];
  const column =
    headers.find((h) => h === field) ??
    headers.find((h) => h.toLowerCase() === field.toLowerCase());
  const idColumns = headers.filter((h) => mapping[h] === 'id');
  if (column === undefined && field !== 'id') {
    throw new Error(`${path}: no column "${field}" (columns: ${headers.join(', ')})`);
  }
  parsed.data.forEach((row, index) => {
    // The record id as parsePersonsCsv makes it: the last non-empty id column, else the row number.
    let id = `row-${index + 1}`;
    for (const h of idColumns) {
      const cell = (row[h] ?? '').trim();
      if (cell.length > 0) id = cell;
    }
    const value = column === undefined ? id : (row[column] ?? '').trim();
    if (value.length > 0) out.set(id, value);
  });
  return out;
}
