/**
 * Key extraction (schema v2): a FollowTheMoney Person → the plaintext
 * composite keys that get fingerprinted. See `schema.ts` for the kinds.
 */
import { parseBirthDates, type PartialDate } from './normalize/dates.js';
import { identifierKind, normalizeIdentifier } from './normalize/identifiers.js';
import { givenNameClasses } from './normalize/given-names.js';
import { splitNameVariants, tokenizeName, type NameToken } from './normalize/names.js';
import { skeleton } from './normalize/skeleton.js';
import { formReadings } from './normalize/slavic-latin.js';
import {
  KIND_EMAIL,
  KIND_ID_NATIONAL,
  KIND_ID_PASSPORT,
  KIND_NAME_FULL,
  KIND_NAME_FULL_DOB,
  KIND_NAME_GLUED,
  KIND_NAME_PAIR,
  KIND_NAME_PAIR_YOB,
  KIND_NAME_PART_DOB,
  KIND_NAME_SUB,
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
/** At most this many combinations of alternative token forms per proper subset of three or more tokens. */
const MAX_SUB_COMBINATIONS = 2;
/** Names of more tokens get pairs and the full set only: subsets of long names would crowd the caps. */
const MAX_SUBSET_NAME_TOKENS = 6;
/** Subset (`name.sub`) keys per person: a bound well inside the per-kind cap (128, dummies included). */
const MAX_SUB_KEYS = 96;

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

/** Index subsets of {0…n−1} of the given size, in lexicographic order. */
function indexSubsets(n: number, size: number): number[][] {
  const out: number[][] = [];
  const pick = (from: number, chosen: number[]): void => {
    if (chosen.length === size) {
      out.push(chosen);
      return;
    }
    for (let i = from; i <= n - (size - chosen.length); i++) pick(i + 1, [...chosen, i]);
  };
  pick(0, []);
  return out;
}

/** A token set's key value: its skeletons sorted (repeats kept: Salem Salameh is "SLM SLM"). */
const setValue = (skels: readonly string[]): string => [...skels].sort().join(' ');

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

/**
 * Token sets of all names of a person, each labelled once: a set that is
 * one name's whole token set is `name.full`, even when it is also part of a
 * longer alias (so the hub never sees one value under two labels in a case).
 */
class TokenSets {
  private readonly labels = new Map<string, string>();
  add(value: string, kind: string): void {
    const seen = this.labels.get(value);
    if (seen === KIND_NAME_FULL) return;
    if (kind === KIND_NAME_FULL || seen === undefined) this.labels.set(value, kind);
  }
  addTo(bag: KeyBag): void {
    const subs: string[] = [];
    for (const [value, kind] of this.labels) {
      if (kind === KIND_NAME_SUB) subs.push(value);
      else bag.add(kind, value);
    }
    for (const value of subs.sort().slice(0, MAX_SUB_KEYS)) bag.add(KIND_NAME_SUB, value);
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
    // the year and the date's own precision: a middle level (the month of a full date) adds little
    // evidence and a key per full name
    levels: [...new Set(dates.flatMap((d) => [d.slice(0, 4), d]))],
    fullDates: dates.filter((d) => d.length === 10),
  };
}

/**
 * A Persian compound whose first element ends in a silent he (قلعه‌بانی) is
 * romanised with or without its -eh- (Ghalehbani, Ghalebani): a medial eh
 * before a consonant, with at least three letters on each side (so Mehdi,
 * Behnam, Tehrani, Sepehr are untouched), also reads without the h.
 */
const SILENT_HE = /^([a-z]{3,}e)h([b-df-gj-np-tv-z][a-z]{2,})$/u;

/** A token's spelled alternatives: the skeleton of each form (and of its reading without a silent he). */
function spelledAlternatives(forms: readonly string[]): string[] {
  const silentHe = forms.flatMap((f) => {
    const m = SILENT_HE.exec(f);
    return m ? [skeleton(`${m[1]}${m[2]}`)] : [];
  });
  return [...new Set([...forms.map(skeleton), ...silentHe])];
}

/** A token's alternatives as keyed: its spelled alternatives, and the given-name classes of its forms. */
function tokenAlternatives(forms: readonly string[]): string[] {
  return [...new Set([...spelledAlternatives(forms), ...forms.flatMap(givenNameClasses)])];
}

function addNameKeys(
  bag: KeyBag,
  sets: TokenSets,
  reading: readonly NameToken[],
  dates: DateInfo,
): void {
  // the reading as written, then (slavic-latin.ts) the common reading(s) of an East Slavic name in
  // any romanisation (Hryhorii = Grigoriy, Iwanow = Ivanov, Ivanou = Ivanov); marked letters
  // (š, Hebrew ב) give their token its other reading
  for (const forms of formReadings(reading.map((t) => t.forms))) {
    const alts = forms.map(tokenAlternatives);
    const n = alts.length;

    if (n >= 2) {
      for (const combo of combinations(alts, MAX_FULL_COMBINATIONS))
        sets.add(setValue(combo), KIND_NAME_FULL);
      // whole name + date from the spelled forms only: a given-name class already meets through the
      // whole name and the pairs + year, and each class would double these keys
      if (dates.levels.length > 0) {
        for (const combo of combinations(forms.map(spelledAlternatives), MAX_FULL_COMBINATIONS)) {
          const full = setValue(combo);
          for (const level of dates.levels) bag.add(KIND_NAME_FULL_DOB, `${full}|${level}`);
        }
      }
      for (const combo of combinations(forms, MAX_FULL_COMBINATIONS)) {
        bag.add(KIND_NAME_GLUED, skeleton(combo.join('')));
      }
    }

    // every two tokens: a proper pair of a longer name, or the whole of a two-token name
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        for (const a of alts[i] ?? []) {
          for (const b of alts[j] ?? []) {
            const pair = setValue([a, b]);
            if (n > 2) sets.add(pair, KIND_NAME_PAIR);
            for (const y of dates.years) bag.add(KIND_NAME_PAIR_YOB, `${pair}|${y}`);
          }
        }
      }
    }

    // proper subsets of three or more tokens, so a shorter name inside a longer one is seen as such
    if (n >= 4 && n <= MAX_SUBSET_NAME_TOKENS) {
      const smallest = n === MAX_SUBSET_NAME_TOKENS ? n - 1 : 3;
      for (let size = smallest; size < n; size++) {
        for (const subset of indexSubsets(n, size)) {
          const subsetAlts = subset.map((i) => alts[i] ?? []);
          for (const combo of combinations(subsetAlts, MAX_SUB_COMBINATIONS)) {
            sets.add(setValue(combo), KIND_NAME_SUB);
          }
        }
      }
    }

    for (const tokenAlts of alts) {
      for (const s of tokenAlts) {
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
  const sets = new TokenSets();
  for (const name of personNames(person)) {
    for (const reading of tokenizeName(name)) addNameKeys(bag, sets, reading, dates);
  }
  sets.addTo(bag);
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
