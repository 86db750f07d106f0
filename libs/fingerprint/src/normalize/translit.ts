/**
 * Script folding for schema v2: Unicode NFKC, case folding, Arabic (with
 * Persian and Urdu letters), Cyrillic (Russian, Ukrainian, Belarusian,
 * Serbian, Kazakh), Greek, Hebrew, Georgian and Armenian (tables in
 * script-*.ts) to a plain Latin spelling, then diacritics stripped; š č ž ć ŝ
 * ż keep a silent x after their base letter (see {@link toLatin}). The output is lower-case ASCII letters, digits, spaces and
 * hyphens (hyphens are kept because they tell a glued Arabic article
 * "ad-Din" from a free-standing word). Letters of other scripts pass through
 * unchanged, so two names in the same unsupported script still meet.
 *
 * The transliteration does not try to be a correct romanisation: it only has
 * to land on the spelling family that Latin sources use, because the phonetic
 * skeleton (skeleton.ts) then removes what varies between those spellings
 * (vowels, doubled letters, q/k/g...). Changing any table is a schema change.
 */

import { ARMENIAN_RANGE, armenianToLatin } from './script-armenian.js';
import { CYRILLIC_RANGE, cyrillicReading, cyrillicToLatin } from './script-cyrillic.js';
import { GEORGIAN_RANGE, georgianToLatin } from './script-georgian.js';
import { HEBREW_RANGE, hebrewToLatin } from './script-hebrew.js';

// prettier-ignore
const ARABIC_LETTERS: Readonly<Record<string, string>> = {
  // hamza carriers and alef forms: vowels for matching purposes
  'ا': 'a', 'أ': 'a', 'إ': 'i', 'آ': 'a', 'ٱ': 'a', 'ء': 'a', 'ؤ': 'u', 'ئ': 'i', 'ى': 'a',
  'ب': 'b', 'ت': 't', 'ث': 'th', 'ج': 'j', 'ح': 'h', 'خ': 'kh', 'د': 'd', 'ذ': 'dh',
  'ر': 'r', 'ز': 'z', 'س': 's', 'ش': 'sh', 'ص': 's', 'ض': 'd', 'ط': 't', 'ظ': 'z',
  // ayn is rendered by Latin sources as a vowel, an apostrophe or nothing
  'ع': 'a', 'غ': 'gh', 'ف': 'f', 'ق': 'q', 'ك': 'k', 'ل': 'l', 'م': 'm', 'ن': 'n',
  'ه': 'h', 'و': 'w', 'ي': 'y',
  // ta marbuta: -a / -ah / -eh in Latin
  'ة': 'a', 'ۃ': 'a', 'ۀ': 'a',
  // Persian, Urdu, Pashto, Kurdish letters
  'پ': 'p', 'چ': 'ch', 'ژ': 'zh', 'گ': 'g', 'ک': 'k', 'ی': 'y', 'ې': 'e', 'ۍ': 'y',
  'ٹ': 't', 'ڈ': 'd', 'ڑ': 'r', 'ں': 'n', 'ھ': 'h', 'ہ': 'h', 'ے': 'e', 'ۓ': 'e',
  'ڤ': 'v', 'ۆ': 'o', 'ێ': 'e', 'ڵ': 'l', 'ڕ': 'r', 'ڭ': 'ng', 'ڠ': 'ng', 'ښ': 'sh',
  'ډ': 'd', 'ړ': 'r', 'ټ': 't', 'ځ': 'dz', 'څ': 'ts', 'ږ': 'zh', 'ګ': 'g', 'ڼ': 'n',
  'ٶ': 'u', 'ٸ': 'i', 'ٵ': 'a',
};

/** Whole Arabic-script words with a fixed Latin reading (particles and God's name). */
// prettier-ignore
const ARABIC_WORDS: Readonly<Record<string, string>> = {
  'ابو': 'abu', 'أبو': 'abu', 'ابى': 'abu', 'ابي': 'abu', 'أبي': 'abu', 'أبى': 'abu',
  'بن': 'bin', 'ابن': 'ibn', 'إبن': 'ibn', 'بنت': 'bint', 'ولد': 'ould',
  'عبد': 'abd', 'الله': 'allah', 'لله': 'allah', 'آل': 'al',
};

const ARABIC_RANGE =
  /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF\u200C\u200D]+/gu;
// harakat, Quranic marks, superscript alef, tatweel, joiners
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200C\u200D]/gu;

/**
 * Persian and Urdu read ض ذ ظ as z and ث as s (Ramazan, Rezaei, Kazemi),
 * where Arabic has d, dh, z and th (Ramadan, Dhiab, Othman).
 */
// prettier-ignore
const PERSIAN_LETTERS: Readonly<Record<string, string>> = { 'ض': 'z', 'ذ': 'z', 'ظ': 'z', 'ث': 's' };
/** Letters that Persian and Urdu text has and Arabic text does not (Persian kaf and yeh included). */
const PERSIAN_MARKERS =
  /[\u067E\u0686\u0698\u06AF\u06A9\u06CC\u06C0\u0679\u0688\u0691\u06BA\u06BE\u06C1\u06D2]/u;

