/**
 * Fingerprint schema v1: version and key kinds. Any change to what a kind
 * means, to normalisation, or to the key value format is a new schema version
 * (the golden vectors in `test-vectors/` guard this).
 */

/** The schema version; part of every OPRF input (`parallax/v1/<kind>/<value>`). */
export const FINGERPRINT_SCHEMA_VERSION = 'v1';

/** Sorted set of the skeletons of all tokens of one name (two forms: sorted "s:" and in-order concatenation "c:"). */
export const KIND_NAME_FULL = 'name.full';
/** Unordered pair of two different token skeletons of one name. */
export const KIND_NAME_PAIR = 'name.pair';
/** A token pair plus one birth year. */
export const KIND_NAME_PAIR_YOB = 'name.pair+yob';
/** The sorted full skeleton plus a birth date at year, year-month and day level. */
export const KIND_NAME_FULL_DOB = 'name.full+dob';
/** One token skeleton plus a complete (day-precise) birth date. */
export const KIND_NAME_PART_DOB = 'name.part+dob';
export const KIND_ID_PASSPORT = 'id.passport';
export const KIND_ID_NATIONAL = 'id.national';
export const KIND_PHONE = 'phone';
export const KIND_EMAIL = 'email';
/** Prefix of social-handle kinds: `handle.twitter`, `handle.telegram`… */
export const KIND_HANDLE_PREFIX = 'handle.';
/** Prefix of other identifier kinds: `id.aircraft`, `id.plate`, `id.wallet`, `id.tax`… */
export const KIND_ID_PREFIX = 'id.';

/** The name kinds, all composite (never a single name token on its own). */
export const NAME_KINDS: readonly string[] = [
  KIND_NAME_FULL,
  KIND_NAME_PAIR,
  KIND_NAME_PAIR_YOB,
  KIND_NAME_FULL_DOB,
  KIND_NAME_PART_DOB,
];

/** Domain-separated OPRF input string for a key: `parallax/v1/<kind>/<value>`. */
export function keyInputString(kind: string, value: string): string {
  return `parallax/${FINGERPRINT_SCHEMA_VERSION}/${kind}/${value}`;
}
