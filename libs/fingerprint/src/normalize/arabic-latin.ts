/**
 * Latin spelling conventions of Arabic-family names (schema v2), as token
 * rewrites that give an *alternative* reading of a name. The as-written
 * reading always stays, so a Western name can gain keys here but never lose
 * the ones it had.
 *
 * | convention                         | rewrite (then the skeleton does the rest)         | example                      |
 * |------------------------------------|---------------------------------------------------|------------------------------|
 * | Somali                             | x → h (ḥ), c → nothing (ʿayn)                     | Maxamed Cali = Mohamed Ali   |
 * | Turkish / Azeri                    | c → j                                             | Cemal = Jamal, Recep = Rajab |
 * | Malay / Indonesian                 | sy → sh                                           | Syarif = Sharif              |
 * | Malay / Indonesian (before 1972)   | oe → u, j → y, sj → sh, ch → kh                   | Joesoef = Yusuf, Achmad      |
 * | Russian practice (also Cyrillic)   | g → h, final kh → h                               | Ibragim = Ibrahim, Farakh    |
 *
 * French conventions (ou, dj, ch = sh, kh, gh) need no rewrite: the skeleton
 * classes already merge them; ç and ş are read in {@link diacriticVariants}.
 *
 * A rewrite of a token is accepted only when it carries the convention's own
 * marker (Somali doubled vowels aa/ii/uu/oo; the Dutch-based oe, sj, tj) or
 * when it lands on a frequent Arabic-family name word (arabic-name-words.ts:
 * Cali → Ali, Cafer → Jafar, but Carlos, Jose, Maxwell stay as they are).
 * The reading is offered only when the name then holds two name signals
 * (name words, as written or rewritten, and particles) or one marked
 * rewrite that is a name word (Joesoef): one lucky hit in a Western name
 * (Isaac → "isaa" = Isa) is not enough. The old Indonesian j = y is read
 * only in names that show another mark of that spelling (oe, dj, tj, sj, ch
 * before a consonant: Achmad, Ichsan), and must meet a name word by
 * spelling, or Jones would meet Anas (Dutch shares those marks).
 */
import { ARABIC_NAME_WORDS } from './arabic-name-words.js';
import { skeleton } from './skeleton.js';

interface Convention {
  /** letters the rewrite acts on: a token without them is left alone at once */
  readonly trigger: RegExp;
  /** when set, some token of the name must show it for the convention to apply at all */
  readonly nameMarker?: RegExp;
  /** when some token of the name shows it, every rewrite of the name counts as marked */
  readonly nameMarks?: RegExp;
  /**
   * a rewrite must meet a name word by spelling (vowels folded), not only by skeleton: the
   * convention shares its marks with Dutch, whose names would otherwise meet Arabic ones
   */
  readonly spelled?: boolean;
  /** the rewritten token, or the token itself when the rule does not apply */
  readonly rewrite: (token: string) => string;
  /** true when the token itself shows the convention */
  readonly marker: (token: string) => boolean;
  /** a marked rewrite that lands on a name word is signal enough (Joesoef Hatta) */
  readonly markerSuffices: boolean;
}

const never = (): boolean => false;

// prettier-ignore
const CONVENTIONS: readonly Convention[] = [
  // Somali: no "ch" digraph exists, so a token with ch (Chérif) is not Somali
  {
    trigger: /[xc]/u,
    rewrite: (t) => (/[xc]/u.test(t) && !t.includes('ch') ? t.replace(/x/gu, 'h').replace(/c/gu, '') : t),
    marker: (t) => /aa|ii|uu|oo/u.test(t),
    markerSuffices: false,
    // Somali writes long vowels doubled: Ibraahim Yuusuf marks Cadde as Somali too
    nameMarks: /aa|ii|uu|oo/u,
  },
  // Turkish and Azeri c = j
  { trigger: /c/u, rewrite: (t) => (t.includes('ch') ? t : t.replace(/c/gu, 'j')), marker: never, markerSuffices: false },
  // Malay / Indonesian: sy = sh (Syarif, Syamsul)
  { trigger: /sy[aeiou]/u, rewrite: (t) => t.replace(/sy(?=[aeiou])/gu, 'sh'), marker: never, markerSuffices: false },
  // Malay / Indonesian spelling before 1972 (Dutch-based); dj and j already share a skeleton class
  {
    trigger: /j|ch|oe/u,
    // j = y alone would turn Jones into Yones (= Anas): read it only in names that show the old spelling
    nameMarker: /oe|dj|tj|sj|(?<![st])ch(?![aeiouy])/u,
    spelled: true,
    rewrite: (t) =>
      t
        .replace(/(?<![dst])j/gu, 'y')
        .replace(/sj|sy(?=[aeiou])/gu, 'sh')
        .replace(/(?<![cst])ch/gu, 'kh')
        .replace(/oe/gu, 'u'),
    marker: (t) => /oe|sj|tj|(?<![st])ch(?![aeiouy])/u.test(t),
    markerSuffices: true,
  },
  // Russian practice: г for Arabic h (Ибрагим, Магомед, Гасан), х for a final h (Абдуллах, Фарах)
  {
    trigger: /g|kh$/u,
    rewrite: (t) => t.replace(/(?<![gn])g(?!h)/gu, 'h').replace(/kh$/u, 'h'),
    marker: never,
    markerSuffices: false,
  },
];

