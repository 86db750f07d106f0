/**
 * Cyrillic to Latin, for matching only: Russian, Ukrainian, Belarusian,
 * Serbian, Macedonian, and Kazakh, Tajik, Uzbek, Bashkir and Tatar letters,
 * in the English practical spelling (Zhukov, Khrushchev, Yuliya). A text
 * with a Ukrainian or Belarusian letter reads г as h (Hryhorii); one with a
 * Serbian or Macedonian letter reads as those official Latin alphabets do.
 */

// prettier-ignore
const LETTERS: Readonly<Record<string, string>> = {
  'а': 'a', 'б': 'b', 'в': 'v', 'ґ': 'g', 'д': 'd', 'е': 'e', 'ё': 'e', 'є': 'ye',
  'ж': 'zh', 'з': 'z', 'и': 'i', 'і': 'i', 'ї': 'yi', 'й': 'y', 'к': 'k', 'л': 'l',
  'м': 'm', 'н': 'n', 'о': 'o', 'п': 'p', 'р': 'r', 'с': 's', 'т': 't', 'у': 'u',
  'ф': 'f', 'х': 'kh', 'ц': 'ts', 'ч': 'ch', 'ш': 'sh', 'щ': 'shch', 'ъ': '', 'ы': 'y',
  'ь': '', 'э': 'e', 'ю': 'yu', 'я': 'ya', 'ў': 'u',
  // Serbian, Macedonian
  'ђ': 'dj', 'ј': 'j', 'љ': 'lj', 'њ': 'nj', 'ћ': 'ch', 'џ': 'dzh', 'ѓ': 'g', 'ќ': 'k', 'ѕ': 'dz',
  // Kazakh, Tajik, Uzbek, Bashkir, Tatar
  'ә': 'a', 'ғ': 'gh', 'қ': 'q', 'ң': 'ng', 'ө': 'o', 'ұ': 'u', 'ү': 'u', 'һ': 'h',
  'ӣ': 'i', 'ӯ': 'u', 'ҳ': 'h', 'ҷ': 'j', 'ҙ': 'z', 'ҡ': 'q', 'ҫ': 's', 'ӑ': 'a', 'ӗ': 'e',
  'ӳ': 'u',
};

export const CYRILLIC_RANGE = /[\u0400-\u04FF\u0500-\u052F]+/gu;
// Ukrainian і ї є ґ and Belarusian і ў: both read г as h
const UKRAINIAN_MARKERS = /[іїєґў]/u;

const SERBIAN_MARKERS = /[ђјљњћџѓќѕ]/u;
/**
 * Serbian and Macedonian Cyrillic read as their official Latin alphabets
 * (ш š, ч č, ж ž, ћ ć, џ dž), with toLatin's hushing mark: Караџић =
 * Karadžić = Karadzic, Шешељ = Šešelj = Seselj.
 */
// prettier-ignore
const SERBIAN: Readonly<Record<string, string>> = { 'ш': 'sx', 'ч': 'cx', 'ж': 'zx', 'ћ': 'cx', 'џ': 'dzx', 'х': 'h' };

/** How a text's Cyrillic words read: decided once for the whole name, from the letters it contains. */
export interface CyrillicReading {
  readonly ukrainian: boolean;
  readonly serbian: boolean;
}

/** The reading of a (case-folded) text's Cyrillic words, by the letters only some languages have. */
export function cyrillicReading(text: string): CyrillicReading {
  return { ukrainian: UKRAINIAN_MARKERS.test(text), serbian: SERBIAN_MARKERS.test(text) };
}

/** One Cyrillic word (after case folding, as matched by {@link CYRILLIC_RANGE}) in Latin. */
export function cyrillicToLatin(word: string, { ukrainian, serbian }: CyrillicReading): string {
  let out = '';
  for (const ch of word.normalize('NFC')) {
    if (ch === 'г') out += ukrainian ? 'h' : 'g';
    else if (ch === 'и' && ukrainian) out += 'y';
    else if (serbian && SERBIAN[ch] !== undefined) out += SERBIAN[ch];
    else {
      const latin = LETTERS[ch];
      if (latin !== undefined) {
        out += latin;
        continue;
      }
      const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
      out += LETTERS[base] ?? base;
    }
  }
  return out;
}
