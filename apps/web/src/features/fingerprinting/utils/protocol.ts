import type { FileProblemCode, Fingerprint, FtmPerson, RowProblem } from '@parallax/fingerprint';
import type { DuplicateReport } from '@parallax/hub-client';

/**
 * Messages between the page and fingerprint.worker.ts. Plaintext identifiers
 * go to the worker (a form's person, or the file to import) and never come
 * back: the worker answers with fingerprints, counts and masked samples. The
 * worker has no network access of its own: it sends blinded elements to the
 * page, which asks the hub to evaluate them.
 */

export type ImportFormat = 'csv' | 'jsonl';

/** Fingerprint one person entered in the form. */
export interface PersonJob {
  kind: 'person';
  person: FtmPerson;
  groupKey: Uint8Array;
  defaultPhoneCountry?: string;
}

/** Read a file (kept in the worker) and describe what importing it would do. */
export interface ParseJob {
  kind: 'parse';
  file: Blob;
  format: ImportFormat;
  /** CSV: header → target ("name", "birthDate", "id", "identifier:telegram", "ignore"…). */
  mapping?: Record<string, string>;
  defaultPhoneCountry?: string;
  /**
   * The prefix of the cases' references: a row whose names have a token in it
   * is skipped (`reference_contains_name`), here where the names are.
   */
  referencePrefix?: string;
}

/**
 * Fingerprint records [start, end) of the parsed file. The idempotency keys
 * and references are the import orchestrator's (@parallax/hub-client), made
 * on the page from the record ids, as the CLI makes them.
 */
export interface ChunkJob {
  kind: 'chunk';
  start: number;
  end: number;
  groupKey: Uint8Array;
  defaultPhoneCountry?: string;
  /** Count [start, end) among each person's first record only (the dry run's duplicates left out). */
  distinctOnly?: boolean;
  /** The references' prefix: refused unless the file was read (screened) with this one. */
  referencePrefix?: string;
}

export type FingerprintJob = PersonJob | ParseJob | ChunkJob;

export interface PersonResult {
  fingerprints: Fingerprint[];
}

export interface MaskedSample {
  /** Property (or identifier type) → masked values, e.g. "M••••••• A•• T•••". */
  fields: Array<{ property: string; values: string[] }>;
}

export interface ImportPreview {
  format: ImportFormat;
  records: number;
  /** Keys the file would make in all (before deduplication). */
  keys: number;
  /** Distinct keys: the OPRF evaluations the import needs. */
  distinctKeys: number;
  /** Records that make no key (no usable name, date or identifier): they cannot be registered. */
  withoutKeys: number;
  /** Records whose id repeats an earlier one. */
  duplicateIds: number;
  /** Records of the same person (same keys), and ids repeated among distinct persons (import-duplicates.ts). */
  duplicates: DuplicateReport;
  /** This device's time to fingerprint one record, measured on a sample (ms; 0 if nothing to measure). */
  clientMsPerRecord: number;
  /**
   * Records with more names than one person has (CASE_TOO_MANY_NAMES): not
   * fingerprinted, not registered (a case describes one person).
   */
  tooManyNames: number;
  /** CSV: the mapping used, in header order. */
  mapping: Array<{ header: string; target: string }> | null;
  /** CSV: the targets a column may take. */
  targets: string[];
  /** CSV: whether a column gives the record id (else rows are numbered). */
  hasIdColumn: boolean;
  /** JSON Lines: entities of another schema, left out. */
  skipped: number;
  /** Lines (JSON Lines) or rows (CSV) that could not be read and were skipped (numbers only, never content). */
  unreadable: number[];
  /** Why nothing in the file can be imported (then there are no records), or null. */
  fileProblem: FileProblemCode | null;
  /** Rows (CSV) or lines (JSON Lines) skipped, and why: numbers and column names, never values. */
  rowProblems: readonly RowProblem[];
  /** The reference prefix the rows were checked against ('' for none). */
  referencePrefix: string;
  samples: MaskedSample[];
}

export interface ImportRecord {
  index: number;
  /** The record's own id in the file: stays on this device (the receipt). */
  recordId: string;
  fingerprints: Fingerprint[];
}

export interface ChunkResult {
  records: ImportRecord[];
}

export interface JobResults {
  person: PersonResult;
  parse: ImportPreview;
  chunk: ChunkResult;
}

export interface WorkerFailure {
  code: string;
  /** The generic category of the code (RATE_LIMITED…), so the page can branch on it. */
  category: string;
  message: string;
}

export type ToWorker =
  | { type: 'job'; id: number; job: FingerprintJob }
  | { type: 'evaluated'; id: number; call: number; elements: Uint8Array[] }
  | { type: 'evaluate-failed'; id: number; call: number; error: WorkerFailure };

export type FromWorker =
  | { type: 'evaluate'; id: number; call: number; blinded: Uint8Array[] }
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'done'; id: number; result: JobResults[keyof JobResults] }
  | { type: 'failed'; id: number; error: WorkerFailure };
