import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import Papa from 'papaparse';
import {
  describeSkippedLine,
  parsePersonsCsv,
  parsePersonsJsonl,
  type CsvMapping,
  type FtmPerson,
} from '@parallax/fingerprint';

/** Persons read from a file, and what was skipped. */
export interface PersonInput {
  readonly persons: FtmPerson[];
  /** Entities of another schema, skipped. */
  readonly skipped: number;
  readonly warnings: readonly string[];
}

/**
 * Reads FollowTheMoney JSON Lines with the rules the web import uses
 * (@parallax/fingerprint's parsePersonsJsonl): `Person` entities are kept,
 * other schemata counted as skipped, a bad line is skipped with a warning
 * naming its number and reason (never its content), and a Person without
 * an id gets one derived from its content, so a file imported in the web
 * and resumed here registers each case once.
 */
export function parseFtmJsonLines(text: string, source: string): PersonInput {
  const result = parsePersonsJsonl(text);
  const warnings = result.skippedLines.map((s) => `${source}: ${describeSkippedLine(s)}`);
  if (result.derivedIds > 0) {
    warnings.push(
      `${source}: ${result.derivedIds} person(s) have no id: their ids are derived from their content (the web import derives the same)`,
    );
  }
  return { persons: result.persons, skipped: result.otherSchema, warnings };
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(
      code === 'ENOENT'
        ? `${path}: no such file`
        : `${path}: cannot read (${String(code ?? error)})`,
    );
  }
}

const isCsv = (path: string): boolean => extname(path).toLowerCase() === '.csv';

/** Reads persons from a .jsonl / .ndjson / .json (JSON Lines) or .csv file. */
export async function readPersons(path: string, csvMapping?: CsvMapping): Promise<PersonInput> {
  const text = await readText(path);
  if (isCsv(path)) {
    const result = parsePersonsCsv(text, csvMapping ? { mapping: csvMapping } : {});
    const warnings = [...result.warnings];
    if (result.ignored.length > 0)
      warnings.push(`ignored CSV columns: ${result.ignored.join(', ')}`);
    return { persons: result.persons, skipped: 0, warnings };
  }
  return parseFtmJsonLines(text, path);
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
  if (!isCsv(path)) {
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