const LATIN_WORDS: readonly string[] = ARABIC_NAME_WORDS.flatMap((line) =>
  (line.split(' ')[1] as string).split(','),
);

/** Skeletons of the dictionary's Latin spellings, for words of three or more classes. */
const NAME_SKELETONS: ReadonlySet<string> = new Set(LATIN_WORDS.map(skeleton));

/**
 * Spelling key of short words: kh = h, every vowel (and a non-initial y) one vowel, doubled
 * letters collapsed, a final h dropped (Faarah = Farah, Yakhya = Yahya,
 * Haawo = Hawa).
 */
const shortKey = (word: string): string =>
  word
    .replace(/kh/gu, 'h')
    .replace(/(?<=.)y/gu, 'a')
    .replace(/[aeiou]/gu, 'a')
    .replace(/(.)\1+/gu, '$1')
    .replace(/(?<=.)h$/u, '');

/**
 * Short names (one or two classes: Ali, Isa, Farah, Hadi) are matched by
 * spelling, not by skeleton: their skeletons are so short that unrelated
 * words share them (Hatta / Hadi, Kalla / Gul).
 */
const SHORT_WORDS: ReadonlySet<string> = new Set(LATIN_WORDS.map(shortKey));

function listed(word: string, spelled: boolean): boolean {
  if (word.length < 2) return false;
  if (spelled) return SHORT_WORDS.has(shortKey(word));
  const sk = skeleton(word);
  return sk.length >= 3 ? NAME_SKELETONS.has(sk) : SHORT_WORDS.has(shortKey(word));
}

const PREFIX = /^(?:abd(?:ul|el|al|ol|ur|us|u|i)?|abu|abou|al|el)(?=[a-z]{3,})/u;
const SUFFIX =
  /(?:u?ddin|eddine?|udin|din|[aou]llah?|zadeh?|zada|zai|zay|i?y?ev|i?y?eva|ov|ova|ovich|evich|ovna|evna|in|ina)$/u;

/**
 * True when the token is a frequent Arabic-family name word, possibly with
 * a particle (Abd-, Abu-, al-), a compound suffix (-uddin, -ullah, -zadeh,
 * -zai) or a Russian-style surname ending (-ov, -ev, -in): Magomedov,
 * Abdulaziz, Nasrullah.
 */
export function isNameWord(token: string, spelled = false): boolean {
  const id = spelled ? `=${token}` : token;
  let known = nameWordMemo.get(id);
  if (known === undefined) {
    if (nameWordMemo.size >= MEMO_LIMIT) nameWordMemo.clear();
    known = lookUpNameWord(token, spelled);
    nameWordMemo.set(id, known);
  }
  return known;
}

/** Token → isNameWord, remembered: names repeat their words, and a list holds many names. */
const nameWordMemo = new Map<string, boolean>();
const MEMO_LIMIT = 20_000;

function lookUpNameWord(token: string, spelled: boolean): boolean {
  if (listed(token, spelled)) return true;
  const stem = token.replace(PREFIX, '');
  if (stem !== token && listed(stem, spelled)) return true;
  const root = stem.replace(SUFFIX, '');
  return root !== stem && listed(root, spelled);
}

/** Particles that by themselves mark an Arabic-family name. */
const PARTICLES: ReadonlySet<string> = new Set([
  'abd',
  'abdul',
  'abdel',
  'abdal',
  'abdoel',
  'abu',
  'abou',
  'aboe',
  'bin',
  'ibn',
  'binti',
  'bint',
  'ould',
  'al',
  'el',
  'ul',
  'ad',
  'ud',
  'ed',
]);

