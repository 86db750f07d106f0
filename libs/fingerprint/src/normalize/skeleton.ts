/**
 * Phonetic skeleton of one Latin name token (schema v2).
 *
 * Arabic script does not write short vowels, and Latin spellings of the same
 * name disagree mostly on vowels (Mohammed / Muhammad), doubled letters
 * (Hammad / Hamad) and a few consonant families (Qaddafi / Gaddafi /
 * Kadhafi). The skeleton therefore keeps consonants only, mapped to classes:
 *
 * | code | letters                                   | examples                              |
 * |------|-------------------------------------------|---------------------------------------|
 * | A    | any vowel at the start of the token       | Ismail / Esmail, Yevgeny / Evgeny     |
 * | B    | b, p                                      | Kampis / Cambis (Persian پ, Greek μπ) |
 * | D    | t, d, dh                                  | Ahmad / Ahmet, Qadhafi / Gaddafi      |
 * | DS   | ts, tz (one affricate, two classes)       | Tsvi / Tzvi / צבי, Katz / Kats        |
 * | T    | th                                        | Houthi / Huthi / الحوثي (ث)          |
 * | F    | f, ph                                     |                                       |
 * | V    | v, w at the start of a token              | Wael / وائل, Vahid / Wahid            |
 * | K    | k, q, g, gh, c (hard), ck                 | Qadi / Kadi, Ghalebani / Qalebani     |
 * | H    | h, kh                                     | Khalil / Halil; a final h is dropped  |
 * | X    | sh, ch, sch, tch, cz, sz, shch            | Shanti / Chanti, Khrushchev           |
 * | J    | j, dj, zh, dzh                            | Jamal / Djamal / Dzhamal              |
 * | S    | s, c before e/i/y                         |                                       |
 * | Z, L, M, N, R | themselves                       |                                       |
 *
 * Vowels (a e i o u y, and w inside a token, which Latin writes as ou/o/u)
 * are dropped after the first letter; a token-final j after e, i, o or y
 * is a vowel (Sergej, Evgenij, but Faraj). Adjacent repeats of a
 * class collapse (mm, dd, "dh-dh"); repeats separated by a vowel do not
 * (Aziz = A Z Z). A token-final standalone h is dropped (Salameh / Salama /
 * سلامة, Abdullah / Abdalla).
 *
 * An x after s, c, z, v, p, f or w is the silent mark `toLatin` leaves on
 * š č ž ć and on Hebrew ב פ ו: Karadžić → karadzxicx reads as Karadzic here
 * (markedAlternative in slavic-latin.ts reads it as Karadzhitch), אברהם →
 * avxrhm as Avraham (there: Abraham). Letters outside a–z (an unsupported
 * script) are kept as they are.
 */

const VOWEL = '';

interface Unit {
  /** class code, or '' for a vowel */
  code: string;
  /** a standalone h (not part of kh, sh, th...), droppable at the end */
  bareH?: boolean;
}

// prettier-ignore
const DIGRAPHS: ReadonlyArray<readonly [string, string]> = [
  ['tsch', 'X'], ['dsch', 'J'], ['shch', 'X'], ['sch', 'X'], ['tch', 'X'], ['dzh', 'J'],
  ['sh', 'X'], ['ch', 'X'], ['cz', 'X'], ['sz', 'X'], ['zh', 'J'], ['dj', 'J'],
  ['kh', 'H'], ['gh', 'K'], ['th', 'T'], ['dh', 'D'], ['ph', 'F'], ['ck', 'K'], ['wh', 'V'],
];

/** Digraphs by first letter, longest first, so the scan does not try every digraph at every letter. */
const DIGRAPHS_BY_FIRST: ReadonlyMap<string, ReadonlyArray<readonly [string, string]>> = (() => {
  const map = new Map<string, (readonly [string, string])[]>();
  for (const d of DIGRAPHS) {
    const first = d[0][0] as string;
    map.set(first, [...(map.get(first) ?? []), d]);
  }
  return map;
})();

/** The mark left by toLatin after s, c, z (š = sx) and after Hebrew ב פ ו (vx, px, fx, wx). */
const isHushingMark = (token: string, i: number): boolean =>
  token[i] === 'x' && i > 0 && 'sczvpfw'.includes(token[i - 1] ?? '');

