import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
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

/** Reads persons from a .jsonl / .ndjson / .json (JSON Lines) or .csv file. */
export async function readPersons(path: string, csvMapping?: CsvMapping): Promise<PersonInput> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(
      code === 'ENOENT'
        ? `${path}: no such file`
        : `${path}: cannot read (${String(code ?? error)})`,
    );
  }
  if (extname(path).toLowerCase() === '.csv') {
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
