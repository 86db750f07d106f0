/**
 * Romanisations of one Cyrillic given name under the systems that Latin
 * sources actually use, so that a Latin token spelt by any of them finds its
 * given-name class (the class lookup is by exact Latin form). Diacritics are
 * stripped afterwards, as toLatin does.
 *
 * Systems (letter tables as published):
 * - ru-bgn   BGN/PCGN 1947 for Russian (ye/yo at word start and after a vowel, ь ъ dropped)
 * - ru-icao  ICAO Doc 9303 (Russian passports since 2013: й i, ю iu, я ia, ъ ie)
 * - iso9     ISO 9:1995 (ž č š ŝ û â … stripped to their base letters)
 * - de       Duden German transcription of Russian (w, sch, tsch, z, ch, ja, ju, je)
 * - fr       French transcription of Russian (ou, ch, tch, j, ï, ia, iou)
 * - uk-kmu   Ukrainian national system, Cabinet of Ministers resolution 55 of 27.01.2010
 * - be-nat   Belarusian national system (2007 instruction, Latin with diacritics stripped)
 */
const VOWELS = 'аеёиоуыэюяіїєў';

/** A system: letter map, word-start/after-vowel overrides, word-final overrides. */
// prettier-ignore
const SYSTEMS = {
  'ru-bgn': {
    map: { а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', і: 'i', ї: 'yi', є: 'ye', ґ: 'g', ў: 'w' },
    initial: { е: 'ye', ё: 'yo' },
  },
  'ru-icao': {
    map: { а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: 'ie', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia', і: 'i', ї: 'i', є: 'ie', ґ: 'g', ў: 'u' },
  },
  iso9: {
    map: { а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'z', з: 'z', и: 'i', й: 'j', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'h', ц: 'c', ч: 'c', ш: 's', щ: 's', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'u', я: 'a', і: 'i', ї: 'i', є: 'e', ґ: 'g', ў: 'u' },
  },
  de: {
    map: { а: 'a', б: 'b', в: 'w', г: 'g', д: 'd', е: 'e', ё: 'jo', ж: 'sch', з: 's', и: 'i', й: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'ch', ц: 'z', ч: 'tsch', ш: 'sch', щ: 'schtsch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'ju', я: 'ja', і: 'i', ї: 'ji', є: 'je', ґ: 'g', ў: 'w' },
    initial: { е: 'je' },
    final: { й: 'j' },
    betweenVowels: { с: 'ss' },
  },
  fr: {
    map: { а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'io', ж: 'j', з: 'z', и: 'i', й: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'ou', ф: 'f', х: 'kh', ц: 'ts', ч: 'tch', ш: 'ch', щ: 'chtch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'iou', я: 'ia', і: 'i', ї: 'i', є: 'ie', ґ: 'g', ў: 'ou' },
    betweenVowels: { с: 'ss' },
    beforeFront: { г: 'gu' },
  },
  'uk-kmu': {
    map: { а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', е: 'e', є: 'ie', ж: 'zh', з: 'z', и: 'y', і: 'i', ї: 'i', й: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ь: '', ю: 'iu', я: 'ia', ё: 'e', ъ: '', ы: 'y', э: 'e', ў: 'u' },
    wordStart: { є: 'ye', ї: 'yi', й: 'y', ю: 'yu', я: 'ya' },
  },
  'be-nat': {
    map: { а: 'a', б: 'b', в: 'v', г: 'h', д: 'd', е: 'ie', ё: 'io', ж: 'z', з: 'z', і: 'i', и: 'i', й: 'j', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ў: 'u', ф: 'f', х: 'ch', ц: 'c', ч: 'c', ш: 's', щ: 's', ы: 'y', ь: '', ъ: '', э: 'e', ю: 'iu', я: 'ia', ї: 'i', є: 'ie', ґ: 'g' },
    initial: { е: 'je', ё: 'jo', ю: 'ju', я: 'ja' },
  },
};

/** The romanisations of one lower-case Cyrillic word under every system, deduplicated. */
export function romanize(word) {
  const out = new Set();
  const letters = [...word.normalize('NFC')];
  for (const sys of Object.values(SYSTEMS)) {
    let s = '';
    letters.forEach((ch, i) => {
      const prev = letters[i - 1];
      const next = letters[i + 1];
      const afterVowel =
        prev === undefined || VOWELS.includes(prev) || prev === 'ь' || prev === 'ъ' || prev === "'";
      if (i === 0 && sys.wordStart?.[ch] !== undefined) s += sys.wordStart[ch];
      else if (afterVowel && sys.initial?.[ch] !== undefined) s += sys.initial[ch];
      else if (next === undefined && sys.final?.[ch] !== undefined) s += sys.final[ch];
      else if (
        prev &&
        next &&
        VOWELS.includes(prev) &&
        VOWELS.includes(next) &&
        sys.betweenVowels?.[ch] !== undefined
      )
        s += sys.betweenVowels[ch];
      else if (next && 'еиіэєяюё'.includes(next) && sys.beforeFront?.[ch] !== undefined)
        s += sys.beforeFront[ch];
      else s += sys.map[ch] ?? ch;
    });
    const ascii = s.normalize('NFD').replace(/\p{M}/gu, '');
    if (/^[a-z]+$/u.test(ascii)) out.add(ascii);
  }
  return [...out];
}
