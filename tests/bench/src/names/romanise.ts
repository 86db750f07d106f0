/**
 * Romanisations of Cyrillic and Greek names as they appear in lists: a few
 * systems per script, written from the systems' published tables (BGN/PCGN,
 * Russian passports since 2013 / ICAO 9303, German Duden transcription,
 * Ukrainian national system of 2010, ELOT 743 and its common phonetic
 * variants), independently of the fingerprint library's normalisation.
 */
type Table = Readonly<Record<string, string>>;

const RU_BGN: Table = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'yo',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};
const RU_PASSPORT: Table = { ...RU_BGN, ё: 'e', й: 'i', ю: 'iu', я: 'ia', ъ: 'ie' };
const RU_GERMAN: Table = {
  ...RU_BGN,
  в: 'w',
  ж: 'sch',
  з: 's',
  й: 'j',
  х: 'ch',
  ц: 'z',
  ч: 'tsch',
  ш: 'sch',
  щ: 'schtsch',
  ю: 'ju',
  я: 'ja',
  ё: 'jo',
  ы: 'y',
  е: 'e',
};
const UK_NATIONAL: Table = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'h',
  ґ: 'g',
  д: 'd',
  е: 'e',
  є: 'ie',
  ж: 'zh',
  з: 'z',
  и: 'y',
  і: 'i',
  ї: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ь: '',
  ю: 'iu',
  я: 'ia',
  "'": '',
  '’': '',
};
/** Ukrainian national system: initial є ї й ю я are ye yi y yu ya. */
const UK_INITIAL: Table = { є: 'ye', ї: 'yi', й: 'y', ю: 'yu', я: 'ya' };
/** BGN/PCGN: е after a vowel, ь, ъ or at the start is ye. */
const VOWELS = new Set([...'аеёиоуыэюяіїє']);

function apply(word: string, table: Table, opts: { initial?: Table; ye?: string } = {}): string {
  const chars = [...word.toLowerCase()];
  let out = '';
  chars.forEach((c, i) => {
    const prev = chars[i - 1];
    if (i === 0 && opts.initial?.[c] !== undefined) out += opts.initial[c];
    else if (
      c === 'е' &&
      opts.ye &&
      (i === 0 || (prev !== undefined && (VOWELS.has(prev) || prev === 'ь' || prev === 'ъ')))
    )
      out += opts.ye;
    else out += table[c] ?? c;
  });
  return out.charAt(0).toUpperCase() + out.slice(1);
}

/** Latin spellings of a Russian-Cyrillic name: BGN/PCGN first, then passport and German forms. */
export function romaniseRussian(word: string): string[] {
  const forms = [
    apply(word, RU_BGN, { ye: 'ye' }),
    apply(word, RU_PASSPORT),
    apply(word, RU_GERMAN, { ye: 'je' }),
    // -ий is written -y, -iy or -ii in lists
    apply(word, RU_BGN, { ye: 'ye' }).replace(/iy$/u, 'y'),
    apply(word, RU_BGN, { ye: 'e' }).replace(/kh/gu, 'h'),
  ];
  return [...new Set(forms)];
}

/** Latin spellings of a Ukrainian-Cyrillic name: the national system, then its frequent variants. */
export function romaniseUkrainian(word: string): string[] {
  const national = apply(word, UK_NATIONAL, { initial: UK_INITIAL });
  const forms = [
    national,
    national.replace(/yi$/u, 'iy').replace(/ii$/u, 'iy'),
    apply(word, { ...UK_NATIONAL, г: 'g' }, { initial: UK_INITIAL }),
  ];
  return [...new Set(forms)];
}

const GREEK_DIGRAPHS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['ου', ['ou', 'u']],
  ['αι', ['ai', 'e']],
  ['ει', ['ei', 'i']],
  ['οι', ['oi', 'i']],
  ['μπ', ['mp', 'b']],
  ['ντ', ['nt', 'd']],
  ['γγ', ['ng', 'gg']],
  ['γκ', ['gk', 'g']],
  ['αυ', ['av', 'af']],
  ['ευ', ['ev', 'ef']],
];
const GREEK: Readonly<Record<string, readonly string[]>> = {
  α: ['a'],
  β: ['v'],
  γ: ['g'],
  δ: ['d'],
  ε: ['e'],
  ζ: ['z'],
  η: ['i'],
  θ: ['th'],
  ι: ['i'],
  κ: ['k'],
  λ: ['l'],
  μ: ['m'],
  ν: ['n'],
  ξ: ['x', 'ks'],
  ο: ['o'],
  π: ['p'],
  ρ: ['r'],
  σ: ['s'],
  ς: ['s'],
  τ: ['t'],
  υ: ['y', 'i'],
  φ: ['f', 'ph'],
  χ: ['ch', 'h'],
  ψ: ['ps'],
  ω: ['o'],
};

/** Latin spellings of a Greek name: ELOT 743 first, then phonetic variants (ου → u, υ → i, χ → h…). */
export function romaniseGreek(word: string): string[] {
  const plain = word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const build = (variant: 0 | 1): string => {
    let out = '';
    for (let i = 0; i < plain.length;) {
      const di = GREEK_DIGRAPHS.find(([g]) => plain.startsWith(g, i));
      if (di) {
        out += di[1][variant] ?? di[1][0];
        i += 2;
        continue;
      }
      const c = plain[i] as string;
      const forms = GREEK[c];
      out += forms ? (forms[variant] ?? forms[0]) : c;
      i += 1;
    }
    return out.charAt(0).toUpperCase() + out.slice(1);
  };
  return [...new Set([build(0), build(1)])];
}
