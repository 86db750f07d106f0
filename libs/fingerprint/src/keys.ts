/**
 * Key extraction (schema v1): a FollowTheMoney Person → the plaintext
 * composite keys that get fingerprinted. See `schema.ts` for the kinds.
 */
import { dateLevels, parseBirthDates, type PartialDate } from './normalize/dates.js';
import { identifierKind, normalizeIdentifier } from './normalize/identifiers.js';
import { splitNameVariants, tokenizeName, type NameToken } from './normalize/names.js';
import { hasStandaloneH, looksEastSlavic, skeleton, standaloneHToG } from './normalize/skeleton.js';
import {
  KIND_EMAIL,
  KIND_ID_NATIONAL,
  KIND_ID_PASSPORT,
  KIND_NAME_FULL,
  KIND_NAME_FULL_DOB,
  KIND_NAME_PAIR,
  KIND_NAME_PAIR_YOB,
  KIND_NAME_PART_DOB,
  KIND_PHONE,
} from './schema.js';
import type { ExtractKeysOptions, FingerprintKey, FtmPerson, FtmProperties } from './types.js';

/** Name properties that are keyed. `weakAlias` (nicknames) is deliberately absent. */
export const NAME_PROPERTIES: readonly string[] = ['name', 'alias', 'previousName'];
/** Name-part properties composed into one more name, in this order. */
export const NAME_PART_PROPERTIES: readonly string[] = [
  'firstName',
  'secondName',
  'middleName',
  'fatherName',
  'lastName',
];

/** FtM identifier properties and their key kinds. */
export const IDENTIFIER_PROPERTIES: Readonly<Record<string, string>> = {
  passportNumber: KIND_ID_PASSPORT,
  idNumber: KIND_ID_NATIONAL,
  taxNumber: 'id.tax',
  innCode: 'id.tax',
  socialSecurityNumber: 'id.ssn',
  phone: KIND_PHONE,
  email: KIND_EMAIL,
};

/** At most this many combinations of alternative token forms make full-name keys, per reading. */
const MAX_FULL_COMBINATIONS = 8;

/** The non-empty trimmed values of a property (FtM lists, or a lone string). */
export function propertyValues(props: FtmProperties, name: string): string[] {
  const raw = props[name];
  const list = raw === undefined ? [] : typeof raw === 'string' ? [raw] : raw;
  return list.map((v) => String(v).trim()).filter((v) => v.length > 0);
}

/** All name strings of a person: names, aliases, previous names, and the composed name parts. */
export function personNames(person: FtmPerson): string[] {
  const names = NAME_PROPERTIES.flatMap((p) => propertyValues(person.properties, p)).flatMap(
    splitNameVariants,
  );
  const parts = NAME_PART_PROPERTIES.map((p) => propertyValues(person.properties, p)[0]).filter(
    (v): v is string => v !== undefined,
  );
  if (parts.length > 0) names.push(parts.join(' '));
  return [...new Set(names)];
}

/** Cartesian product of the alternatives, in index order, at most `limit` combinations. */
function combinations<T>(alternatives: readonly (readonly T[])[], limit: number): T[][] {
  let out: T[][] = [[]];
  for (const alts of alternatives) {
    const next: T[][] = [];
    for (const prefix of out) {
      for (const a of alts) {
        if (next.length >= limit) break;
        next.push([...prefix, a]);
      }
    }
    out = next;
  }
  return out;
}

class KeyBag {
  private readonly keys = new Map<string, FingerprintKey>();
  add(kind: string, value: string): void {
    const id = `${kind}\u0000${value}`;
    if (!this.keys.has(id)) this.keys.set(id, { kind, value });
  }
  sorted(): FingerprintKey[] {
    return [...this.keys.values()].sort((a, b) =>
      a.kind < b.kind
        ? -1
        : a.kind > b.kind
          ? 1
          : a.value < b.value
            ? -1
            : a.value > b.value
              ? 1
              : 0,
    );
  }
}

interface DateInfo {
  years: string[];
  levels: string[];
  fullDates: string[];
}