function arabicLetters(word: string, persian: boolean): string {
  let out = '';
  for (const ch of word) {
    const latin = (persian ? PERSIAN_LETTERS[ch] : undefined) ?? ARABIC_LETTERS[ch] ?? '';
    // s/z/k + h would read as the digraphs sh/zh/kh; Latin writes the unwritten vowel
    // there (Zahra زهرا, Suhail سهيل, Sahar سحر), so give it one
    if (latin === 'h' && /[szkgcp]$/u.test(out)) out += 'a';
    out += latin;
  }
  return out;
}

function arabicWord(raw: string, persian: boolean): string {
  // a heh before a zero-width non-joiner ends a compound's first part: the silent -e (خامنه‌ای, قلعه‌بانی)
  const word = raw.replace(/\u0647\u200C/gu, '\u0629').replace(ARABIC_MARKS, '');
  if (word.length === 0) return ' ';
  const fixed = ARABIC_WORDS[word];
  if (fixed !== undefined) return ` ${fixed} `;
  // glued "Abd al-": عبدالله, عبدالرحمن
  if (word.startsWith('عبدال') && word.length > 6) {
    const rest = word.slice(5);
    return rest === 'له' ? ' abd allah ' : ` abd al-${arabicLetters(rest, persian)} `;
  }
  if (word.startsWith('ابوال') || word.startsWith('أبوال')) {
    return ` abu al-${arabicLetters(word.slice(5), persian)} `;
  }
  // the article is always written glued in Arabic script
  if (word.startsWith('ال') && word.length > 3)
    return ` al-${arabicLetters(word.slice(2), persian)} `;
  return ` ${arabicLetters(word, persian)} `;
}

// prettier-ignore
const GREEK: Readonly<Record<string, string>> = {
  'α': 'a', 'β': 'v', 'γ': 'g', 'δ': 'd', 'ε': 'e', 'ζ': 'z', 'η': 'i', 'θ': 'th',
  'ι': 'i', 'κ': 'k', 'λ': 'l', 'μ': 'm', 'ν': 'n', 'ξ': 'x', 'ο': 'o', 'π': 'p',
  'ρ': 'r', 'σ': 's', 'ς': 's', 'τ': 't', 'υ': 'y', 'φ': 'f', 'χ': 'ch', 'ψ': 'ps', 'ω': 'o',
  'ϐ': 'v', 'ϑ': 'th', 'ϕ': 'f', 'ϖ': 'p', 'ϰ': 'k', 'ϱ': 'r', 'ϲ': 's', 'ϵ': 'e',
};

// prettier-ignore
const GREEK_DIGRAPHS: ReadonlyArray<readonly [string, string, string]> = [
  // [digraph, word-initial reading, medial reading]
  ['ου', 'ou', 'ou'], ['αι', 'e', 'e'], ['ει', 'i', 'i'], ['οι', 'i', 'i'], ['υι', 'i', 'i'],
  ['αυ', 'av', 'av'], ['ευ', 'ev', 'ev'], ['ηυ', 'iv', 'iv'],
  ['μπ', 'b', 'mb'], ['ντ', 'd', 'nd'], ['γγ', 'ng', 'ng'], ['γκ', 'g', 'ng'],
  ['γχ', 'nch', 'nch'], ['γξ', 'nx', 'nx'], ['τσ', 'ts', 'ts'], ['τζ', 'tz', 'tz'],
];

const GREEK_RANGE = /[\u0370-\u03FF\u1F00-\u1FFF]+/gu;

function greekWord(word: string): string {
  // Decompose so accents fall away, but keep the diaeresis: it splits a digraph (Ευϊ-, Αϊ-).
  const letters: { ch: string; diaeresis: boolean }[] = [];
  for (const ch of word.normalize('NFD')) {
    if (ch === '\u0308') {
      const last = letters[letters.length - 1];
      if (last) last.diaeresis = true;
    } else if (!/\p{M}/u.test(ch)) {
      letters.push({ ch, diaeresis: false });
    }
  }
  let out = '';
  for (let i = 0; i < letters.length; i++) {
    const cur = letters[i];
    if (!cur) continue;
    const next = letters[i + 1];
    // word-initial γι before a vowel is the sound y (Γιάννης = Yannis, Γιώργος = Yorgos)
    if (
      i === 0 &&
      cur.ch === 'γ' &&
      next?.ch === 'ι' &&
      !next.diaeresis &&
      'αεηοωυ'.includes(letters[i + 2]?.ch ?? '-')
    ) {
      out += 'y';
      i++;
      continue;
    }
    if (next && !next.diaeresis) {
      const pair = cur.ch + next.ch;
      const rule = GREEK_DIGRAPHS.find(([d]) => d === pair);
      if (rule) {
        out += i === 0 ? rule[1] : rule[2];
        i++;
        continue;
      }
    }
    out += GREEK[cur.ch] ?? cur.ch;
  }
  return out;
}

