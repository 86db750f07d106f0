/**
 * Fingerprint schema v2: version and key kinds. Any change to what a kind
 * means, to normalisation, or to the key value format is a new schema version
 * (the golden vectors in `test-vectors/` guard this).
 */

/** The schema version; part of every OPRF input (`parallax/v2/<domain>/<value>`). */
export const FINGERPRINT_SCHEMA_VERSION = 'v2';

/** All the tokens of one name (two or more), as a sorted list of skeletons. */
export const KIND_NAME_FULL = 'name.full';
/** Two of the tokens of a name of three or more (a proper subset). */
export const KIND_NAME_PAIR = 'name.pair';
/** Three or more of the tokens of a name of four to six (a proper subset). */
export const KIND_NAME_SUB = 'name.sub';
/** The skeleton of a name's tokens glued in order: meets glued and split spellings (Jashn Saz = Jashnsaz). */
export const KIND_NAME_GLUED = 'name.glued';
/** Two tokens of a name (a pair, or a whole two-token name) plus one birth year. */
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
  KIND_NAME_SUB,
  KIND_NAME_GLUED,
  KIND_NAME_PAIR_YOB,
  KIND_NAME_FULL_DOB,
  KIND_NAME_PART_DOB,
];

/**
 * The token-set kinds share one OPRF domain: a set of tokens has one
 * fingerprint whether it is one case's whole name or part of another's
 * longer name, so the hub sees when one name is contained in the other
 * (evidence for) and when neither is (evidence against).
 */
export const NAME_SET_DOMAIN = 'name.set';

/** The token-set kinds (labels of fingerprints in the `name.set` domain). */
export const NAME_SET_KINDS: readonly string[] = [KIND_NAME_FULL, KIND_NAME_PAIR, KIND_NAME_SUB];

/** The OPRF domain of a kind: `name.set` for the token-set kinds, the kind itself otherwise. */
export function keyDomain(kind: string): string {
  return NAME_SET_KINDS.includes(kind) ? NAME_SET_DOMAIN : kind;
}

/** Domain-separated OPRF input string for a key: `parallax/v2/<domain>/<value>`. */
export function keyInputString(kind: string, value: string): string {
  return `parallax/${FINGERPRINT_SCHEMA_VERSION}/${keyDomain(kind)}/${value}`;
}
