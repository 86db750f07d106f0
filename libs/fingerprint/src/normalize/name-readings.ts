/**
 * Readings of a name (schema v2): as written first, then, only where they
 * apply, ç / ş sounded out, glued Arabic script split (arabic-glued.ts),
 * "X ul Y" as one name, the Latin conventions of Arabic-family names
 * (arabic-latin.ts), a second reading of an ambiguous particle ("Abed") and
 * glued compound given names split in two. Each reading is tokenised by
 * name-tokens.ts.
 */
import { conventionReadings, diacriticVariants } from './arabic-latin.js';
import { splitGluedArabic } from './arabic-glued.js';
import {
  AMBIGUOUS_ABD,
  COMPOUND_FIRST,
  COMPOUND_SECOND,
  IDAFA,
  SUFFIX_COMPOUNDS,
} from './name-tables.js';
import {
  buildTokens,
  dropLeadingTitles,
  rawTokens,
  type NameToken,
  type RawToken,
} from './name-tokens.js';
import { skeleton } from './skeleton.js';
import { toLatin } from './translit.js';

/**
 * Skeleton of a glued compound (the second half loses its initial vowel
 * marker) → its two halves; on a collision the earlier, more common second
 * half wins (Gholamhossein, not Gholam Ehsan).
 */
const COMPOUNDS: ReadonlyMap<string, readonly [string, string]> = (() => {
  const map = new Map<string, readonly [string, string]>();
  for (const first of COMPOUND_FIRST) {
    for (const second of COMPOUND_SECOND) {
      const key = skeleton(first + second);
      if (second !== first && !map.has(key)) map.set(key, [first, second]);
    }
  }
  return map;
})();

/** The reading with glued compound given names split in two, or null when there is none. */
function splitCompounds(reading: readonly NameToken[]): NameToken[] | null {
  let changed = false;
  const out: NameToken[] = [];
  for (const token of reading) {
    const halves = COMPOUNDS.get(skeleton(token.forms[0] as string));
    if (halves) {
      out.push({ forms: [halves[0]] }, { forms: [halves[1]] });
      changed = true;
    } else {
      out.push(token);
    }
  }
  return changed ? out : null;
}

/**
 * Token lists of one name: as written first, then read with ç / ş sounded
 * out, with glued Arabic-script words split, and under the Latin
 * conventions of Arabic-family names (arabic-latin.ts).
 */
function rawReadings(name: string): RawToken[][] {
  const sources = [name, ...diacriticVariants(name)];
  const glued = splitGluedArabic(name);
  if (glued !== null) sources.push(glued);
  const out: RawToken[][] = [];
  for (const source of sources) {
    const raw = rawTokens(toLatin(source));
    out.push(raw);
    const idafa = raw.length >= 3 && raw.some((t) => IDAFA.has(t.text)) ? idafaReading(raw) : null;
    if (idafa) out.push(idafa);
    for (const alt of conventionReadings(raw.map((t) => t.text))) {
      out.push(raw.map((t, i) => ({ text: alt[i] as string, hyphen: t.hyphen })));
    }
  }
  return out;
}

/**
 * The reading with "X ul Y" glued into one given name, as many sources
 * write it (Noor ul Amin = Nurulamin, Zia-ul-Haq = Ziaulhaq), or null. Only
 * the u/o forms: "al" between two names is mostly a family name's article
 * (Mohammed al Tamimi), and ud-Din is merged already.
 */
function idafaReading(raw: readonly RawToken[]): RawToken[] | null {
  let changed = false;
  const out: RawToken[] = [];
  for (let i = 0; i < raw.length; i++) {
    const tok = raw[i] as RawToken;
    const next = raw[i + 1];
    const previous = out[out.length - 1];
    if (previous && next && IDAFA.has(tok.text) && SUFFIX_COMPOUNDS[next.text] === undefined) {
      out[out.length - 1] = { text: previous.text + tok.text + next.text, hyphen: next.hyphen };
      changed = true;
      i++;
      continue;
    }
    out.push(tok);
  }
  return changed ? out : null;
}

export function readingsOf(name: string): NameToken[][] {
  const readings: NameToken[][] = [];
  for (const rawReading of rawReadings(name)) {
    const raw = dropLeadingTitles(rawReading);
    readings.push(buildTokens(raw, true));
    if (raw.some((t) => AMBIGUOUS_ABD.has(t.text))) readings.push(buildTokens(raw, false));
  }
  for (const reading of [...readings]) {
    const split = splitCompounds(reading);
    if (split) readings.push(split);
  }
  return readings;
}
