/**
 * Georgian (Mkhedruli; Mtavruli capitals fold to it) to Latin by the
 * national romanisation system of 2002, which dropped the apostrophes that
 * marked ejectives (კ k, პ p, ტ t, წ ts, ჭ ch, ყ q): გიორგი = Giorgi,
 * ნიკოლოზ = Nikoloz, შევარდნაძე = Shevardnadze. Russian-style spellings of
 * Georgian names (Dzhugashvili, Saakashvili) differ only in ways the skeleton
 * already absorbs (dzh = j, ts / tz). Archaic letters get their usual values.
 */

// prettier-ignore
const LETTERS: Readonly<Record<string, string>> = {
  'ა': 'a', 'ბ': 'b', 'გ': 'g', 'დ': 'd', 'ე': 'e', 'ვ': 'v', 'ზ': 'z', 'თ': 't',
  'ი': 'i', 'კ': 'k', 'ლ': 'l', 'მ': 'm', 'ნ': 'n', 'ო': 'o', 'პ': 'p', 'ჟ': 'zh',
  'რ': 'r', 'ს': 's', 'ტ': 't', 'უ': 'u', 'ფ': 'p', 'ქ': 'k', 'ღ': 'gh', 'ყ': 'q',
  'შ': 'sh', 'ჩ': 'ch', 'ც': 'ts', 'ძ': 'dz', 'წ': 'ts', 'ჭ': 'ch', 'ხ': 'kh', 'ჯ': 'j',
  'ჰ': 'h',
  // archaic letters
  'ჱ': 'e', 'ჲ': 'y', 'ჳ': 'v', 'ჴ': 'kh', 'ჵ': 'o', 'ჶ': 'f', 'ჷ': 'e', 'ჸ': 'a', 'ჹ': 'a', 'ჺ': 'a',
};

export const GEORGIAN_RANGE = /[\u10D0-\u10FF\u1C90-\u1CBF\u10A0-\u10CF\u2D00-\u2D2F]+/gu;

/** Nuskhuri (ecclesiastical small letters) sit at a fixed offset from Mkhedruli. */
const NUSKHURI_OFFSET = 0x2d00 - 0x10d0;

/** One Georgian word (after case folding) in Latin. */
export function georgianToLatin(word: string): string {
  let out = '';
  for (const ch of word) {
    const code = ch.charCodeAt(0);
    const letter =
      code >= 0x2d00 && code <= 0x2d25 ? String.fromCharCode(code - NUSKHURI_OFFSET) : ch;
    out += LETTERS[letter] ?? '';
  }
  return out;
}