// prettier-ignore
const SINGLE: Readonly<Record<string, string>> = {
  b: 'B', p: 'B', t: 'D', d: 'D', f: 'F', v: 'V', g: 'K', k: 'K', q: 'K',
  s: 'S', z: 'Z', l: 'L', m: 'M', n: 'N', r: 'R', h: 'H',
};

const isVowelChar = (ch: string | undefined): boolean => ch !== undefined && 'aeiouy'.includes(ch);

function units(token: string): Unit[] {
  const out: Unit[] = [];
  let i = 0;
  // French romanisation writes an initial w as "ou" (Oualid = Walid, Ouahab = Wahab)
  if (/^ou[aeiy]/u.test(token)) {
    out.push({ code: 'V' });
    i = 2;
  }
  while (i < token.length) {
    const ch = token[i] as string;
    const digraph = DIGRAPHS_BY_FIRST.get(ch)?.find(([d]) => token.startsWith(d, i));
    if (digraph) {
      out.push({ code: digraph[1] });
      i += digraph[0].length;
      continue;
    }
    if (ch === 't' && token[i + 1] === 'z') {
      // tz is the affricate ts (German, Hebrew romanisation): same units as ts
      out.push({ code: 'D' }, { code: 'S' });
      i += 2;
      continue;
    }
    if (isHushingMark(token, i)) {
      i += 1;
      continue;
    }
    if (isVowelChar(ch)) {
      out.push({ code: VOWEL });
    } else if (ch === 'w') {
      out.push({ code: i === 0 ? 'V' : VOWEL });
    } else if (ch === 'j') {
      // Slavic "-ej / -ij / -yj / -oj" endings (Sergej, Evgenij) are the vowel y; Arabic Faraj keeps its j
      const slavicEnding = i === token.length - 1 && i > 0 && 'eioy'.includes(token[i - 1] ?? '');
      out.push({ code: slavicEnding ? VOWEL : 'J' });
    } else if (ch === 'c') {
      const next = token[i + (isHushingMark(token, i + 1) ? 2 : 1)] ?? '';
      out.push({ code: 'eiy'.includes(next) ? 'S' : 'K' });
    } else if (ch === 'x') {
      out.push({ code: 'K' }, { code: 'S' });
    } else if (ch === 'h') {
      out.push({ code: 'H', bareH: true });
    } else {
      out.push({ code: SINGLE[ch] ?? ch });
    }
    i += 1;
  }
  return out;
}

/** Replaces each standalone h (not the second letter of kh, sh, ch, th, dh, gh, ph, zh, wh) by g. */
export function standaloneHToG(token: string): string {
  return token.replace(/(^|[^sckdtgpzwh])h/gu, '$1g');
}

/** True when the token has a standalone h (see {@link standaloneHToG}). */
export function hasStandaloneH(token: string): boolean {
  return standaloneHToG(token) !== token;
}

// English/passport/Ukrainian forms, then German and Polish (-ow, -owa, -itsch, -ij), French (-off,
// -itch), Belarusian (-enka, -auna); a set by length, not an end-anchored regex, for speed
// prettier-ignore
const EAST_SLAVIC_SUFFIXES: ReadonlySet<string> = new Set([
  'ko', 'chuk', 'yuk', 'iuk', 'ych', 'vich', 'ivna', 'ovna', 'sky', 'skyi', 'skyy', 'skiy', 'skii', 'ska',
  'skaya', 'ov', 'ev', 'ova', 'eva', 'iy', 'yy', 'ii', 'yi', 'ow', 'ew', 'owa', 'ewa', 'owna', 'ewna', 'itsch',
  'itch', 'off', 'eff', 'ski', 'skij', 'skaja', 'ij', 'yj', 'ej', 'enka', 'auna',
]);
// -ykh after a consonant (not Arabic Shaykh, Shykh), -gikh/-kikh; -ija (Julija, not Khadija);
// -ava after a consonant (Belarusian Zhukava). ISO 9 -yh alone is no signal: Persian -iyeh reads so.
const EAST_SLAVIC_ENDINGS = /(?:[^aeiouyh]ykh|[gk]ikh|[^d]ija|[^aeiouy]ava)$/u;

