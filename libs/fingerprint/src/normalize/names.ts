/**
 * Name tokenisation (schema v2): titles and ranks, Arabic articles, name
 * particles (Abd al-, Abu, bin / ibn / ould, van / de…), compound suffixes
 * (ad-Din, -allah, -zadeh, -zai), the Persian ezafe and glued forms
 * (Alshanti, Abdulrahman, Binladin, Vanmazijk). Word lists: name-tables.ts.
 *
 * A token carries one or more Latin *forms*: the first is its primary
 * reading, the others are alternative readings of the same written word (a
 * glued article that may or may not be one; a particle that other sources
 * glue on). A name has one or more *readings*: as written first, then, only
 * where they apply, ç / ş sounded out, glued Arabic script split
 * (arabic-glued.ts), "X ul Y" as one name, and the Latin conventions of
 * Arabic-family names (arabic-latin.ts). Keys are made for every form of
 * every reading, so any reading can meet.
 */
import { conventionReadings, diacriticVariants, fixToken } from './arabic-latin.js';
import { splitGluedArabic } from './arabic-glued.js';
import {
  ABD_FORMS,
  ABU_FORMS,
  AMBIGUOUS_ABD,
  COMPOUND_FIRST,
  COMPOUND_SECOND,
  ARTICLES,
  EUROPEAN_PARTICLES,
  IDAFA,
  NOISE,
  PATRONYMIC_CONNECTORS,
  PREFIX_COMPOUNDS,
  SUFFIX_COMPOUNDS,
  SUN_ARTICLES,
  TITLE_PHRASES,
  TITLES,
} from './name-tables.js';
import { skeleton } from './skeleton.js';
import { toLatin } from './translit.js';

export { TITLES } from './name-tables.js';

/** One name token with its alternative Latin forms (primary first). */
export interface NameToken {
  readonly forms: readonly string[];
}

const GLUED_ABD =
  /^(abdul|abdel|abdal|abdol|abdil|abdur|abdus|abdun|abduz|abdush|abdoul|abdoel)([a-z]{3,})$/u;
const GLUED_ARTICLE = /^(al|el)([a-z]{3,})$/u;

interface RawToken {
  text: string;
  /** joined to the next token by a hyphen */
  hyphen: boolean;
}

/**
 * The Persian ezafe hyphen-joined to the word it follows (Mohammad-e Ali,
 * Mousa-ye Sadr): a grammatical ending, not a name word. "ye" only after a
 * vowel, as Persian writes it, so Jian-ye stays.
 */
function isEzafe(previous: string | undefined, part: string): boolean {
  if (previous === undefined) return false;
  if (part === 'e' || part === 'i') return true;
  return (part === 'ye' || part === 'yi') && /[aeiou]$/u.test(previous);
}

function rawTokens(latin: string): RawToken[] {
  const out: RawToken[] = [];
  for (const word of latin.split(' ')) {
    let parts = word.split('-').filter((p) => p.length > 0);
    if (parts.length > 1) parts = parts.filter((p, i) => !isEzafe(parts[i - 1], p));
    if (word.includes('llakh')) parts = parts.map(fixToken);
    parts.forEach((text, index) => out.push({ text, hyphen: index < parts.length - 1 }));
  }
  return out.filter((t) => t.text.length > 0 && !/^[0-9]+$/u.test(t.text) && !NOISE.has(t.text));
}

function dropLeadingTitles(tokens: RawToken[]): RawToken[] {
  let ts = tokens;
  for (;;) {
    if (ts.length <= 1) return ts;
    const phrase = TITLE_PHRASES.find((p) => p.every((w, i) => ts[i]?.text === w));
    if (phrase && ts.length > phrase.length) {
      ts = ts.slice(phrase.length);
      continue;
    }
    const first = ts[0] as RawToken;
    if (TITLES.has(first.text)) {
      ts = ts.slice(1);
      continue;
    }
    const second = ts[1];
    if (ARTICLES.has(first.text) && second && TITLES.has(second.text) && ts.length > 2) {
      ts = ts.slice(2);
      continue;
    }
    return ts;
  }
}

function isArticle(tokens: readonly RawToken[], i: number): boolean {
  const t = tokens[i];
  if (!t || i >= tokens.length - 1) return false;
  return ARTICLES.has(t.text) || (SUN_ARTICLES.has(t.text) && t.hyphen);
}

/** Index of the next non-article token at or after i, or -1. */
function nextWord(tokens: readonly RawToken[], i: number): number {
  let j = i;
  while (j < tokens.length && isArticle(tokens, j)) j++;
  return j < tokens.length ? j : -1;
}

function stripGluedArticle(word: string): string {
  const m = GLUED_ARTICLE.exec(word);
  return m ? (m[2] as string) : word;
}

/**
 * Abd + the next word. A j after "abd" would make the digraph dj with its d
 * (Abd al-Jalil → "abdjalil" = a-b-J), while French Abdeldjalil keeps the d:
 * both are written abd + dj.
 */
function abdCompound(next: string): string {
  return `abd${next.startsWith('j') ? `d${next}` : next}`;
}

function regularForms(text: string): string[] {
  const abd = GLUED_ABD.exec(text);
  if (abd) return [abdCompound(abd[2] as string)];
  const forms = [text];
  const art = GLUED_ARTICLE.exec(text);
  if (art) forms.push(art[2] as string);
  return forms;
}

function buildTokens(tokens: readonly RawToken[], abedAsAbd: boolean): NameToken[] {
  const out: { forms: string[] }[] = [];
  let gluePrefix = '';
  let mergePrefix = '';
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i] as RawToken;
    const t = tok.text;
    const isLast = i === tokens.length - 1;
    if (!isLast && isArticle(tokens, i)) continue;
    if (!isLast && (ABD_FORMS.has(t) || (abedAsAbd && AMBIGUOUS_ABD.has(t)))) {
      const j = nextWord(tokens, i + 1);
      if (j > i) {
        const next = stripGluedArticle((tokens[j] as RawToken).text);
        out.push({ forms: [mergePrefix + abdCompound(next)] });
        mergePrefix = '';
        i = j;
        continue;
      }
    }
    if (!isLast && ABU_FORMS.has(t)) {
      const j = nextWord(tokens, i + 1);
      if (j > i) {
        const next = stripGluedArticle((tokens[j] as RawToken).text);
        out.push({ forms: [`${mergePrefix}abu${next}`] });
        mergePrefix = '';
        i = j;
        continue;
      }
    }
    if (!isLast && PATRONYMIC_CONNECTORS.has(t) && !(t === 'ben' && out.length === 0)) {
      gluePrefix += 'bin';
      continue;
    }
    if (!isLast && EUROPEAN_PARTICLES.has(t)) {
      gluePrefix += t;
      continue;
    }
    if (!isLast && PREFIX_COMPOUNDS.has(t)) {
      mergePrefix += t;
      continue;
    }
    const suffix = SUFFIX_COMPOUNDS[t];
    const previous = out[out.length - 1];
    if (suffix !== undefined && previous && gluePrefix === '' && mergePrefix === '') {
      previous.forms = previous.forms.map((f) => f + suffix);
      continue;
    }
    const forms = regularForms(t).map((f) => mergePrefix + f);
    if (gluePrefix !== '') forms.push(gluePrefix + forms[0]);
    out.push({ forms });
    gluePrefix = '';
    mergePrefix = '';
  }
  return out
    .map((t) => ({ forms: [...new Set(t.forms.filter((f) => f.length >= 2))] }))
    .filter((t) => t.forms.length > 0);
}

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

function readingsOf(name: string): NameToken[][] {
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
