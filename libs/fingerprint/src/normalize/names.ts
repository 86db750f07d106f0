/**
 * Name tokenisation (schema v1): titles and ranks, Arabic articles, name
 * particles (Abd al-, Abu, bin / ibn / ould, van / de…), compound suffixes
 * (ad-Din, -allah, -zadeh) and glued forms (Alshanti, Abdulrahman,
 * Binladin, Vanmazijk).
 *
 * A token carries one or more Latin *forms*: the first is its primary
 * reading, the others are alternative readings of the same written word (a
 * glued article that may or may not be one; a particle that other sources
 * glue on). Keys are made for every form, so either reading can meet.
 */
import { skeleton } from './skeleton.js';
import { toLatin } from './translit.js';

/** One name token with its alternative Latin forms (primary first). */
export interface NameToken {
  readonly forms: readonly string[];
}

/** Titles, honorifics and ranks, dropped when they lead a name (after transliteration). */
// prettier-ignore
export const TITLES: ReadonlySet<string> = new Set([
  // civil and academic
  'mr', 'mrs', 'ms', 'miss', 'mx', 'messrs', 'dr', 'doctor', 'doktor', 'dktwr', 'prof', 'professor',
  'eng', 'engr', 'engineer', 'sir', 'lord', 'lady', 'dame', 'hon', 'honorable', 'honourable',
  'president', 'minister', 'judge', 'justice', 'ambassador', 'governor', 'senator', 'deputy',
  'gospodin', 'gospozha', 'kyrios', 'kyria', 'monsieur', 'madame', 'mme', 'mlle',
  'herr', 'frau', 'senor', 'senora', 'signor', 'signora', 'bay', 'bayan',
  // religious
  'sheikh', 'sheik', 'shaikh', 'shaykh', 'shaik', 'cheikh', 'cheik', 'shykh', 'shyk', 'shekh',
  'haj', 'hajj', 'hadj', 'haji', 'hajji', 'hadji', 'hajja', 'hajjah', 'alhaj', 'alhajj', 'alhaji',
  'mullah', 'mulla', 'mla', 'molla', 'mawlawi', 'maulvi', 'mawlavi', 'moulavi', 'molvi', 'maulana',
  'mawlana', 'mufti', 'mfty', 'imam', 'amam', 'ayatollah', 'ayatullah', 'ayatolah', 'hojatoleslam',
  'hojjatoleslam', 'hojatolislam', 'hujjatulislam', 'ustad', 'ustadh', 'ustaz', 'ustadz', 'astadh',
  'rev', 'reverend', 'father', 'fr', 'bishop', 'archbishop', 'metropolitan', 'patriarch',
  'archimandrite', 'rabbi', 'pastor', 'deacon', 'brother', 'sister',
  // military and police ranks
  'general', 'gen', 'heneral', 'lieutenant', 'lt', 'leytenant', 'leitenant', 'colonel', 'col',
  'polkovnik', 'podpolkovnik', 'major', 'maj', 'mayor', 'captain', 'capt', 'cpt', 'kapitan',
  'brigadier', 'brig', 'commander', 'cdr', 'cmdr', 'comdr', 'admiral', 'adm', 'kontr', 'vitse',
  'sergeant', 'sgt', 'serzhant', 'marshal', 'marshall', 'corporal', 'cpl', 'private', 'pvt',
  'commandant', 'commodore', 'warrant', 'officer', 'ensign', 'field', 'staff', 'chief',
  'stratigos', 'strategos', 'syntagmatarchis', 'antisyntagmatarchis', 'tagmatarchis',
  'sartip', 'sarlashkar', 'sarhang', 'sardar', 'sepahbod', 'liwa', 'lwaa',
  'aqyd', 'mqdm', 'nqyb', 'fryq',
  // nobility
  'prince', 'princess', 'king', 'queen', 'duke', 'count', 'countess', 'baron', 'pasha', 'bey',
  'effendi',
]);

/** Multi-word titles, matched in lead position. */
// prettier-ignore
const TITLE_PHRASES: ReadonlyArray<readonly string[]> = [
  ['hojjat', 'ol', 'eslam'], ['hojat', 'ol', 'eslam'], ['hujjat', 'al', 'islam'],
  ['ayat', 'allah'], ['ayat', 'ollah'], ['hojjat', 'al', 'islam'],
];

/** Trailing generational suffixes and other noise tokens, dropped anywhere. */
// prettier-ignore
const NOISE: ReadonlySet<string> = new Set(['jr', 'sr', 'jnr', 'snr', 'ii', 'iii', 'iv', 'nee', 'born']);

/** The Arabic article (and the Persian/Urdu ezafe "ol"/"ul"), dropped before another token. */
// prettier-ignore
const ARTICLES: ReadonlySet<string> = new Set(['al', 'el', 'ul', 'ol', 'il']);

/** Sun-letter forms of the article; only an article when hyphen-joined to the next word (ad-Din). */
// prettier-ignore
const SUN_ARTICLES: ReadonlySet<string> = new Set([
  'ad', 'ar', 'as', 'at', 'az', 'an', 'ash', 'adh', 'ath', 'ed', 'er', 'es', 'et', 'ez', 'en',
  'ud', 'ur', 'us', 'ut', 'uz', 'un', 'ush', 'esh', 'eth',
]);