function eastSlavicEnding(t: string): boolean {
  for (let n = 2; n <= 5; n++) if (EAST_SLAVIC_SUFFIXES.has(t.slice(-n))) return true;
  return EAST_SLAVIC_ENDINGS.test(t);
}

/**
 * Belarusian -ou / -au / -eu for -ov / -ev (Ivanou, Marozau, Kisialeu,
 * Zhukau): -ou and -eu after at least two vowel groups, so that short
 * Maghreb names (Hamou, Haddou) are not taken for them; -au after one
 * (German Landau is taken: it only gains a reading). With `short`, any
 * -ou after a consonant (Kazlou), for use beside another signal.
 */
export function belarusianOvEnding(token: string, short = false): boolean {
  if (token.at(-1) !== 'u' || !/[^aeou](?:au|ou|eu)$/u.test(token)) return false;
  // -au after a consonant is rare outside Belarusian (Zhukau, Karpau): one vowel group suffices
  const groups = token.slice(0, -2).match(/[aeiouy]+/gu)?.length ?? 0;
  return groups >= (short || token.endsWith('au') ? 1 : 2);
}

/** ia / ie between consonants: Belarusian and Ukrainian national romanisation (Aliaksandr, Siarhei). */
const IOTATED = /[^aeiouy]i[ae][^aeiouy]/u;

function eastSlavicToken(token: string): boolean {
  // read toLatin's hushing marks as digraphs (Sergeevič: sergeevicx → -vich)
  const t = token.includes('x') ? token.replace(/([scz])x/gu, '$1h') : token;
  return (
    eastSlavicEnding(t) ||
    belarusianOvEnding(t) ||
    t.includes('vh') ||
    t.includes('dzi') ||
    t.startsWith('dzm') ||
    /^h[lnrv]/u.test(t)
  );
}

/**
 * True when a name (its Latin tokens) looks East Slavic: a typical surname,
 * given-name or patronymic ending in any usual romanisation (-enko, -chuk,
 * -ovych, -ivna, -sky, -ov, -iy…; German/Polish -ow, -owitsch, -ij; French
 * -off, -itch; -ykh; Belarusian -ou, -enka; hushing marks read as sh ch zh), "vh" (Yevhen), Belarusian
 * "dzi", initial "dzm" (Uladzimir, Dzmitry) or a word-initial h before a consonant (Hryhoriy, Hlib).
 * Such names may have been romanised from Ukrainian (г = h) or from Russian
 * (г = g), or by another language's convention, so their keys are made a
 * second time in a common reading (slavic-latin.ts); the first reading
 * stays (Ahmed Zakayev = Akhmed Zakayev). Arabic names get no second
 * reading: their h is a real h, and Hasan must not meet Ghassan.
 */
export function looksEastSlavic(tokens: readonly string[]): boolean {
  if (tokens.some(eastSlavicToken)) return true;
  // a short -ou surname (Kazlou, Papou) counts beside a given name spelled the Belarusian way
  if (tokens.some((t) => belarusianOvEnding(t, true)) && tokens.some((t) => IOTATED.test(t))) {
    return true;
  }
  // ISO 9 -yh (-ых) counts in a name written with š č ž: Persian -iyeh, transliterated, never has them
  return tokens.some((t) => /[scz]x/u.test(t)) && tokens.some((t) => /[^h]yh$/u.test(t));
}

/**
 * The phonetic skeleton of one token (lower-case Latin as produced by
 * `toLatin`). Deterministic and idempotent on its own vocabulary.
 */
export function skeleton(token: string): string {
  const us = units(token);
  // drop a final standalone h, even after trailing vowels were written (…ah, …eh)
  while (us.length > 0) {
    const last = us[us.length - 1] as Unit;
    if (last.bareH) us.pop();
    else break;
  }
  let out = '';
  let prev: string | null = null;
  us.forEach((u, index) => {
    if (u.code === VOWEL) {
      if (index === 0) out += 'A';
      prev = null;
      return;
    }
    if (u.code !== prev) out += u.code;
    prev = u.code;
  });
  return out.length > 0 ? out : 'A';
}
