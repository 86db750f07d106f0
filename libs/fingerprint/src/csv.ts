/**
 * CSV import: a header → FtM property mapping turns spreadsheet rows into
 * FollowTheMoney Persons (for the CLI and the web import).
 */
import Papa from 'papaparse';
import {
  checkRecord,
  ROW_CHECKS,
  type RecordField,
  type RecordProblem,
  type RowCheck,
  type RowProblem,
} from './import-problems.js';
import type { FtmPerson, TypedIdentifier } from './types.js';

/**
 * What a CSV column holds: an FtM Person property ("name", "alias",
 * "birthDate", "passportNumber"…), "id" (the record id), "identifier:<type>"
 * (a typed identifier: "identifier:twitter", "identifier:plate"…), or
 * "ignore".
 */
export type CsvColumnTarget = string;

/** Header (as written in the file) → target. */
export type CsvMapping = Readonly<Record<string, CsvColumnTarget>>;

/** FtM Person properties the CSV import accepts. */
// prettier-ignore
export const CSV_PERSON_PROPERTIES: readonly string[] = [
  'name', 'alias', 'previousName', 'weakAlias', 'firstName', 'secondName', 'middleName', 'fatherName',
  'lastName', 'birthDate', 'nationality', 'passportNumber', 'idNumber', 'taxNumber', 'innCode',
  'socialSecurityNumber', 'phone', 'email',
];

// prettier-ignore
const SYNONYMS: Readonly<Record<string, CsvColumnTarget>> = {
  id: 'id', recordid: 'id', ref: 'id', reference: 'id', caseref: 'id', key: 'id',
  fullname: 'name', names: 'name', aliases: 'alias', aka: 'alias', formername: 'previousName',
  previousnames: 'previousName', nickname: 'weakAlias', nicknames: 'weakAlias',
  givenname: 'firstName', forename: 'firstName', surname: 'lastName', familyname: 'lastName',
  patronymic: 'fatherName', dob: 'birthDate', dateofbirth: 'birthDate', birthdates: 'birthDate',
  yearofbirth: 'birthDate', yob: 'birthDate', passport: 'passportNumber', passportno: 'passportNumber',
  nationalid: 'idNumber', idno: 'idNumber', idnumber: 'idNumber', idcard: 'idNumber',
  telephone: 'phone', tel: 'phone', mobile: 'phone', phonenumber: 'phone', emailaddress: 'email',
  mail: 'email', twitter: 'identifier:twitter', telegram: 'identifier:telegram',
  facebook: 'identifier:facebook', instagram: 'identifier:instagram', tiktok: 'identifier:tiktok',
  vk: 'identifier:vk', youtube: 'identifier:youtube', linkedin: 'identifier:linkedin',
  tailnumber: 'identifier:aircraft', aircraft: 'identifier:aircraft', plate: 'identifier:plate',
  licenseplate: 'identifier:plate', licenceplate: 'identifier:plate', wallet: 'identifier:wallet',
};

const squash = (s: string): string =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^a-z0-9]/gu, '');

/**
 * The default target of a header: an FtM property name (any case, with or
 * without separators), a common synonym ("Date of birth", "Surname",
 * "Passport"…), "identifier:<type>" when written so, else "ignore".
 */
export function guessCsvTarget(header: string): CsvColumnTarget {
  const trimmed = header.trim();
  const ident = /^(?:identifier|handle)\s*[:.]\s*(.+)$/iu.exec(trimmed);
  if (ident) return `identifier:${(ident[1] as string).trim()}`;
  const key = squash(trimmed);
  const property = CSV_PERSON_PROPERTIES.find((p) => p.toLowerCase() === key);
  return property ?? SYNONYMS[key] ?? 'ignore';
}

export interface CsvParseOptions {
  /** Explicit header → target mapping; headers not listed fall back to {@link guessCsvTarget}. */
  readonly mapping?: CsvMapping;
  /** Separator of several values in one cell (default ";"). */
  readonly multiValueSeparator?: string;
  /** The rules a row must pass or be skipped (default {@link ROW_CHECKS}; `[]` for none). */
  readonly rowChecks?: readonly RowCheck[];
  /** "Today" for the birth-date check (tests). */
  readonly today?: Date;
}

