/**
 * CSV import: a header → FtM property mapping turns spreadsheet rows into
 * FollowTheMoney Persons (for the CLI and the web import).
 */
import Papa from 'papaparse';
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
}

export interface CsvParseResult {
  readonly persons: FtmPerson[];
  /** The mapping used, for every header. */
  readonly mapping: Readonly<Record<string, CsvColumnTarget>>;
  /** Headers that were ignored. */
  readonly ignored: readonly string[];
  /** Parser warnings ("row 12: too few fields"). */
  readonly warnings: readonly string[];
}

/** Parses CSV text (with a header row) into FtM Persons. Rows without any value are skipped. */
export function parsePersonsCsv(text: string, options: CsvParseOptions = {}): CsvParseResult {
  const separator = options.multiValueSeparator ?? ';';
  const parsed = Papa.parse<Record<string, string | undefined>>(text.replace(/^\uFEFF/u, ''), {
    header: true,
    skipEmptyLines: 'greedy',
  });
  const headers = parsed.meta.fields ?? [];
  const mapping: Record<string, CsvColumnTarget> = {};
  for (const h of headers) mapping[h] = options.mapping?.[h] ?? guessCsvTarget(h);
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
  const persons: FtmPerson[] = [];
  parsed.data.forEach((row, index) => {
    const properties: Record<string, string[]> = {};
    const identifiers: TypedIdentifier[] = [];
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
      if (target.startsWith('identifier:')) {
        const type = target.slice('identifier:'.length);
        for (const value of values) identifiers.push({ type, value });
      } else {
        (properties[target] ??= []).push(...values);
      }
    }
    if (Object.keys(properties).length === 0 && identifiers.length === 0) return;
    persons.push({
      id: id ?? `row-${index + 1}`,
      schema: 'Person',
      properties,
      ...(identifiers.length > 0 ? { identifiers } : {}),
    });
  });
  return {
    persons,
    mapping,
    ignored: headers.filter((h) => mapping[h] === 'ignore'),
    warnings: parsed.errors.map((e) => `row ${(e.row ?? 0) + 1}: ${e.message}`),
  };
}
