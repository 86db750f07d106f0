/**
 * A case reference is the one free-text field of a case that reaches the hub
 * in clear (it is the organisation's own label). This check keeps the
 * suspect's name out of it: a reference is refused when one of its tokens is
 * a token of a name entered for the case, compared the way fingerprinting
 * compares names — case folded, diacritics stripped, in the name's own
 * script, transliterated to Latin (Иванов = IVANOV), and by phonetic
 * skeleton (محمد = MOHAMMED). Runs on the client, before anything is sent.
 *
 * Limits, on purpose:
 * - Name tokens shorter than 3 letters are ignored: particles and articles
 *   (al, el, de, bin's "b." …) and initials would refuse most references.
 *   Titles (General, Sheikh) and connectors (Abu, bin, van) are ignored too.
 * - Latin names are compared by skeleton only when the skeleton has at least
 *   3 consonant classes (Mohammed = MUHAMMAD), so two-consonant names (Sari)
 *   do not refuse country codes (SYR); a name written in a script without
 *   short vowels (Arabic) is compared by skeleton whatever its length.
 * - Reference tokens are whole runs of letters: a name glued inside a longer
 *   word (CASEIVANOV) is not found. Scripts written without spaces (Chinese,
 *   Japanese, Korean) are the exception: a name of 2+ characters is refused
 *   anywhere in the reference.
 */
import { isNameProperty, type RowCheck } from './import-problems.js';
import { TITLES } from './normalize/names.js';
import { skeleton } from './normalize/skeleton.js';
import { foldCase, toLatin } from './normalize/translit.js';

/** Name tokens shorter than this (in letters) are ignored. */
export const MIN_NAME_TOKEN_LETTERS = 3;

/** Connectors of at least 3 letters that say nothing about whom a case is about. */
// prettier-ignore
const CONNECTORS: ReadonlySet<string> = new Set([
  'abu', 'abou', 'abd', 'abdul', 'abdel', 'bin', 'ibn', 'ben', 'bint', 'ould', 'van', 'von', 'der',
  'den', 'del', 'della', 'dos', 'das', 'des', 'ter', 'ten', 'the', 'and',
]);

const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

interface Token {
  /** Case folded, diacritics stripped, in its own script. */
  readonly native: string;
  /** Its Latin reading, split where the transliteration splits (عبدالله = abd allah). */
  readonly latin: readonly string[];
}

/** Case folded, marks and joiners removed, tatweel dropped, in the text's own script. */
function fold(text: string): string {
  return foldCase(text)
    .normalize('NFD')
    .replace(/[\p{M}\u0640\u200C\u200D]/gu, '')
    .normalize('NFC');
}

function words(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length > 0);
}

function latinParts(word: string): string[] {
  return toLatin(word)
    .split(/[\s-]+/u)
    .filter((p) => /^[a-z]+$/u.test(p));
}

const toToken = (native: string): Token => ({ native, latin: latinParts(native) });

const ignorable = (latin: string): boolean => TITLES.has(latin) || CONNECTORS.has(latin);

const isLatin = (word: string): boolean => /^[a-z]+$/u.test(word);

/** Skeletons a name token is recognised by (see the module comment for when). */
function nameSkeletons(token: Token): string[] {
  const latinScript = isLatin(token.native);
  return token.latin
    .filter((l) => l.length >= MIN_NAME_TOKEN_LETTERS && !ignorable(l))
    .map(skeleton)
    .filter((s) => !latinScript || s.replace(/^A/u, '').length >= 3);
}

interface NameForms {
  readonly natives: Set<string>;
  readonly latins: Set<string>;
  readonly skeletons: Set<string>;
  /** Names in unspaced scripts, matched anywhere in the reference. */
  readonly unspaced: string[];
}

function nameForms(names: readonly string[]): NameForms {
  const forms: NameForms = {
    natives: new Set(),
    latins: new Set(),
    skeletons: new Set(),
    unspaced: [],
  };
  for (const name of names) {
    for (const word of words(name)) {
      if (UNSPACED_SCRIPT.test(word)) {
        if (word.length >= 2) forms.unspaced.push(word);
        continue;
      }
      const token = toToken(word);
      const meaningful = token.latin.filter(
        (l) => l.length >= MIN_NAME_TOKEN_LETTERS && !ignorable(l),
      );
      if ([...word].length >= MIN_NAME_TOKEN_LETTERS && meaningful.length > 0)
        forms.natives.add(word);
      for (const l of meaningful) forms.latins.add(l);
      for (const s of nameSkeletons(token)) forms.skeletons.add(s);
    }
  }
  return forms;
}

function tokenMatches(token: Token, forms: NameForms): boolean {
  if (forms.natives.has(token.native)) return true;
  return token.latin.some(
    (l) =>
      l.length >= MIN_NAME_TOKEN_LETTERS &&
      (forms.latins.has(l) || forms.skeletons.has(skeleton(l))),
  );
}

/**
 * The tokens of `reference` (as folded, in their own script) that are, or
 * read as, a token of one of `names`; empty when the reference is clean.
 */
export function referenceNameTokens(reference: string, names: readonly string[]): string[] {
  const forms = nameForms(names);
  const hits = new Set<string>();
  const folded = fold(reference);
  for (const word of forms.unspaced) if (folded.includes(word)) hits.add(word);
  for (const word of words(reference)) {
    if (tokenMatches(toToken(word), forms)) hits.add(word);
  }
  return [...hits];
}

/** Whether `reference` carries a token of one of `names` (see {@link referenceNameTokens}). */
export function referenceContainsName(reference: string, names: readonly string[]): boolean {
  return referenceNameTokens(reference, names).length > 0;
}

/**
 * The import row check of a reference every row shares (the web import's
 * prefix; the keyed part after it is random letters and digits, never a
 * name): a row whose names have a token in `reference` is skipped as
 * `reference_contains_name`, naming the name column, never the value.
 * Runs where the names are (the fingerprint worker, the CLI).
 */
export function referenceNameCheck(reference: string): RowCheck {
  if (reference.trim().length === 0) return () => [];
  return (fields) => {
    const named = fields.find(
      (f) => isNameProperty(f.property) && referenceContainsName(reference, f.values),
    );
    return named ? [{ field: named.field, code: 'reference_contains_name' }] : [];
  };
}
