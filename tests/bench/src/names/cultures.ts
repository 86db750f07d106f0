/**
 * The name pools of each culture and their frequency profiles. Family
 * names: Zipf–Mandelbrot with exponent ≈ 1 (Zanette & Manrubia 2001), the
 * head fitted to the US Census 2010 surname table for Western names (the
 * commonest 0.83 % of the population, the top 25 about 9 %, the top 239 a
 * quarter) and to its more concentrated Hispanic profile (10 surnames
 * 16 %, 26 a quarter) for Arabic names; East Slavic, Persian and Greek in
 * between. Given names are far more concentrated than family names: the
 * top shares are assumptions (see docs/benchmarks.md).
 */
import {
  ARABIC_FAMILY,
  ARABIC_FEMALE,
  ARABIC_MALE,
  arabicGivenTail,
  arabicTail,
  PERSIAN_FAMILY,
  PERSIAN_FEMALE,
  PERSIAN_MALE,
  persianGivenTail,
  persianTail,
} from './arabic.js';
import {
  GREEK_FAMILY_HEAD,
  GREEK_FEMALE,
  GREEK_MALE,
  greekFamilyTail,
  WESTERN_FAMILY_HEAD,
  WESTERN_FEMALE,
  WESTERN_MALE,
  westernFamilyTail,
  type Gendered,
} from './greek-western.js';
import { namePool, type NamePool, type Part } from './pool.js';
import {
  SLAVIC_FAMILY_HEAD,
  SLAVIC_FEMALE,
  SLAVIC_MALE,
  slavicFamilyTail,
  type SlavicGiven,
} from './slavic.js';

export type Sex = 'male' | 'female';

export interface Culture {
  readonly name: 'arabic' | 'persian' | 'slavic' | 'greek' | 'western';
  /** share of identities */
  readonly weight: number;
  readonly given: Readonly<Record<Sex, NamePool>>;
  readonly family: NamePool<Gendered>;
  /** what stands between given and family name: the father's given name, a patronymic, or nothing */
  readonly middle: 'father' | 'patronymic' | 'none';
  /** share of identities whose records show the middle name */
  readonly middleRate: number;
  /** the middle name of a child of a father with this given rank */
  middlePart(fatherRank: number, sex: Sex): Part;
}

const same = (p: Part): Gendered => ({ male: p, female: p });

const ARABIC: Culture = {
  name: 'arabic',
  weight: 0.45,
  given: {
    male: namePool(ARABIC_MALE, arabicGivenTail, { ranks: 1_000, exponent: 1, topShare: 0.12 }),
    female: namePool(ARABIC_FEMALE, arabicGivenTail, { ranks: 1_000, exponent: 1, topShare: 0.08 }),
  },
  family: namePool(ARABIC_FAMILY.map(same), (n) => same(arabicTail(true)(n)), {
    ranks: 50_000,
    exponent: 1,
    topShare: 0.025,
  }),
  middle: 'father',
  middleRate: 0.7,
  middlePart: (rank) => ARABIC.given.male.part(rank),
};

const PERSIAN: Culture = {
  name: 'persian',
  weight: 0.15,
  given: {
    male: namePool(PERSIAN_MALE, persianGivenTail, { ranks: 1_000, exponent: 1, topShare: 0.1 }),
    female: namePool(PERSIAN_FEMALE, persianGivenTail, {
      ranks: 1_000,
      exponent: 1,
      topShare: 0.08,
    }),
  },
  family: namePool(PERSIAN_FAMILY.map(same), (n) => same(persianTail(n + 7_000)), {
    ranks: 100_000,
    exponent: 1,
    topShare: 0.012,
  }),
  middle: 'none',
  middleRate: 0,
  middlePart: () => [],
};

const SLAVIC: Culture = {
  name: 'slavic',
  weight: 0.25,
  given: {
    male: namePool(
      SLAVIC_MALE.map((g) => g.part),
      null,
      { exponent: 1, topShare: 0.1 },
    ),
    female: namePool(SLAVIC_FEMALE, null, { exponent: 1, topShare: 0.09 }),
  },
  family: namePool(SLAVIC_FAMILY_HEAD, slavicFamilyTail, {
    ranks: 200_000,
    exponent: 1,
    topShare: 0.01,
  }),
  middle: 'patronymic',
  middleRate: 0.5,
  middlePart: (rank, sex) => (SLAVIC_MALE[rank] ?? (SLAVIC_MALE[0] as SlavicGiven)).patronymic[sex],
};

const GREEK: Culture = {
  name: 'greek',
  weight: 0.07,
  given: {
    male: namePool(GREEK_MALE, null, { exponent: 1, topShare: 0.12 }),
    female: namePool(GREEK_FEMALE, null, { exponent: 1, topShare: 0.12 }),
  },
  family: namePool(GREEK_FAMILY_HEAD, greekFamilyTail, {
    ranks: 100_000,
    exponent: 1,
    topShare: 0.008,
  }),
  middle: 'none',
  middleRate: 0,
  middlePart: () => [],
};

const WESTERN: Culture = {
  name: 'western',
  weight: 0.08,
  given: {
    male: namePool(WESTERN_MALE, (n) => same(westernFamilyTail(n + 500_000)).male, {
      ranks: 2_000,
      exponent: 1,
      topShare: 0.04,
    }),
    female: namePool(WESTERN_FEMALE, (n) => same(westernFamilyTail(n + 600_000)).male, {
      ranks: 2_000,
      exponent: 1,
      topShare: 0.035,
    }),
  },
  // US Census 2010 fit: s = 0.96 over 10⁶ ranks, 0.83 % for the commonest
  family: namePool(WESTERN_FAMILY_HEAD.map(same), (n) => same(westernFamilyTail(n)), {
    ranks: 1_000_000,
    exponent: 0.96,
    topShare: 0.0083,
  }),
  middle: 'none',
  middleRate: 0,
  middlePart: () => [],
};

export const CULTURES: readonly Culture[] = [ARABIC, PERSIAN, SLAVIC, GREEK, WESTERN];

export function pickCulture(rng: () => number): Culture {
  let r = rng();
  for (const c of CULTURES) {
    r -= c.weight;
    if (r <= 0) return c;
  }
  return ARABIC;
}