function dateInfo(dates: readonly PartialDate[]): DateInfo {
  return {
    years: [...new Set(dates.map((d) => d.slice(0, 4)))],
    levels: [...new Set(dates.flatMap(dateLevels))],
    fullDates: dates.filter((d) => d.length === 10),
  };
}

function addNameKeys(bag: KeyBag, reading: readonly NameToken[], dates: DateInfo): void {
  // East Slavic names get a second reading with every standalone h as g: Ukrainian romanises г as h,
  // Russian as g (Yevhen = Evgeny), while an h may also stand for х (Ahmed = Akhmed Zakayev)
  const tokens = reading.flatMap((t) => t.forms);
  const readings = looksEastSlavic(tokens) && tokens.some(hasStandaloneH) ? [false, true] : [false];
  for (const hAsG of readings) {
    const forms = reading.map((t) => [
      ...new Set(t.forms.map((f) => (hAsG ? standaloneHToG(f) : f))),
    ]);
    const skels = forms.map((fs) => [...new Set(fs.map(skeleton))]);

    // pairs of two different tokens; their skeletons may coincide (Salem Salameh)
    const pairs = new Set<string>();
    for (let i = 0; i < skels.length; i++) {
      for (let j = i + 1; j < skels.length; j++) {
        for (const a of skels[i] ?? []) {
          for (const b of skels[j] ?? []) pairs.add(a < b ? `${a} ${b}` : `${b} ${a}`);
        }
      }
    }
    for (const pair of pairs) {
      bag.add(KIND_NAME_PAIR, pair);
      for (const y of dates.years) bag.add(KIND_NAME_PAIR_YOB, `${pair}|${y}`);
    }

    if (skels.length >= 2) {
      for (const combo of combinations(skels, MAX_FULL_COMBINATIONS)) {
        const sorted = [...new Set(combo)].sort();
        if (sorted.length < 2) continue;
        const full = sorted.join(' ');
        bag.add(KIND_NAME_FULL, `s:${full}`);
        for (const level of dates.levels) bag.add(KIND_NAME_FULL_DOB, `${full}|${level}`);
      }
      for (const combo of combinations(forms, MAX_FULL_COMBINATIONS)) {
        bag.add(KIND_NAME_FULL, `c:${skeleton(combo.join(''))}`);
      }
    }

    for (const tokenSkels of skels) {
      for (const s of tokenSkels) {
        for (const d of dates.fullDates) bag.add(KIND_NAME_PART_DOB, `${s}|${d}`);
      }
    }
  }
}

/**
 * The plaintext composite keys of a FollowTheMoney Person: name keys for
 * every name, alias and previous name (never `weakAlias`), combined with
 * every birth date, and one key per identifier with its type. Keys are
 * deduplicated and sorted by kind, then value, so the output depends only on
 * the person's content, never on property or value order.
 *
 * Plaintext keys are for the client only: only their fingerprints leave it.
 */
export function extractKeys(person: FtmPerson, opts: ExtractKeysOptions = {}): FingerprintKey[] {
  const bag = new KeyBag();
  const dates = dateInfo(
    [...new Set(propertyValues(person.properties, 'birthDate').flatMap(parseBirthDates))].sort(),
  );
  for (const name of personNames(person)) {
    for (const reading of tokenizeName(name)) addNameKeys(bag, reading, dates);
  }
  for (const [property, kind] of Object.entries(IDENTIFIER_PROPERTIES)) {
    for (const value of propertyValues(person.properties, property)) {
      const normalised = normalizeIdentifier(kind, value, opts.defaultPhoneCountry);
      if (normalised !== null) bag.add(kind, normalised);
    }
  }
  for (const { type, value } of person.identifiers ?? []) {
    const kind = identifierKind(type);
    if (kind === null) continue;
    const normalised = normalizeIdentifier(kind, value, opts.defaultPhoneCountry);
    if (normalised !== null) bag.add(kind, normalised);
  }
  return bag.sorted();
}
