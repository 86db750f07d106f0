/**
 * Reads an import file's bytes the same way in the web import and the CLI:
 * first what the bytes are (empty, binary, not UTF-8) — before any parsing,
 * so a picture or a spreadsheet gives one clear problem, not a thousand
 * "rows" — then the records, then what the records add up to.
 */
import { parsePersonsCsv, type CsvMapping } from './csv.js';
import {
  identifiesPerson,
  ROW_CHECKS,
  type FileProblemCode,
  type RowCheck,
  type RowProblem,
} from './import-problems.js';
import { parsePersonsJsonl } from './jsonl.js';
import type { FtmPerson } from './types.js';

export type ImportFileFormat = 'csv' | 'jsonl';

/** How much of the start of a file is inspected for binary content. */
export const SNIFF_BYTES = 8192;

export interface ImportFileOptions {
  readonly format: ImportFileFormat;
  /** CSV: explicit header → target mapping. */
  readonly mapping?: CsvMapping | undefined;
  /** Checks run after the standard ones (ROW_CHECKS). */
  readonly rowChecks?: readonly RowCheck[];
  readonly today?: Date;
}

export interface ImportFileRead {
  readonly format: ImportFileFormat;
  /** Why nothing can be imported, or null. With a problem, `persons` is empty. */
  readonly problem: FileProblemCode | null;
  readonly persons: FtmPerson[];
  /** Rows (CSV) or lines (JSON Lines) skipped, and why. */
  readonly rowProblems: readonly RowProblem[];
  /** CSV: headers in file order and the mapping used; empty for JSON Lines. */
  readonly headers: readonly string[];
  readonly mapping: Readonly<Record<string, string>>;
  /** JSON Lines: entities of another schema, left out on purpose. */
  readonly otherSchema: number;
  /** JSON Lines: persons whose id was derived from their content. */
  readonly derivedIds: number;
  /** Parser warnings that concern no single row. */
  readonly warnings: readonly string[];
}

/** The format a file name suggests, or null when the name says nothing. */
export function formatOfName(name: string): ImportFileFormat | null {
  if (/\.(jsonl|ndjson|json|ftm)$/iu.test(name)) return 'jsonl';
  if (/\.(csv|tsv)$/iu.test(name)) return 'csv';
  return null;
}

/** UTF-16 written without a byte-order mark: every other byte of ASCII text is 0. */
function looksUtf16(head: Uint8Array): boolean {
  const n = Math.min(head.length, 512) & ~1;
  if (n < 4) return false;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenZero++;
    if (head[i + 1] === 0) oddZero++;
  }
  const half = n / 2;
  return (oddZero > half * 0.8 && evenZero === 0) || (evenZero > half * 0.8 && oddZero === 0);
}

/**
 * The file's text, or why it is not usable text. UTF-8 (with or without a
 * byte-order mark) and UTF-16 with a byte-order mark (Excel's "Unicode text")
 * are read; NUL bytes in the first {@link SNIFF_BYTES} mean binary.
 */
export function decodeImportBytes(
  bytes: Uint8Array,
): { text: string; problem: null } | { text: null; problem: FileProblemCode } {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes);
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes);
  else {
    const head = bytes.subarray(0, SNIFF_BYTES);
    if (head.includes(0))
      return { text: null, problem: looksUtf16(head) ? 'not_utf8' : 'not_text' };
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return { text: null, problem: 'not_utf8' };
    }
  }
  // TextDecoder drops a leading byte-order mark itself; a second one is still whitespace to us.
  text = text.replace(/^\uFEFF+/u, '');
  return text.trim().length === 0 ? { text: null, problem: 'empty' } : { text, problem: null };
}

const nothing = (format: ImportFileFormat, problem: FileProblemCode): ImportFileRead => ({
  format,
  problem,
  persons: [],
  rowProblems: [],
  headers: [],
  mapping: {},
  otherSchema: 0,
  derivedIds: 0,
  warnings: [],
});

/** Reads an import file: its file-level problem, or its persons and the rows it skipped. */
export function readImportFile(bytes: Uint8Array, options: ImportFileOptions): ImportFileRead {
  const { format } = options;
  const decoded = decodeImportBytes(bytes);
  if (decoded.problem !== null) return nothing(format, decoded.problem);
  const { text } = decoded;
  const startsLikeJson = /^\s*[{[]/u.test(text);
  const common = {
    rowChecks: [...ROW_CHECKS, ...(options.rowChecks ?? [])],
    ...(options.today ? { today: options.today } : {}),
  };
  if (format === 'jsonl') {
    const r = parsePersonsJsonl(text, common);
    if (r.jsonObjects === 0) return nothing(format, 'unknown_format');
    const problem = r.persons.length === 0 && r.rowProblems.length === 0 ? 'no_records' : null;
    return {
      format,
      problem,
      persons: r.persons,
      rowProblems: r.rowProblems,
      headers: [],
      mapping: {},
      otherSchema: r.otherSchema,
      derivedIds: r.derivedIds,
      warnings: [],
    };
  }
  if (startsLikeJson) return nothing(format, 'unknown_format');
  const r = parsePersonsCsv(text, {
    ...common,
    ...(options.mapping ? { mapping: options.mapping } : {}),
  });
  const base = {
    format,
    headers: r.headers,
    mapping: r.mapping,
    otherSchema: 0,
    derivedIds: 0,
    warnings: r.warnings,
  };
  // Without a name (or identifier) column every row would be skipped as nameless: say what to do instead.
  if (!r.headers.some((h) => identifiesPerson(r.mapping[h] ?? 'ignore')))
    return { ...base, problem: 'no_name_column', persons: [], rowProblems: [] };
  const problem = r.persons.length === 0 && r.rowProblems.length === 0 ? 'no_records' : null;
  return { ...base, problem, persons: r.persons, rowProblems: r.rowProblems };
}
