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

/**
 * A romanisation system as tables: letter pairs written as one (tried
 * first), letters at the start of a word, е in the BGN/PCGN positions, then
 * single letters; anything else is kept.
 */
interface System {
  readonly letters: Table;
  readonly pairs?: Table;
  readonly initial?: Table;
  readonly ye?: string;
}

/** Romanises a lower-case word, capitalised. */
function romanise(word: string, system: System): string {
  const chars = [...word];
  let out = '';
  for (let i = 0; i < chars.length;) {
    const c = chars[i] as string;
    const prev = chars[i - 1];
    const pair = i + 1 < chars.length ? system.pairs?.[c + (chars[i + 1] as string)] : undefined;
    if (pair !== undefined) {
      out += pair;
      i += 2;
      continue;
    }
    if (i === 0 && system.initial?.[c] !== undefined) out += system.initial[c];
    else if (
      c === 'е' &&
      system.ye &&
      (i === 0 || (prev !== undefined && (VOWELS.has(prev) || prev === 'ь' || prev === 'ъ')))
    )
      out += system.ye;
    else out += system.letters[c] ?? c;
    i += 1;
  }
  return out.charAt(0).toUpperCase() + out.slice(1);
}

function apply(word: string, letters: Table, opts: { initial?: Table; ye?: string } = {}): string {
  return romanise(word.toLowerCase(), { letters, ...opts });
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

/** Greek in two systems: ELOT 743 (variant 0) and the phonetic spellings (variant 1, where one differs). */
const GREEK_DIGRAPHS: Readonly<Record<string, readonly string[]>> = {
  ου: ['ou', 'u'],
  αι: ['ai', 'e'],
  ει: ['ei', 'i'],
  οι: ['oi', 'i'],
  μπ: ['mp', 'b'],
  ντ: ['nt', 'd'],
  γγ: ['ng', 'gg'],
  γκ: ['gk', 'g'],
  αυ: ['av', 'af'],
  ευ: ['ev', 'ef'],
};
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

function greekVariant(variant: 0 | 1): System {
  const pick = (table: Readonly<Record<string, readonly string[]>>): Table =>
    Object.fromEntries(
      Object.entries(table).map(([k, forms]) => [k, forms[variant] ?? (forms[0] as string)]),
    );
  return { letters: pick(GREEK), pairs: pick(GREEK_DIGRAPHS) };
}
const GREEK_SYSTEMS = [greekVariant(0), greekVariant(1)] as const;

/** Latin spellings of a Greek name: ELOT 743 first, then phonetic variants (ου → u, υ → i, χ → h…). */
export function romaniseGreek(word: string): string[] {
  const plain = word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return [...new Set(GREEK_SYSTEMS.map((system) => romanise(plain, system)))];
}
