/**
 * What can be wrong with an import file, the same for the web import and the
 * CLI: a file-level problem (nothing can be imported until it is fixed) or
 * per-row problems (that row is skipped and reported; the rest is imported).
 *
 * A problem names a row or line number, a column (CSV header) or property
 * (JSON Lines) and a code, never the cell's value: problems are printed,
 * logged and written into a report that gets e-mailed around, and the values
 * are the suspects' names and birth dates.
 */
import { birthDateProblem } from './normalize/birth-date-check.js';
import { IDENTIFIER_PROPERTIES, NAME_PART_PROPERTIES, NAME_PROPERTIES } from './keys.js';

/** Why a whole file cannot be imported. */
export type FileProblemCode =
  /** 0 bytes, or only whitespace and a byte-order mark. */
  | 'empty'
  /** Binary (NUL bytes: an image, a zip, an .xlsx spreadsheet…), checked before any parsing. */
  | 'not_text'
  /** Text, but not UTF-8 (UTF-16 without a byte-order mark, Latin-1…). */
  | 'not_utf8'
  /** A header, or lines, but no person record. */
  | 'no_records'
  /** CSV: no column was recognised as a name (or an identifier); the user must choose one. */
  | 'no_name_column'
  /** The content is not the chosen format (JSON Lines chosen for a CSV, or the other way round). */
  | 'unknown_format';

/** Why one row (CSV) or line (JSON Lines) was skipped. */
export type RowProblemCode =
  /** A birth date that is not a date, a day that does not exist, a future date, or before 1900. */
  | 'invalid_birth_date'
  /** JSON Lines: a line that is not a usable entity (see `detail`). */
  | 'bad_json_line'
  /** A row without any name (name, alias, previous name or name parts) nor identifier to stand in for one. */
  | 'no_name'
  /** CSV: a row with more or fewer cells than the header (its values may be in the wrong columns). */
  | 'malformed_row'
  /** A check added by another feature (see {@link RowCheck}). */
  | (string & {});

export interface RowProblem {
  /** CSV: the data row (1 = the first row under the header); JSON Lines: the line. */
  readonly row: number;
  /** The CSV header or JSON property concerned, when there is one. */
  readonly field?: string;
  readonly code: RowProblemCode;
  /** A finer reason ("impossible", "not-json"…), never a value from the file. */
  readonly detail?: string;
}

/** One value-bearing field of a record: a CSV cell's header and target, or a JSON property. */
export interface RecordField {
  /** Header (CSV) or property name (JSON Lines): what the report names. */
  readonly field: string;
  /** The FtM property (or `identifier:<type>`) it holds. */
  readonly property: string;
  readonly values: readonly string[];
}

/** A problem a check finds in one record; the reader adds the row number. */
export type RecordProblem = Omit<RowProblem, 'row'>;

/**
 * One rule every record must pass, or it is skipped. Checks see the record's
 * fields as read (before it becomes a Person), so they can name the column.
 */
export type RowCheck = (fields: readonly RecordField[], today: Date) => readonly RecordProblem[];

const NAME_TARGETS = new Set([...NAME_PROPERTIES, ...NAME_PART_PROPERTIES]);

/** Whether a CSV target or JSON property counts as a name (what the fingerprinting reads as one). */
export const isNameProperty = (property: string): boolean => NAME_TARGETS.has(property);

/**
 * Whether a target or property identifies a person on its own: a name, or
 * an identifier (a passport number, a phone, a Telegram handle…) — an
 * account known only by its handle is a real record.
 */
export const identifiesPerson = (property: string): boolean =>
  isNameProperty(property) ||
  property in IDENTIFIER_PROPERTIES ||
  property.startsWith('identifier:');

/**
 * A record with neither a name nor an identifier (a birth date alone, or a
 * row whose values slid into ignored columns) cannot make a useful case.
 */
export const noNameCheck: RowCheck = (fields) =>
  fields.some((f) => identifiesPerson(f.property) && f.values.some((v) => v.trim().length > 0))
    ? []
    : [{ code: 'no_name' }];

/** Birth dates as the fingerprinting reads them (normalize/birth-date-check.ts). */
export const birthDateCheck: RowCheck = (fields, today) =>
  fields
    .filter((f) => f.property === 'birthDate')
    .flatMap((f) => {
      const detail = f.values.map((v) => birthDateProblem(v, today)).find((p) => p !== null);
      return detail ? [{ field: f.field, code: 'invalid_birth_date', detail }] : [];
    });

/**
 * The checks every import runs, in this order; a feature adds its own by
 * passing `rowChecks` to the reader (they run after these).
 */
export const ROW_CHECKS: readonly RowCheck[] = [noNameCheck, birthDateCheck];

/** Runs the checks on one record. */
export function checkRecord(
  fields: readonly RecordField[],
  checks: readonly RowCheck[],
  today: Date,
): RecordProblem[] {
  return checks.flatMap((check) => check(fields, today));
}

/** How many rows have each problem code, most frequent first. */
export function countProblems(problems: readonly RowProblem[]): Array<[RowProblemCode, number]> {
  const counts = new Map<RowProblemCode, number>();
  for (const p of problems) counts.set(p.code, (counts.get(p.code) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]);
}

/** A CSV cell; a leading = + - @ is defused so a spreadsheet never runs a header as a formula. */
function csvCell(value: string): string {
  const safe = /^[=+\-@]/u.test(value) ? `'${value}` : value;
  return /[",\r\n]/u.test(safe) ? `"${safe.replace(/"/gu, '""')}"` : safe;
}

/**
 * The problem report, as CSV: row, column, problem, detail. Row numbers and
 * column names only, never a value from the file — the report is mailed to
 * whoever maintains the source, and must not carry the suspects' data.
 */
export function problemReportCsv(problems: readonly RowProblem[]): string {
  const lines = ['row,column,problem,detail'];
  for (const p of problems) {
    lines.push([String(p.row), p.field ?? '', p.code, p.detail ?? ''].map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
