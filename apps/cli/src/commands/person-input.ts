import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import Papa from 'papaparse';
import { parsePersonsCsv, type CsvMapping, type FtmPerson } from '@parallax/fingerprint';

/** Persons read from a file, and what was skipped. */
export interface PersonInput {
  readonly persons: FtmPerson[];
  /** Entities of another schema, skipped. */
  readonly skipped: number;
  readonly warnings: readonly string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Parses FollowTheMoney JSON Lines: one entity per line; `Person` entities
 * are kept, other schemata counted as skipped. Throws on a malformed line,
 * naming the file and line.
 */
export function parseFtmJsonLines(text: string, source: string): PersonInput {
  const persons: FtmPerson[] = [];
  let skipped = 0;
  text.split(/\r?\n/u).forEach((line, index) => {
    if (line.trim().length === 0) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new Error(`${source}:${index + 1}: not valid JSON`);
    }
    if (!isRecord(value) || typeof value['id'] !== 'string' || !isRecord(value['properties'])) {
      throw new Error(
        `${source}:${index + 1}: not a FollowTheMoney entity ({id, schema, properties})`,
      );
    }
    const schema = typeof value['schema'] === 'string' ? value['schema'] : 'Person';
    if (schema !== 'Person') {
      skipped++;
      return;
    }
    persons.push(value as unknown as FtmPerson);
  });
  return { persons, skipped, warnings: [] };
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
    const { persons } = parseFtmJsonLines(text, path);
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
