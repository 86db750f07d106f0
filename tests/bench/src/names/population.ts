/**
 * A synthetic population with realistic namesakes: names drawn from
 * frequency distributions per culture (cultures.ts), East Slavic
 * patronymics and Arabic father's names derived from the father's given
 * name, and families: siblings (same family name and father, another given
 * name, birth years a few years apart) and father–son pairs (the son's
 * middle name is the father's given name; some sons bear the father's given
 * name too).
 */
import { pickCulture, type Culture, type Sex } from './cultures.js';
import type { Part } from './pool.js';

/** Share of identities that are a sibling of an earlier identity (assumption, see docs/benchmarks.md). */
export const SIBLING_RATE = 0.05;
/** Share of identities that are a son or daughter of an earlier man. */
export const CHILD_RATE = 0.02;
/** Share of sons who bear their father's given name. */
export const JUNIOR_RATE = 0.1;
/** Share of men: lists of persons of interest are mostly men. */
export const MALE_RATE = 0.8;
export const BIRTH_KNOWN_RATE = 0.8;

export interface Birth {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** The latent name of an identity: ranks in its culture's pools. */
export interface NameChoice {
  readonly culture: Culture;
  readonly sex: Sex;
  readonly given: number;
  /** the father's given rank (male pool), when the culture names it */
  readonly father: number | null;
  readonly showMiddle: boolean;
  readonly family: number;
  readonly birth: Birth | null;
  /** the earlier identity this one is a sibling or child of */
  readonly relative: { readonly index: number; readonly kind: 'sibling' | 'child' } | null;
}

export function nameParts(n: NameChoice): Part[] {
  const c = n.culture;
  const parts: Part[] = [c.given[n.sex].part(n.given)];
  if (n.showMiddle && n.father !== null) parts.push(c.middlePart(n.father, n.sex));
  parts.push(c.family.part(n.family)[n.sex]);
  return parts;
}

type Rng = () => number;

function randomBirth(rng: Rng, year?: number): Birth {
  return {
    year: year ?? 1940 + Math.floor(rng() * 50),
    month: 1 + Math.floor(rng() * 12),
    day: 1 + Math.floor(rng() * 28),
  };
}

function fresh(rng: Rng): NameChoice {
  const culture = pickCulture(rng);
  const sex: Sex = rng() < MALE_RATE ? 'male' : 'female';
  return {
    culture,
    sex,
    given: culture.given[sex].draw(rng),
    father: culture.middle === 'none' ? null : culture.given.male.draw(rng),
    showMiddle: rng() < culture.middleRate,
    family: culture.family.draw(rng),
    birth: rng() < BIRTH_KNOWN_RATE ? randomBirth(rng) : null,
    relative: null,
  };
}

function otherGiven(rng: Rng, c: Culture, sex: Sex, avoid: number | null): number {
  for (let i = 0; i < 20; i++) {
    const g = c.given[sex].draw(rng);
    if (g !== avoid) return g;
  }
  return avoid === 0 ? 1 : 0;
}

function sibling(rng: Rng, of: NameChoice, index: number): NameChoice {
  const sex: Sex = rng() < MALE_RATE ? 'male' : 'female';
  const gap = (1 + Math.floor(rng() * 8)) * (rng() < 0.5 ? -1 : 1);
  return {
    culture: of.culture,
    sex,
    given: otherGiven(rng, of.culture, sex, sex === of.sex ? of.given : null),
    father: of.father,
    showMiddle: rng() < of.culture.middleRate,
    family: of.family,
    birth:
      rng() < BIRTH_KNOWN_RATE
        ? randomBirth(rng, of.birth ? of.birth.year + gap : undefined)
        : null,
    relative: { index, kind: 'sibling' },
  };
}

function child(rng: Rng, father: NameChoice, index: number): NameChoice {
  const sex: Sex = rng() < MALE_RATE ? 'male' : 'female';
  const junior = sex === 'male' && rng() < JUNIOR_RATE;
  return {
    culture: father.culture,
    sex,
    given: junior ? father.given : otherGiven(rng, father.culture, sex, null),
    father: father.culture.middle === 'none' ? null : father.given,
    showMiddle: rng() < father.culture.middleRate,
    family: father.family,
    birth:
      rng() < BIRTH_KNOWN_RATE
        ? randomBirth(
            rng,
            father.birth ? father.birth.year + 20 + Math.floor(rng() * 21) : undefined,
          )
        : null,
    relative: { index, kind: 'child' },
  };
}

/** The next identity's name, given the earlier ones (deterministic for the rng). */
export function nextName(rng: Rng, earlier: readonly NameChoice[]): NameChoice {
  const r = rng();
  const n = earlier.length;
  if (n > 0 && r < SIBLING_RATE + CHILD_RATE) {
    const j = Math.floor(rng() * n);
    const other = earlier[j] as NameChoice;
    if (r < SIBLING_RATE) return sibling(rng, other, j);
    if (other.sex === 'male') return child(rng, other, j);
  }
  return fresh(rng);
}
