/**
 * Phonetic skeleton of one Latin name token (schema v1).
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
 * Letters outside a–z (an unsupported script) are kept as they are.
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
    const digraph = DIGRAPHS.find(([d]) => token.startsWith(d, i));
    if (digraph) {
      out.push({ code: digraph[1] });
      i += digraph[0].length;
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
      out.push({ code: 'eiy'.includes(token[i + 1] ?? '') ? 'S' : 'K' });
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

const EAST_SLAVIC_ENDINGS =
  /(?:ko|chuk|yuk|iuk|ych|vich|ivna|ovna|sky|skyi|skyy|skiy|skii|ska|skaya|ov|ev|ova|eva|iy|yy|ii|yi)$/u;

/**
 * True when a name (its Latin tokens) looks East Slavic: a typical surname,
 * given-name or patronymic ending (-enko, -chuk, -ovych, -ivna, -sky, -ov,
 * -iy…), "vh" (Yevhen) or a word-initial h before a consonant (Hryhoriy,
 * Hlib). Such names may have been romanised from
 * Ukrainian (г = h) or from Russian (г = g), so their keys are made a
 * second time with every standalone h read as g (the first reading stays:
 * Ahmed Zakayev = Akhmed Zakayev). Arabic names get no second reading: their
 * h is a real h, and Hasan must not meet Ghassan.
 */
export function looksEastSlavic(tokens: readonly string[]): boolean {
  return tokens.some((t) => EAST_SLAVIC_ENDINGS.test(t) || t.includes('vh') || /^h[lnrv]/u.test(t));
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