/**
 * toLatin leaves an x after s, c, z that carried a hushing mark (Karadžić →
 * karadzxicx): such a token is Slavic and its x is not a Somali ḥ.
 */
const HUSHING = /[scz]x/u;

/** How one convention rewrites one token: null when it does not, or only in ways the skeleton ignores. */
interface Rewrite {
  readonly text: string;
  readonly hit: boolean;
  readonly marked: boolean;
}

/** Token → its rewrite under each convention (acceptance is decided per name), remembered like isNameWord. */
const rewriteMemo = new Map<string, readonly (Rewrite | null)[]>();

function rewritesOf(token: string): readonly (Rewrite | null)[] {
  let known = rewriteMemo.get(token);
  if (known === undefined) {
    if (rewriteMemo.size >= MEMO_LIMIT) rewriteMemo.clear();
    known = CONVENTIONS.map((convention) => {
      if (!convention.trigger.test(token) || HUSHING.test(token)) return null;
      const text = convention.rewrite(token);
      if (text === token) return null;
      if (skeleton(text) === skeleton(token)) return null;
      return { text, hit: isNameWord(text, convention.spelled), marked: convention.marker(token) };
    });
    rewriteMemo.set(token, known);
  }
  return known;
}

function conventionReading(
  tokens: readonly string[],
  rewrites: readonly (readonly (Rewrite | null)[])[],
  index: number,
): string[] | null {
  if (!rewrites.some((r) => r[index])) return null;
  const convention = CONVENTIONS[index] as Convention;
  const { nameMarker, nameMarks } = convention;
  if (nameMarker && !tokens.some((t) => nameMarker.test(t))) return null;
  const marks = nameMarks !== undefined && tokens.some((t) => nameMarks.test(t));
  let signals = 0;
  let conclusive = false;
  let changed = false;
  const out = tokens.map((token, i) => {
    const rewrite = rewrites[i]?.[index];
    const marked = rewrite ? marks || rewrite.marked : false;
    if (rewrite && (marked || rewrite.hit)) {
      changed = true;
      // a marked rewrite that is no name word (Dutch Joep → "yup") is no evidence of an Arabic name
      if (rewrite.hit) signals += 1;
      conclusive ||= rewrite.marked && rewrite.hit && convention.markerSuffices;
      return rewrite.text;
    }
    if (PARTICLES.has(token) || isNameWord(token)) signals += 1;
    return token;
  });
  return changed && (signals >= 2 || conclusive) ? out : null;
}

/** Cheap pre-check: letters that some convention rewrites. */
const CANDIDATE = /[xcjg]|oe|kh$|sy/u;

/**
 * Alternative readings of a name (its Latin tokens, as `toLatin` writes
 * them) under the Somali, Turkish, Malay/Indonesian and Russian conventions
 * for Arabic-family names; usually none, at most one per convention.
 */
export function conventionReadings(tokens: readonly string[]): string[][] {
  if (!tokens.some((t) => CANDIDATE.test(t))) return [];
  const out: string[][] = [];
  const seen = new Set<string>();
  const rewrites = tokens.map(rewritesOf);
  for (let index = 0; index < CONVENTIONS.length; index++) {
    const reading = conventionReading(tokens, rewrites, index);
    const sig = reading?.join(' ');
    if (reading && sig !== undefined && !seen.has(sig)) {
      seen.add(sig);
      out.push(reading);
    }
  }
  return out;
}

/**
 * Rewrites that are always right: Russian practice writes God's name with a
 * final х (Абдуллах, Насруллах → -ullakh), which the skeleton would keep as
 * a consonant, and no other name ends in -llakh.
 */
export function fixToken(token: string): string {
  return token.endsWith('llakh') ? `${token.slice(0, -2)}h` : token;
}

/**
 * The name (before `toLatin`) read with ç and ş as the sounds they stand
 * for, which `toLatin` would fold to c and s: French ç = s (Aïça, Mouça),
 * Turkish, Azeri and Albanian ç = ch (Koç, Kılıç), ş / ș = sh (Şerif =
 * Sharif, Ayşe). [] when the name has neither letter.
 */
export function diacriticVariants(name: string): string[] {
  if (!/[çşșÇŞȘ]|\u0326|\u0327/u.test(name)) return [];
  const lower = name.normalize('NFC').toLowerCase();
  const sh = lower.replace(/[şș]/gu, 'sh');
  if (!sh.includes('ç')) return [sh];
  return [sh.replace(/ç/gu, 's'), sh.replace(/ç/gu, 'ch')];
}
