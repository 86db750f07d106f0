import { CASE_REFERENCE_PATTERN, matchesReferencePattern } from '@parallax/domain';
import {
  parseBirthDates,
  personNames,
  referenceContainsName,
  type FtmPerson,
  type TypedIdentifier,
} from '@parallax/fingerprint';

/**
 * The suspect's identifiers as typed into the form. They live in the form's
 * state only, go to the fingerprint worker, and are cleared after the case
 * is registered: never sent, never stored.
 */
export interface PersonFormValues {
  /** Full names, in any script (Latin, Arabic, Cyrillic…). */
  names: string[];
  aliases: string[];
  /** "1951", "1951-03" or "1951-03-14" (and the other forms the schema reads). */
  birthDates: string[];
  /** ISO 3166 country codes. */
  nationalities: string[];
  passportNumbers: string[];
  idNumbers: string[];
  phones: string[];
  emails: string[];
  /** Other identifiers: social handles, vehicle plates, wallets… */
  identifiers: TypedIdentifier[];
}

export const emptyPerson = (): PersonFormValues => ({
  names: [''],
  aliases: [''],
  birthDates: [''],
  nationalities: [''],
  passportNumbers: [''],
  idNumbers: [''],
  phones: [''],
  emails: [''],
  identifiers: [],
});

function clean(values: readonly string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter((v) => v.length > 0))];
}

/**
 * The form's values as a FollowTheMoney Person, the input of the fingerprint
 * schema: one property per kind of value, empty ones left out, duplicates
 * removed.
 */
export function personFromForm(values: PersonFormValues, id = 'form'): FtmPerson {
  const properties: Record<string, string[]> = {};
  const put = (property: string, list: readonly string[]) => {
    const cleaned = clean(list);
    if (cleaned.length > 0) properties[property] = cleaned;
  };
  put('name', values.names);
  put('alias', values.aliases);
  put('birthDate', values.birthDates);
  put('nationality', values.nationalities);
  put('passportNumber', values.passportNumbers);
  put('idNumber', values.idNumbers);
  put('phone', values.phones);
  put('email', values.emails);
  const seen = new Set<string>();
  const identifiers = values.identifiers.flatMap(({ type, value }) => {
    const t = type.trim();
    const v = value.trim();
    const key = `${t}\u0000${v}`;
    if (!t || !v || seen.has(key)) return [];
    seen.add(key);
    return [{ type: t, value: v }];
  });
  return {
    id,
    schema: 'Person',
    properties,
    ...(identifiers.length > 0 ? { identifiers } : {}),
  };
}

/** Whether anything that can be fingerprinted was entered (nationality alone is not keyed). */
export function hasIdentifiers(values: PersonFormValues): boolean {
  const person = personFromForm(values);
  const { nationality: _nationality, ...keyed } = person.properties;
  return Object.keys(keyed).length > 0 || (person.identifiers?.length ?? 0) > 0;
}

/** A birth date the fingerprint schema can read (a year, a month, a day, a range…). */
export function isReadableBirthDate(value: string): boolean {
  return value.trim() === '' || parseBirthDates(value).length > 0;
}

/** The organisation's own label: starts with a letter or digit, no more than 80 characters. */
export function isValidReference(value: string): boolean {
  return CASE_REFERENCE_PATTERN.test(value.trim());
}

export type ReferenceProblem =
  | 'cases.referenceRequired'
  | 'cases.referenceInvalid'
  | 'cases.referenceContainsName'
  | 'cases.referencePatternMismatch';

/**
 * Why the reference cannot be sent, or null. The reference reaches the hub
 * in clear, so it must not carry a token of the suspect's names (in any
 * script: MOHAMMED-17 for محمد), and it follows the organisation's pattern
 * when there is one (the hub checks that too).
 */
export function referenceProblem(
  reference: string,
  person: PersonFormValues,
  pattern: string | null,
): ReferenceProblem | null {
  if (!reference.trim()) return 'cases.referenceRequired';
  if (!isValidReference(reference)) return 'cases.referenceInvalid';
  if (referenceContainsName(reference, personNames(personFromForm(person))))
    return 'cases.referenceContainsName';
  if (!matchesReferencePattern(pattern, reference)) return 'cases.referencePatternMismatch';
  return null;
}
