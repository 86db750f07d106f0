/**
 * Hebrew (and Yiddish) script to Latin, for matching only. Hebrew is an
 * abjad like Arabic: unpointed names write consonants and the matres
 * lectionis א ה ו י, so the output keeps consonants and lets the skeleton
 * drop vowels. The reading follows modern Israeli romanisation (Academy of
 * the Hebrew Language 2006 simplified rules, used on passports): כ = k at
 * the start, kh inside and final ך (Mikhael); ח = kh (Haim, Khaim); צ = tz
 * (Yitzhak, Tzipi); ש = sh unless the sin dot says s (so unpointed ישראל
 * reads Yshral, not Israel: a known limit); a dagesh (pointed text) makes
 * ב כ פ plosive. Letters that unpointed text leaves ambiguous are written
 * with toLatin's mark x, which the skeleton ignores and whose other reading
 * (slavic-latin.ts, markedAlternative) each token also gets:
 * medial ב "vx" (Avraham; b: Abraham, Rabin), initial פ "px" (Peres; f:
 * Fridman), medial פ "fx" (Yosef; p: Kaplan), medial ו "wx" (a vowel:
 * Yosef, Shimon; v: David). ו is v at the start, doubled (וו) or before a
 * final yod (Levi); י is y at the start, a vowel elsewhere.
 */

// prettier-ignore
const LETTERS: Readonly<Record<string, string>> = {
  'א': 'a', 'ב': 'vx', 'ג': 'g', 'ד': 'd', 'ה': 'h', 'ו': 'wx', 'ז': 'z', 'ח': 'kh',
  'ט': 't', 'י': 'i', 'כ': 'kh', 'ך': 'kh', 'ל': 'l', 'מ': 'm', 'ם': 'm', 'נ': 'n',
  'ן': 'n', 'ס': 's', 'ע': 'a', 'פ': 'fx', 'ף': 'f', 'צ': 'tz', 'ץ': 'tz', 'ק': 'k',
  'ר': 'r', 'ש': 'sh', 'ת': 't',
  // Yiddish ligatures
  'װ': 'v', 'ױ': 'oi', 'ײ': 'ei',
};

/** Word-initial readings (plosive begadkefat, consonantal vav and yod). */
// prettier-ignore
const INITIAL: Readonly<Record<string, string>> = { 'ב': 'b', 'כ': 'k', 'פ': 'px', 'ו': 'v', 'י': 'y' };
/** With a dagesh (pointed text), these are plosives wherever they stand. */
// prettier-ignore
const PLOSIVE: Readonly<Record<string, string>> = { 'ב': 'b', 'כ': 'k', 'פ': 'p' };

/** Letters followed by a geresh (׳ or an apostrophe) that write foreign sounds: ג׳ורג׳ = George. */
// prettier-ignore
const GERESH: Readonly<Record<string, string>> = { 'ג': 'j', 'ז': 'zh', 'צ': 'ch', 'ת': 'th', 'ד': 'dh', 'ח': 'kh' };

/** A Hebrew word; an apostrophe after a letter is a geresh (ג'ורג' as typed on Latin keyboards). */
export const HEBREW_RANGE = /[\u05D0-\u05F2\uFB1D-\uFB4F][\u0591-\u05F4\uFB1D-\uFB4F'\u2019]*/gu;

const DAGESH = '\u05BC';
const SIN_DOT = '\u05C2';
const GERESH_MARKS = "\u05F3'\u2019";
const PUNCTUATION = '\u05BE\u05C0\u05C3\u05C6';
/** Niqqud and cantillation (U+0591–U+05C7), punctuation excluded. */
const isMark = (c: string): boolean => {
  const code = c.charCodeAt(0);
  return code >= 0x0591 && code <= 0x05c7 && !PUNCTUATION.includes(c);
};

/** One Hebrew word (letters and niqqud, as matched by {@link HEBREW_RANGE}) in Latin. */
export function hebrewToLatin(word: string): string {
  // FB1D–FB4F presentation forms decompose under NFD (שׁ → ש + shin dot); the alef-lamed ligature does not
  const chars = [...word.normalize('NFD').replace(/\uFB4F/gu, 'אל')];
  let out = '';
  let letters = 0;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    if (PUNCTUATION.includes(ch)) {
      // maqaf joins words as a hyphen does (בן־גוריון = Ben-Gurion); the others end a word
      out += ch === '\u05BE' ? '-' : ' ';
      letters = 0;
      continue;
    }
    if (isMark(ch) || GERESH_MARKS.includes(ch) || ch === '\u05F4') continue;
    // the marks that follow this letter
    let j = i + 1;
    let dagesh = false;
    let sin = false;
    while (j < chars.length && isMark(chars[j] as string)) {
      if (chars[j] === DAGESH) dagesh = true;
      if (chars[j] === SIN_DOT) sin = true;
      j++;
    }
    const geresh = j < chars.length && GERESH_MARKS.includes(chars[j] as string);
    const next = chars.slice(j).find((c) => !isMark(c) && !GERESH_MARKS.includes(c));
    let latin: string;
    if (geresh && GERESH[ch] !== undefined) latin = GERESH[ch];
    else if (ch === 'ש' && sin) latin = 's';
    else if (letters === 0 && INITIAL[ch] !== undefined) latin = INITIAL[ch];
    else if (ch === 'ו' && (next === 'ו' || chars[i - 1] === 'ו')) latin = next === 'ו' ? 'v' : '';
    // vav before a word-final yod is the consonant (לוי Levi, הלוי Halevi)
    else if (
      ch === 'ו' &&
      next === 'י' &&
      !chars.slice(j + 1).some((c) => LETTERS[c] !== undefined)
    )
      latin = 'v';
    else if (dagesh && PLOSIVE[ch] !== undefined) latin = PLOSIVE[ch];
    else latin = LETTERS[ch] ?? '';
    // s/z/k/t/d + h would read as a digraph (sh, kh, th...): keep them apart with the unwritten vowel
    if (latin.startsWith('h') && /[szkgcptd]$/u.test(out)) out += 'a';
    out += latin;
    if (latin.length > 0) letters++;
    i = j - 1;
  }
  return out;
}