export interface CsvParseResult {
  readonly persons: FtmPerson[];
  /** The headers, in file order. */
  readonly headers: readonly string[];
  /** The mapping used, for every header. */
  readonly mapping: Readonly<Record<string, CsvColumnTarget>>;
  /** Headers that were ignored. */
  readonly ignored: readonly string[];
  /** Parser warnings that concern no single row (an unterminated quote…). */
  readonly warnings: readonly string[];
  /** Rows skipped, and why (row numbers and headers, never values). */
  readonly rowProblems: readonly RowProblem[];
}

function checkTargets(mapping: Readonly<Record<string, CsvColumnTarget>>): void {
  for (const [h, target] of Object.entries(mapping)) {
    if (
      target !== 'id' &&
      target !== 'ignore' &&
      !target.startsWith('identifier:') &&
      !CSV_PERSON_PROPERTIES.includes(target)
    ) {
      throw new Error(`CSV column "${h}": unknown target "${target}"`);
    }
  }
}

/**
 * Parses CSV text (with a header row) into FtM Persons. Rows without any
 * value are skipped silently; a row that fails a {@link RowCheck} or does
 * not have the header's number of cells is skipped and listed in
 * `rowProblems`. Row numbers (the `row-N` id of a row without one, and the
 * problems) count data rows from 1, so skipping a row never renumbers others.
 */
export function parsePersonsCsv(text: string, options: CsvParseOptions = {}): CsvParseResult {
  const separator = options.multiValueSeparator ?? ';';
  const checks = options.rowChecks ?? ROW_CHECKS;
  const today = options.today ?? new Date();
  const parsed = Papa.parse<Record<string, string | undefined>>(text.replace(/^\uFEFF/u, ''), {
    header: true,
    skipEmptyLines: 'greedy',
  });
  const headers = parsed.meta.fields ?? [];
  const mapping: Record<string, CsvColumnTarget> = {};
  for (const h of headers) mapping[h] = options.mapping?.[h] ?? guessCsvTarget(h);
  checkTargets(mapping);
  const malformed = new Map<number, string>();
  const warnings: string[] = [];
  for (const e of parsed.errors) {
    if (e.type === 'FieldMismatch' && e.row !== undefined) malformed.set(e.row, e.code);
    else if (e.code !== 'UndetectableDelimiter') warnings.push(`CSV: ${e.message}`);
  }
  const persons: FtmPerson[] = [];
  const rowProblems: RowProblem[] = [];
  parsed.data.forEach((row, index) => {
    const fields: RecordField[] = [];
    let id: string | undefined;
    for (const h of headers) {
      const cell = (row[h] ?? '').trim();
      const target = mapping[h] ?? 'ignore';
      if (cell.length === 0 || target === 'ignore') continue;
      if (target === 'id') {
        id = cell;
        continue;
      }
      const values = cell
        .split(separator)
        .map((v) => v.trim())
        .filter((v) => v.length > 0);
      if (values.length > 0) fields.push({ field: h, property: target, values });
    }
    if (fields.length === 0 && id === undefined && !malformed.has(index)) return;
    const mismatch = malformed.get(index);
    const problems: RecordProblem[] = mismatch
      ? [
          {
            code: 'malformed_row',
            detail: mismatch === 'TooManyFields' ? 'too_many_cells' : 'too_few_cells',
          },
        ]
      : checkRecord(fields, checks, today);
    if (problems.length > 0) {
      for (const p of problems) rowProblems.push({ row: index + 1, ...p });
      return;
    }
    const properties: Record<string, string[]> = {};
    const identifiers: TypedIdentifier[] = [];
    for (const { property, values } of fields) {
      if (property.startsWith('identifier:')) {
        const type = property.slice('identifier:'.length);
        for (const value of values) identifiers.push({ type, value });
      } else {
        (properties[property] ??= []).push(...values);
      }
    }
    persons.push({
      id: id ?? `row-${index + 1}`,
      schema: 'Person',
      properties,
      ...(identifiers.length > 0 ? { identifiers } : {}),
    });
  });
  return {
    persons,
    headers,
    mapping,
    ignored: headers.filter((h) => mapping[h] === 'ignore'),
    warnings,
    rowProblems,
  };
}
