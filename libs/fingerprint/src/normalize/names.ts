/**
 * Name tokenisation (schema v2), the entry points: a name value split into
 * the names it packs, and each name into one or more *readings*, token lists
 * whose tokens carry one or more Latin *forms* (primary first). How a
 * reading is cut into tokens (titles, articles, particles, compound
 * suffixes, the Persian ezafe, glued forms): name-tokens.ts. Which readings
 * a name has (as written first, then only where they apply): name-readings.ts.
 * Keys are made for every form of every reading, so any reading can meet.
 */
import { readingsOf } from './name-readings.js';
import type { NameToken } from './name-tokens.js';

export { TITLES } from './name-tables.js';
export type { NameToken } from './name-tokens.js';

/** Splits one FtM name value that packs several names ("A a.k.a. B", "A; B", "A / B"). */
export function splitNameVariants(value: string): string[] {
  return value
    .split(/\s+(?:a\.?k\.?a\.?|f\.?k\.?a\.?|alias|also known as)\s+|;|\||\s\/\s/iu)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * Tokenises one name into one or more readings (token lists). Most names
 * have a single reading; an ambiguous particle ("Abed") yields two.
 * Returns [] when nothing name-like is left.
 */
export function tokenizeName(name: string): NameToken[][] {
  const readings = readingsOf(name).filter((r) => r.length > 0);
  if (readings.length <= 1) return readings;
  return [...new Map(readings.map((r) => [JSON.stringify(r), r])).values()].slice(0, MAX_READINGS);
}

/** Readings kept per name: every alternative reading multiplies keys, and keys per case are capped. */
const MAX_READINGS = 8;
