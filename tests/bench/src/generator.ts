/**
 * Deterministic generator of synthetic persons for benchmarks and for the
 * synthetic calibration check: multi-script names (Arabic, Persian, Russian,
 * Ukrainian, Greek, Western) drawn from realistic frequency distributions
 * with families and namesakes (names/population.ts), real-world spelling
 * variants, aliases, birth dates in list formats, and identifiers.
 *
 * The spelling variants are written from how names appear in public lists
 * and from published romanisation tables, independently of the
 * normalisation rules; the generator never calls the fingerprint library.
 */
import type { FtmPerson, TypedIdentifier } from '@parallax/fingerprint';
import type { Culture } from './names/cultures.js';
import type { Part } from './names/pool.js';
import { nameParts, nextName, type Birth, type NameChoice } from './names/population.js';

/** mulberry32: a small deterministic PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)] as T;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const PLATFORMS = ['telegram', 'twitter', 'facebook', 'vk', 'instagram'];

/** The latent identity of a synthetic person: chosen parts and facts, before any spelling. */
export interface Identity {
  readonly index: number;
  readonly culture: Culture;
  readonly name: NameChoice;
  readonly parts: readonly Part[];
  readonly birth: Birth | null;
  readonly passport: string | null;
  readonly phone: string | null;
  readonly email: string | null;
  readonly handle: TypedIdentifier | null;
  readonly other: TypedIdentifier | null;
}

function identity(rng: Rng, index: number, name: NameChoice): Identity {
  const digits = (n: number): string =>
    Array.from({ length: n }, () => Math.floor(rng() * 10)).join('');
  const letters = (n: number): string =>
    Array.from({ length: n }, () => String.fromCharCode(65 + Math.floor(rng() * 26))).join('');
  return {
    index,
    culture: name.culture,
    name,
    parts: nameParts(name),
    birth: name.birth,
    passport: rng() < 0.3 ? `${letters(1)}${digits(7)}` : null,
    phone:
      rng() < 0.2
        ? `+${pick(rng, ['961', '963', '964', '967', '98', '380', '7', '30'])}${digits(9)}`
        : null,
    email: rng() < 0.1 ? `user${index}.${digits(3)}@example.org` : null,
    handle:
      rng() < 0.1
        ? { type: pick(rng, PLATFORMS), value: `@h${index}_${letters(3).toLowerCase()}` }
        : null,
    other:
      rng() < 0.05
        ? {
            type: pick(rng, ['tail number', 'plate', 'wallet']),
            value: `${letters(2)}-${digits(4)}`,
          }
        : null,
  };
}

/** `count` deterministic latent identities; later ones may be relatives of earlier ones. */
export function identities(rng: Rng, count: number): Identity[] {
  const names: NameChoice[] = [];
  const out: Identity[] = [];
  for (let i = 0; i < count; i++) {
    const name = nextName(rng, names);
    names.push(name);
    out.push(identity(rng, i, name));
  }
  return out;
}

const NATIVE_SCRIPT = /[\u0370-\u03ff\u0400-\u04ff\u0600-\u06ff]/u;

/** One spelling of the identity's name: a variant of each part; sometimes the middle part is dropped. */
function spell(rng: Rng, id: Identity, variantRate: number, dropMiddle: boolean): string {
  const parts =
    dropMiddle && id.parts.length > 2 ? [id.parts[0], id.parts[id.parts.length - 1]] : id.parts;
  // a whole name in one script: choose Latin or native for all parts together
  const native = rng() < variantRate * 0.4;
  return parts
    .map((p) => {
      const part = p as Part;
      const natives = part.filter((s) => NATIVE_SCRIPT.test(s));
      const latins = part.filter((s) => !NATIVE_SCRIPT.test(s));
      if (native && natives.length > 0) return pick(rng, natives);
      return rng() < variantRate ? pick(rng, latins) : (latins[0] as string);
    })
    .join(' ');
}

function birthValues(rng: Rng, id: Identity): string[] {
  if (!id.birth) return [];
  const { year, month, day } = id.birth;
  const r = rng();
  if (r < 0.45) return [`${String(day).padStart(2, '0')} ${MONTHS[month - 1] as string} ${year}`];
  if (r < 0.65)
    return [`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`];
  if (r < 0.9) return [String(year)];
  return [`01 Jan ${year} to 31 Dec ${year + 1}`];
}

/**
 * A record of the identity as one organisation holds it: a name spelling,
 * 0–2 aliases, birth date in a list format, and some of the identifiers.
 */
export function record(rng: Rng, id: Identity, recordId: string, variantRate = 0.5): FtmPerson {
  const name = spell(rng, id, variantRate, rng() < 0.3);
  const aliases: string[] = [];
  const aliasCount = rng() < 0.5 ? 0 : rng() < 0.7 ? 1 : 2;
  for (let i = 0; i < aliasCount; i++) aliases.push(spell(rng, id, 1, rng() < 0.5));
  const properties: Record<string, string[]> = { name: [name] };
  if (aliases.length > 0) properties['alias'] = aliases;
  if (rng() < 0.9) {
    const birth = birthValues(rng, id);
    if (birth.length > 0) properties['birthDate'] = birth;
  }
  if (id.passport && rng() < 0.7)
    properties['passportNumber'] = [
      id.passport.replace(/^(.)(\d{3})/u, rng() < 0.5 ? '$1 $2-' : '$1$2'),
    ];
  if (id.phone && rng() < 0.7) properties['phone'] = [id.phone];
  if (id.email && rng() < 0.7)
    properties['email'] = [rng() < 0.5 ? id.email.toUpperCase() : id.email];
  const identifiers: TypedIdentifier[] = [];
  if (id.handle && rng() < 0.7) identifiers.push(id.handle);
  if (id.other && rng() < 0.7) identifiers.push(id.other);
  return {
    id: recordId,
    schema: 'Person',
    properties,
    ...(identifiers.length > 0 ? { identifiers } : {}),
  };
}

/** `count` synthetic persons (one record each), deterministic for a seed. */
export function syntheticPersons(count: number, seed = 20240601): FtmPerson[] {
  const rng = prng(seed);
  return identities(rng, count).map((id, i) => record(rng, id, `synthetic-${i}`));
}

/**
 * Two organisations' lists over a shared population: `overlap` identities
 * appear in both (spelled independently), the rest in one only. Returns the
 * lists and the true pairs.
 */
export function syntheticLinkage(
  perSide: number,
  overlap: number,
  seed = 7,
): { left: FtmPerson[]; right: FtmPerson[]; truth: Set<string> } {
  const rng = prng(seed);
  const population = identities(rng, 2 * perSide - overlap);
  const left: FtmPerson[] = [];
  const right: FtmPerson[] = [];
  const truth = new Set<string>();
  population.forEach((id, i) => {
    const inLeft = i < perSide;
    const inRight = i >= perSide - overlap;
    if (inLeft) left.push(record(rng, id, `L${i}`));
    if (inRight) right.push(record(rng, id, `R${i}`));
    if (inLeft && inRight) truth.add(`L${i},R${i}`);
  });
  return { left, right, truth };
}