/** Latin letters that NFD does not decompose into a base letter plus a mark. */
// prettier-ignore
const LATIN_SPECIAL: Readonly<Record<string, string>> = {
  'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ø': 'o', 'đ': 'dj', 'ð': 'd', 'þ': 'th', 'ł': 'l',
  'ı': 'i', 'ŋ': 'ng', 'ĸ': 'q', 'ſ': 's', 'ħ': 'h', 'ŧ': 't', 'ƒ': 'f', 'ʒ': 'zh',
  'ɨ': 'i', 'ə': 'e', 'ɛ': 'e', 'ɔ': 'o', 'ƙ': 'k', 'ɗ': 'd', 'ɓ': 'b', 'ƴ': 'y',
};

// ISO 9 writes the hard and soft signs as the modifier primes ʺ ʹ (Podʺâčev, Igorʹ)
const APOSTROPHES =
  /['\u2018\u2019\u201B\u02B9\u02BA\u02BB\u02BC\u02BD\u02BE\u02BF\u02C8\u0060\u00B4\u2032\u2033\u0559\u055A\uA78C]/gu;

/**
 * Letters whose mark makes a hushing sound (š č ž in Czech, Slovak,
 * Serbo-Croatian, Baltic, Belarusian Latin and ISO 9; ć in Serbo-Croatian
 * and Polish; ŝ in ISO 9 (щ); Polish ż): base letter → marks that do it.
 */
// prettier-ignore
const HUSHING_MARKS: Readonly<Record<string, string>> = {
  s: '\u030C\u0302', c: '\u030C\u0301', z: '\u030C\u0307',
};
const HYPHENS = /[\u2010-\u2015\u2212\u00AD\uFE63\uFF0D_]/gu;

const MARK = /^\p{M}$/u;
const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;

/** NFKC + full case folding (as far as String.prototype.toLowerCase goes). */
export function foldCase(input: string): string {
  return input.normalize('NFKC').toLowerCase().replace(/ς/gu, 'σ');
}

/**
 * Turns a name in any supported script into lower-case Latin: letters a–z,
 * digits, single spaces and hyphens. Idempotent.
 */
export function toLatin(input: string): string {
  let s = foldCase(input);
  const persian = PERSIAN_MARKERS.test(s);
  s = s.replace(ARABIC_RANGE, (w) => {
    // Arabic-Indic digits survive as ASCII digits; other punctuation becomes a space
    const digits = w
      .replace(/[\u0660-\u0669]/gu, (d) => String(d.charCodeAt(0) - 0x0660))
      .replace(/[\u06F0-\u06F9]/gu, (d) => String(d.charCodeAt(0) - 0x06f0));
    return digits
      .split(/([0-9]+|[\u060C\u061B\u061F\u066A-\u066D\u06D4])/u)
      .map((part) =>
        /^[0-9]+$/u.test(part) ? part : part.length > 0 ? arabicWord(part, persian) : '',
      )
      .join('');
  });
  const cyrillic = cyrillicReading(s);
  s = s.replace(CYRILLIC_RANGE, (w) => cyrillicToLatin(w, cyrillic));
  s = s.replace(GREEK_RANGE, greekWord);
  s = s.replace(HEBREW_RANGE, hebrewToLatin);
  s = s.replace(GEORGIAN_RANGE, georgianToLatin);
  s = s.replace(ARMENIAN_RANGE, armenianToLatin);
  s = s.replace(APOSTROPHES, '').replace(HYPHENS, '-');
  return finishLatin(s.normalize('NFD'));
}

/**
 * Strips marks, maps special letters, turns the rest into spaces. A hushing
 * mark (š č ž ć ŝ ż) leaves an x after its letter: "Karadžić" → "karadzxicx".
 * The skeleton ignores an x after s, c or z, so the primary reading is the
 * plain ASCII spelling (Karadzic, SESELJ: how many lists write these names),
 * while the token's other form (markedAlternative, slavic-latin.ts) reads
 * sx cx zx as sh tch zh (Šostakovič = Shostakovich, Lukašenka).
 */
function finishLatin(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    // a non-BMP character is two UTF-16 units: keep them together
    const ch = code >= 0xd800 && code <= 0xdbff ? s.slice(i, i + 2) : (s[i] as string);
    i += ch.length - 1;
    if (code < 0x80) {
      if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === 0x2d) {
        out += ch;
        const marks = HUSHING_MARKS[ch];
        if (marks !== undefined && marks.includes(s[i + 1] ?? '-')) out += 'x';
      } else {
        out += ' ';
      }
      continue;
    }
    if (MARK.test(ch)) continue;
    const special = LATIN_SPECIAL[ch];
    if (special !== undefined) out += special;
    else if (LETTER_OR_NUMBER.test(ch)) out += ch.normalize('NFC');
    else out += ' ';
  }
  return out
    .replace(/\s*-[\s-]*/gu, '-')
    .replace(/^-+|-+$/gu, '')
    .replace(/(^|\s)-+|-+(\s|$)/gu, '$1$2')
    .replace(/\s+/gu, ' ')
    .trim();
}