/** "Servant of": always part of a compound with the next word. */
// prettier-ignore
const ABD_FORMS: ReadonlySet<string> = new Set([
  'abd', 'abdul', 'abdel', 'abdal', 'abdol', 'abdil', 'abdu', 'abdur', 'abdus', 'abdun', 'abduz',
  'abdush', 'abdoul', 'abdelal',
]);

/** "Abed" is either a clipped "Abd" (Abed Allah) or the given name Abed (عابد): both readings are kept. */
const AMBIGUOUS_ABD: ReadonlySet<string> = new Set(['abed', 'abid']);

/** "Father of": forms a compound surname with the next word (Abu Teir, Abou Tayr, Abutair). */
const ABU_FORMS: ReadonlySet<string> = new Set([
  'abu',
  'abou',
  'abo',
  'aboo',
  'abul',
  'abi',
  'abuu',
]);

/**
 * Connectors that sources either write apart, glue on, or leave out: "son
 * of" (bin Laden / Binladin / Laden) and European particles (Van Mazijk /
 * Vanmazijk / Mazijk). The connector is dropped and the next token gains the
 * glued form as an alternative.
 */
// prettier-ignore
const PATRONYMIC_CONNECTORS: ReadonlySet<string> = new Set(['bin', 'ibn', 'ben', 'bint', 'binti', 'ould', 'walad', 'ibnu']);
// prettier-ignore
const EUROPEAN_PARTICLES: ReadonlySet<string> = new Set([
  'van', 'von', 'der', 'den', 'de', 'del', 'della', 'delle', 'di', 'du', 'des', 'da', 'dos', 'das',
  'ter', 'ten', 'vander', 'vanden', 'zu', 'af', 'av', 'degli', 'dei',
]);

/** Second halves of compound given names, merged into the previous token (Ala al-Din = Alaeddin). */
// prettier-ignore
const SUFFIX_COMPOUNDS: Readonly<Record<string, string>> = {
  din: 'din', deen: 'din', dine: 'din', dinne: 'din', eddin: 'din', eddine: 'din', uddin: 'din',
  uddeen: 'din', addin: 'din', iddin: 'din', aldin: 'din', eldin: 'din', aldeen: 'din',
  eldeen: 'din', oddin: 'din', edin: 'din', udin: 'din', dyn: 'din', aldyn: 'din',
  allah: 'allah', ullah: 'allah', ollah: 'allah', illah: 'allah', ulla: 'allah', olla: 'allah', llah: 'allah',
  zadeh: 'zadeh', zade: 'zadeh', zada: 'zadeh', zoda: 'zadeh', zadah: 'zadeh',
};

/** Prefixes merged into the next token (Pour Ansari = Pouransari, Mc Donald = McDonald). */
const PREFIX_COMPOUNDS: ReadonlySet<string> = new Set(['pour', 'pur', 'mac', 'mc']);

const GLUED_ABD =
  /^(abdul|abdel|abdal|abdol|abdil|abdur|abdus|abdun|abduz|abdush|abdoul)([a-z]{3,})$/u;
const GLUED_ARTICLE = /^(al|el)([a-z]{3,})$/u;

interface RawToken {
  text: string;
  /** joined to the next token by a hyphen */
  hyphen: boolean;
}

function rawTokens(latin: string): RawToken[] {
  const out: RawToken[] = [];
  for (const word of latin.split(' ')) {
    const parts = word.split('-').filter((p) => p.length > 0);
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

function regularForms(text: string): string[] {
  const abd = GLUED_ABD.exec(text);
  if (abd) return [`abd${abd[2] as string}`];
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
        out.push({ forms: [`${mergePrefix}abd${next}`] });
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
 * Persian compound given names, written glued or apart (Mohammadreza /
 * Mohammad Reza / محمدرضا, Aliakbar, Gholamhossein): first and second halves.
 */
// prettier-ignore
const COMPOUND_FIRST: readonly string[] = ['mohammad', 'ali', 'gholam', 'amir', 'abol', 'mir', 'seyed', 'hossein', 'nour'];
// prettier-ignore
const COMPOUND_SECOND: readonly string[] = [
  'reza', 'ali', 'akbar', 'asghar', 'hossein', 'hasan', 'mahdi', 'javad', 'jafar', 'bagher', 'taghi', 'naghi',
  'sadegh', 'kazem', 'karim', 'rahim', 'amin', 'hadi', 'ebrahim', 'esmail', 'mohammad', 'mahmoud', 'hamid',
  'masoud', 'naser', 'saeed', 'morteza', 'mostafa', 'mojtaba', 'ehsan', 'hamed', 'nabi', 'vali', 'fazl',
];
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
  const raw = dropLeadingTitles(rawTokens(toLatin(name)));
  const readings = [buildTokens(raw, true)];
  if (raw.some((t) => AMBIGUOUS_ABD.has(t.text))) readings.push(buildTokens(raw, false));
  for (const reading of [...readings]) {
    const split = splitCompounds(reading);
    if (split) readings.push(split);
  }
  const seen = new Set<string>();
  return readings.filter((r) => {
    const sig = JSON.stringify(r);
    if (r.length === 0 || seen.has(sig)) return false;
    seen.add(sig);
    return true;
  });
}
