/**
 * An organisation's case reference pattern, e.g. `UA-####-@@`: a small
 * template language instead of a regular expression, because NGO staff do
 * not write regular expressions and the hub must not run one an organisation
 * wrote (a catastrophic backtracking pattern would stall it).
 *
 * - `#` one digit, `@` one letter (any script), `*` one or more letters or digits;
 * - any other character stands for itself (letters, digits, space, `. _ / : -`).
 *
 * The compiled expression is anchored and has no nested quantifier; two `*`
 * must be parted by a separator that is neither a letter nor a digit
 * (`*-*`, not `**` or `*#*`), so each `*` ends at a known character and
 * matching stays linear. Shared by the API (which enforces it) and the
 * clients (which check first).
 */
export const MAX_REFERENCE_PATTERN_LENGTH = 64;

/** Why a pattern is refused, or null: each reason has a message in the clients. */
export type ReferencePatternProblem = 'empty' | 'too_long' | 'character' | 'stars' | 'start';

const PLACEHOLDERS = '#@*';
const LITERAL = /^[\p{L}\p{N} ._/:-]$/u;
const SEPARATOR = /^[ ._/:-]$/u;

/** Literals are letters, digits and `. _ / : -` and space: only `.` and `/` mean something to RegExp. */
function escape(ch: string): string {
  return ch === '.' || ch === '/' ? `\\${ch}` : ch;
}

/** Why `pattern` cannot be an organisation's reference pattern, or null when it can. */
export function referencePatternProblem(pattern: string): ReferencePatternProblem | null {
  const chars = [...pattern];
  if (chars.length === 0 || pattern.trim().length === 0) return 'empty';
  if (chars.length > MAX_REFERENCE_PATTERN_LENGTH) return 'too_long';
  if (chars.some((ch) => !PLACEHOLDERS.includes(ch) && !LITERAL.test(ch))) return 'character';
  if (SEPARATOR.test(chars[0] as string)) return 'start';
  let sinceStar: boolean | null = null; // null: no `*` yet; else whether a separator followed it
  for (const ch of chars) {
    if (ch === '*') {
      if (sinceStar === false) return 'stars';
      sinceStar = false;
    } else if (SEPARATOR.test(ch) && sinceStar === false) {
      sinceStar = true;
    }
  }
  return null;
}

/** The anchored expression a valid pattern compiles to; throws on an invalid one. */
export function compileReferencePattern(pattern: string): RegExp {
  const problem = referencePatternProblem(pattern);
  if (problem !== null) throw new Error(`Invalid reference pattern (${problem})`);
  const body = [...pattern]
    .map((ch) =>
      ch === '#' ? '\\p{Nd}' : ch === '@' ? '\\p{L}' : ch === '*' ? '[\\p{L}\\p{N}]+' : escape(ch),
    )
    .join('');
  return new RegExp(`^${body}$`, 'u');
}

/** Whether `reference` (trimmed) follows `pattern`; no pattern lets every reference through. */
export function matchesReferencePattern(
  pattern: string | null | undefined,
  reference: string,
): boolean {
  if (pattern === null || pattern === undefined) return true;
  return compileReferencePattern(pattern).test(reference.trim());
}

/** A reference that follows `pattern`, shown next to it as an example (`UA-####-@@` → `UA-1234-AB`). */
export function referencePatternExample(pattern: string): string {
  let digit = 0;
  let letter = 0;
  return [...pattern]
    .map((ch) => {
      if (ch === '#') return String(++digit % 10);
      if (ch === '@') return String.fromCharCode(65 + (letter++ % 26));
      if (ch === '*') return 'A1';
      return ch;
    })
    .join('');
}
