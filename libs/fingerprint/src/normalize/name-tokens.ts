/**
 * Name tokens (schema v2): one Latin reading of a name cut into tokens, with
 * titles and ranks dropped, Arabic articles, name particles (Abd al-, Abu,
 * bin / ibn / ould, van / de…) and compound suffixes (ad-Din, -allah,
 * -zadeh, -zai) joined to their word, the Persian ezafe dropped and glued
 * forms (Alshanti, Abdulrahman, Binladin, Vanmazijk) read. Word lists:
 * name-tables.ts.
 *
 * A token carries one or more Latin *forms*: the first is its primary
 * reading, the others are alternative readings of the same written word (a
 * glued article that may or may not be one; a particle that other sources
 * glue on).
 */
import { fixToken } from './arabic-latin.js';
import {
  ABD_FORMS,
  ABU_FORMS,
  AMBIGUOUS_ABD,
  ARTICLES,
  EUROPEAN_PARTICLES,
  NOISE,
  PATRONYMIC_CONNECTORS,
  PREFIX_COMPOUNDS,
  SUFFIX_COMPOUNDS,
  SUN_ARTICLES,
  TITLE_PHRASES,
  TITLES,
} from './name-tables.js';

/** One name token with its alternative Latin forms (primary first). */
export interface NameToken {
  readonly forms: readonly string[];
}

const GLUED_ABD =
  /^(abdul|abdel|abdal|abdol|abdil|abdur|abdus|abdun|abduz|abdush|abdoul|abdoel)([a-z]{3,})$/u;
const GLUED_ARTICLE = /^(al|el)([a-z]{3,})$/u;

/** One word of a name's Latin text, before particles and compounds are joined to their words. */
export interface RawToken {
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

/** The words of a name's Latin text: hyphenated parts apart, without ezafe, numbers and noise words. */
export function rawTokens(latin: string): RawToken[] {
  const out: RawToken[] = [];
  for (const word of latin.split(' ')) {
    let parts = word.split('-').filter((p) => p.length > 0);
    if (parts.length > 1) parts = parts.filter((p, i) => !isEzafe(parts[i - 1], p));
    if (word.includes('llakh')) parts = parts.map(fixToken);
    parts.forEach((text, index) => out.push({ text, hyphen: index < parts.length - 1 }));
  }
  return out.filter((t) => t.text.length > 0 && !/^[0-9]+$/u.test(t.text) && !NOISE.has(t.text));
}

/** Drops the titles and ranks (and "al" + title) that lead a name, keeping at least one word. */
export function dropLeadingTitles(tokens: RawToken[]): RawToken[] {
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

/** Name tokens of one reading; abedAsAbd reads an ambiguous "Abed" as the particle Abd. */
export function buildTokens(tokens: readonly RawToken[], abedAsAbd: boolean): NameToken[] {
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
