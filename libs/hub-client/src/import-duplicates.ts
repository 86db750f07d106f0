/**
 * Duplicate records in an import, found during the dry run (web worker and
 * CLI alike). Two records describe the same person when they make exactly
 * the same fingerprint keys: the same names once normalised (script, case,
 * diacritics, transliteration), the same birth dates, the same identifiers.
 * Registering both would only spend OPRF budget and time on a second case
 * identical to the first, so by default an import keeps the first record of
 * each person and skips the rest.
 *
 * Memory stays bounded for large files: each record is reduced to a 16-byte
 * hash of its keys (SHA-256, computed and kept on this device, never sent)
 * in a {@link Hash16Set}, with a few record numbers per group for the report.
 * Time too: a row written exactly as an earlier one (the usual duplicate) is
 * recognised by a hash of its text, without extracting its keys again.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import {
  extractKeys,
  type ExtractKeysOptions,
  type FingerprintKey,
  type FtmPerson,
} from '@parallax/fingerprint';
import { nameLimitProblem } from './case-limits.js';
import { Hash16Set } from './hash16-set.js';

/** Groups of duplicates listed in the report (the count covers them all). */
export const DUPLICATE_GROUPS_LISTED = 5;
/** Repeats listed per group. */
export const DUPLICATE_REPEATS_LISTED = 3;

/** One person found more than once: record numbers count from 1, in the file's order. */
export interface DuplicateGroup {
  readonly first: number;
  /** The first few repeats. */
  readonly repeats: readonly number[];
  /** All repeats of the group. */
  readonly count: number;
}

export interface DuplicateReport {
  readonly records: number;
  /** Records that repeat an earlier record's person. */
  readonly duplicates: number;
  /** Records less duplicates: the cases an import of distinct persons registers at most. */
  readonly distinct: number;
  /** Records whose id repeats an earlier record's id, whatever their content. */
  readonly repeatedIds: number;
  /**
   * Distinct persons whose id repeats another distinct person's id: even an
   * import of distinct persons cannot tell them apart (it refuses the file).
   */
  readonly conflictingIds: number;
  /** The first few groups ({@link DUPLICATE_GROUPS_LISTED}). */
  readonly groups: readonly DuplicateGroup[];
}

const hashOf = (text: string): Uint8Array => sha256(utf8ToBytes(text)).subarray(0, 16);

/** 16 bytes of SHA-256 over a person's sorted keys: equal for records of the same person. */
export function personContentHash(keys: readonly FingerprintKey[]): Uint8Array {
  let canonical = 'parallax/v1/import-person';
  for (const k of keys) canonical += `\u0001${k.kind}\u0000${k.value}`;
  return hashOf(canonical);
}

/** What {@link DuplicateDetector.addPerson} learnt of a record. */
export interface PersonSeen {
  /** It repeats an earlier record's person. */
  readonly duplicate: boolean;
  /** Its keys, -1 when it is not fingerprinted (more names than one person has). */
  readonly keyCount: number;
  /** Its keys when they were extracted; null when the same text was seen before. */
  readonly keys: readonly FingerprintKey[] | null;
}

/** Marks a text whose record makes no keys (never a duplicate). */
const NO_KEYS = 0xfffffff0;

/** Feed it the records in order; ask for the report at the end. */
export class DuplicateDetector {
  private readonly texts = new Hash16Set();
  /** Per distinct text: its person's first record (or NO_KEYS), and its key count. */
  private readonly textGroup: number[] = [];
  private readonly textKeys: number[] = [];
  private readonly persons = new Hash16Set();
  private readonly ids = new Hash16Set();
  private readonly keptIds = new Hash16Set(64);
  private readonly groups = new Map<number, { repeats: number[]; count: number }>();
  private records = 0;
  private duplicates = 0;
  private repeatedIds = 0;
  private conflictingIds = 0;

