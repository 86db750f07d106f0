/**
 * FollowTheMoney JSON Lines import (one entity per line, as Aleph and
 * OpenSanctions export them), the same rules for the CLI and the web import:
 * a bad line is skipped and reported by number and reason (never its
 * content), and a Person without an id gets one derived from its content.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { toBase64Url } from './fingerprint.js';
import {
  checkRecord,
  ROW_CHECKS,
  type RecordField,
  type RowCheck,
  type RowProblem,
} from './import-problems.js';
import type { FtmPerson, TypedIdentifier } from './types.js';

/** Why a line was skipped. */
export type JsonlProblem =
  /** The line is not JSON. */
  | 'not-json'
  /** JSON, but not an entity (`{schema, properties}` with `properties` an object). */
  | 'not-an-entity'
  /** The `id` is neither a non-empty string nor absent. */
  | 'bad-id'
  /** A Person without an id, identical to an earlier one: the same record twice. */
  | 'duplicate';

export interface JsonlSkippedLine {
  /** 1-based line number in the file. */
  readonly line: number;
  readonly problem: JsonlProblem;
}

export interface JsonlParseResult {
  readonly persons: FtmPerson[];
  /** Entities of another schema (companies, addresses…), left out on purpose. */
  readonly otherSchema: number;
  /** Lines that could not be used, in file order. */
  readonly skippedLines: readonly JsonlSkippedLine[];
  /** Persons whose id was derived from their content ({@link contentRecordId}). */
  readonly derivedIds: number;
  /** Lines skipped, and why: the unusable ones and those failing a {@link RowCheck}, in file order. */
  readonly rowProblems: readonly RowProblem[];
  /** Lines that were valid JSON (a file with none is probably not JSON Lines). */
  readonly jsonObjects: number;
}

export interface JsonlParseOptions {
  /** The rules a record must pass or be skipped (default {@link ROW_CHECKS}; `[]` for none). */
  readonly rowChecks?: readonly RowCheck[];
  /** "Today" for the birth-date check (tests). */
  readonly today?: Date;
}

function recordFields(person: Omit<FtmPerson, 'id'>): RecordField[] {
  const fields: RecordField[] = Object.entries(person.properties).map(([name, values]) => ({
    field: name,
    property: name,
    values: stringList(values),
  }));
  for (const { type, value } of person.identifiers ?? []) {
    fields.push({ field: `identifiers.${type}`, property: `identifier:${type}`, values: [value] });
  }
  return fields;
}

/** Prefix of an id derived from a record's content. */
export const CONTENT_ID_PREFIX = 'sha256:';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function stringList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The id of a record that has none: `sha256:` + 128 bits of SHA-256 over its
 * canonical content (properties and identifiers, keys and values sorted).
 * It does not depend on the line the record is on, so the web import and
 * the CLI derive the same id, hence the same idempotency key, for it, even
 * after lines were added to or removed from the file.
 */
export function contentRecordId(person: Omit<FtmPerson, 'id'>): string {
  const properties = Object.keys(person.properties)
    .sort(byCodeUnit)
    .map((name) => [name, [...stringList(person.properties[name])].sort(byCodeUnit)] as const)
    .filter(([, values]) => values.length > 0);
  const identifiers = (person.identifiers ?? [])
    .map(({ type, value }) => [type, value] as const)
    .sort((a, b) => byCodeUnit(a[0], b[0]) || byCodeUnit(a[1], b[1]));
  const canonical = JSON.stringify(['Person', properties, identifiers]);
  return `${CONTENT_ID_PREFIX}${toBase64Url(sha256(utf8ToBytes(canonical)).subarray(0, 16))}`;
}

type LineOutcome =
  | { kind: 'person'; person: Omit<FtmPerson, 'id'>; id: string | undefined }
  | { kind: 'other-schema' }
  | { kind: 'skip'; problem: JsonlProblem };

function readLine(line: string): LineOutcome {
  let entity: unknown;
  try {
    entity = JSON.parse(line);
  } catch {
    return { kind: 'skip', problem: 'not-json' };
  }
  if (!isRecord(entity) || !isRecord(entity['properties']))
    return { kind: 'skip', problem: 'not-an-entity' };
  const schema = entity['schema'];
  if (schema !== undefined && schema !== 'Person') return { kind: 'other-schema' };
  const id = entity['id'];
  if (id !== undefined && id !== null && (typeof id !== 'string' || id.trim().length === 0))
    return { kind: 'skip', problem: 'bad-id' };
  const properties: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(entity['properties'])) {
    const list = stringList(value);
    if (list.length > 0) properties[name] = list;
  }
  const identifiers: TypedIdentifier[] = Array.isArray(entity['identifiers'])
    ? entity['identifiers'].flatMap((item: unknown) =>
        isRecord(item) && typeof item['type'] === 'string' && typeof item['value'] === 'string'
          ? [{ type: item['type'], value: item['value'] }]
          : [],
      )
    : [];
  return {
    kind: 'person',
    id: typeof id === 'string' ? id : undefined,
    person: { schema: 'Person', properties, ...(identifiers.length > 0 ? { identifiers } : {}) },
  };
}

/**
 * Reads FtM JSON Lines: keeps the Person entities (a line without `schema`
 * counts as one), with their string property values and Parallax's optional
 * `identifiers` list. A line that is not a usable Person, or fails a
 * {@link RowCheck}, is skipped and reported. Never throws on the content:
 * see {@link JsonlParseResult}.
 */
export function parsePersonsJsonl(text: string, options: JsonlParseOptions = {}): JsonlParseResult {
  const checks = options.rowChecks ?? ROW_CHECKS;
  const today = options.today ?? new Date();
  const persons: FtmPerson[] = [];
  const skippedLines: JsonlSkippedLine[] = [];
  const rowProblems: RowProblem[] = [];
  const derived = new Set<string>();
  let otherSchema = 0;
  let jsonObjects = 0;
  const skip = (line: number, problem: JsonlProblem): void => {
    skippedLines.push({ line, problem });
    rowProblems.push(
      problem === 'duplicate'
        ? { row: line, code: 'duplicate_record' }
        : { row: line, code: 'bad_json_line', detail: problem },
    );
  };
  text
    .replace(/^\uFEFF/u, '')
    .split(/\r?\n/u)
    .forEach((raw, index) => {
      const line = raw.trim();
      if (line.length === 0) return;
      const outcome = readLine(line);
      if (outcome.kind !== 'skip' || outcome.problem !== 'not-json') jsonObjects++;
      if (outcome.kind === 'other-schema') {
        otherSchema++;
        return;
      }
      if (outcome.kind === 'skip') {
        skip(index + 1, outcome.problem);
        return;
      }
      const problems = checkRecord(recordFields(outcome.person), checks, today);
      if (problems.length > 0) {
        for (const p of problems) rowProblems.push({ row: index + 1, ...p });
        return;
      }
      let id = outcome.id;
      if (id === undefined) {
        id = contentRecordId(outcome.person);
        if (derived.has(id)) {
          skip(index + 1, 'duplicate');
          return;
        }
        derived.add(id);
      }
      persons.push({ id, ...outcome.person });
    });
  return { persons, otherSchema, skippedLines, derivedIds: derived.size, rowProblems, jsonObjects };
}

/** A skipped line as a person reads it ("line 12: not valid JSON"): number and reason only. */
export function describeSkippedLine({ line, problem }: JsonlSkippedLine): string {
  const reason: Record<JsonlProblem, string> = {
    'not-json': 'not valid JSON',
    'not-an-entity': 'not a FollowTheMoney entity ({id, schema, properties})',
    'bad-id': 'the id is not a non-empty string',
    duplicate: 'the same person as an earlier line without an id',
  };
  return `line ${line}: ${reason[problem]}, skipped`;
}