  /**
   * Records one record (its id and its keys, as extractKeys makes them).
   * Returns true when it repeats an earlier record's person. Records without
   * keys are never duplicates: they are not registered anyway.
   */
  add(recordId: string, keys: readonly FingerprintKey[]): boolean {
    const index = this.records;
    const first =
      keys.length === 0 ? undefined : this.persons.getOrAdd(personContentHash(keys), index);
    return this.count(recordId, index, first);
  }

  /**
   * Records one person (in order), extracting its keys with `keysOf` (null:
   * not fingerprinted) only if no earlier record had exactly the same text.
   */
  addPerson(
    person: FtmPerson,
    keysOf: (person: FtmPerson) => readonly FingerprintKey[] | null,
  ): PersonSeen {
    const index = this.records;
    const text = hashOf(JSON.stringify([person.properties, person.identifiers ?? null]));
    const seen = this.texts.getOrAdd(text, this.textGroup.length);
    if (seen !== undefined) {
      const group = this.textGroup[seen] ?? NO_KEYS;
      const duplicate = this.count(person.id, index, group === NO_KEYS ? undefined : group);
      return { duplicate, keyCount: this.textKeys[seen] ?? 0, keys: null };
    }
    const keys = keysOf(person);
    const first =
      keys === null || keys.length === 0
        ? undefined
        : this.persons.getOrAdd(personContentHash(keys), index);
    this.textGroup.push(keys === null || keys.length === 0 ? NO_KEYS : (first ?? index));
    this.textKeys.push(keys === null ? -1 : keys.length);
    const duplicate = this.count(person.id, index, first);
    return { duplicate, keyCount: keys === null ? -1 : keys.length, keys };
  }

  /** Counts record `index`, a repeat of the person first seen at `first` (if any). */
  private count(recordId: string, index: number, first: number | undefined): boolean {
    this.records++;
    const idHash = hashOf(recordId);
    if (this.ids.getOrAdd(idHash, index) !== undefined) this.repeatedIds++;
    if (first === undefined) {
      if (this.keptIds.getOrAdd(idHash, index) !== undefined) this.conflictingIds++;
      return false;
    }
    this.duplicates++;
    const group = this.groups.get(first);
    if (group) {
      group.count++;
      if (group.repeats.length < DUPLICATE_REPEATS_LISTED) group.repeats.push(index + 1);
    } else if (this.groups.size < DUPLICATE_GROUPS_LISTED) {
      this.groups.set(first, { repeats: [index + 1], count: 1 });
    }
    return true;
  }

  report(): DuplicateReport {
    return {
      records: this.records,
      duplicates: this.duplicates,
      distinct: this.records - this.duplicates,
      repeatedIds: this.repeatedIds,
      conflictingIds: this.conflictingIds,
      groups: [...this.groups].map(([first, g]) => ({
        first: first + 1,
        repeats: [...g.repeats],
        count: g.count,
      })),
    };
  }

  /** Bytes of the hash tables (for benchmarks). */
  get byteLength(): number {
    return (
      this.texts.byteLength +
      this.persons.byteLength +
      this.ids.byteLength +
      this.keptIds.byteLength +
      (this.textGroup.length + this.textKeys.length) * 8
    );
  }
}

/** The keys a record is fingerprinted with: none for a record with more names than one person has. */
export function importKeys(person: FtmPerson, options: ExtractKeysOptions = {}): FingerprintKey[] {
  return nameLimitProblem(person) === null ? extractKeys(person, options) : [];
}

/**
 * Persons held in memory (the CLI): the report, and the persons with each
 * person's first record only, in the file's order.
 */
export function findDuplicatePersons(
  persons: readonly FtmPerson[],
  options: ExtractKeysOptions = {},
): { report: DuplicateReport; distinct: FtmPerson[] } {
  const detector = new DuplicateDetector();
  const distinct = persons.filter(
    (p) => !detector.addPerson(p, (q) => importKeys(q, options)).duplicate,
  );
  return { report: detector.report(), distinct };
}

/** Whether an import of these records (distinct persons only, or all) can tell every record apart. */
export function idsUsable(report: DuplicateReport, distinctOnly: boolean): boolean {
  return (distinctOnly ? report.conflictingIds : report.repeatedIds) === 0;
}
