/**
 * The fixed vocabularies of a tracking case. A case carries these and its
 * fingerprints — never a name, a date or a document number.
 */
export const CASE_STATUSES = ['active', 'dormant', 'closed', 'handed_to_authorities'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Categories of international crimes, as used by documentation NGOs. */
export const CRIME_CATEGORIES = [
  'genocide',
  'crimes_against_humanity',
  'war_crimes',
  'torture',
  'enforced_disappearance',
  'sexual_and_gender_based_violence',
  'extrajudicial_killing',
  'arbitrary_detention',
  'attacks_on_civilians',
  'forced_displacement',
  'recruitment_of_children',
] as const;
export type CrimeCategory = (typeof CRIME_CATEGORIES)[number];

/** Situations (country or conflict contexts) a case relates to. */
export const SITUATIONS = [
  'afghanistan',
  'central_african_republic',
  'colombia',
  'dr_congo',
  'ethiopia',
  'iraq',
  'libya',
  'mali',
  'myanmar',
  'palestine',
  'israel',
  'south_sudan',
  'sri_lanka',
  'sudan',
  'syria',
  'ukraine',
  'venezuela',
  'yemen',
  'other',
] as const;
export type Situation = (typeof SITUATIONS)[number];

export const OVERLAP_STRENGTHS = ['strong', 'probable', 'possible'] as const;
export type OverlapStrength = (typeof OVERLAP_STRENGTHS)[number];

/** A case reference is the organisation's own label, e.g. "SYR-2024-017". */
export const CASE_REFERENCE_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N} ._/#:-]{0,79}$/u;

/**
 * Cases per `registerCases` call: large enough that a bulk import pays little
 * per request, small enough that one request stays well under the body limit
 * and one slow call does not hold a connection for long.
 */
export const MAX_CASES_PER_CALL = 500;

/*
 * A case describes one person. The limits below keep one case from being a
 * list of candidates (see docs/probe-resistance.md): a client refuses a
 * person with more names, and the hub refuses a case with more fingerprints,
 * than a genuine person yields. Measured on the OFAC development set
 * (tests/bench/data/linkage-dev-ofac2018, aliases of each person merged):
 * at most 4 names, 4 readings, 13 fingerprints of one kind and 35 in all;
 * synthetic persons with 12 spellings, three birth years and two passports:
 * at most 36 of one kind and 111 in all. Re-measured with the v2 keys
 * (issue 13): at most 35 of one kind (name.sub) and 60 in all, 108 once
 * padded; four spellings of a six-token name with a full date, 220 padded.
 */

/** Names, aliases and previous names of one case (after splitting "A a.k.a. B"), composed name parts included. */
export const MAX_NAMES_PER_CASE = 12;

/** Readings of those names (a name may read several ways: glued particles, Abed = Abd or Abed). */
export const MAX_NAME_READINGS_PER_CASE = 24;

/**
 * Size classes of a kind's fingerprints: the client pads each kind it holds
 * with random dummies up to the next class, so the hub sees only a coarse
 * count per kind; the hub refuses any other count.
 */
export const FINGERPRINT_SIZE_CLASSES: readonly number[] = [4, 8, 16, 32, 64, 128];

/** Fingerprints of one name kind (name.*) in one case, dummies included. */
export const MAX_NAME_FINGERPRINTS_PER_KIND = 128;

/** Fingerprints of any other kind (documents, phones, e-mails, handles) in one case, dummies included. */
export const MAX_OTHER_FINGERPRINTS_PER_KIND = 16;

/** Fingerprints one case may carry, dummies included (a genuine person pads to well under 256). */
export const MAX_FINGERPRINTS_PER_CASE = 512;

/** The most fingerprints of `kind` one case may carry. */
export function maxFingerprintsOfKind(kind: string): number {
  return kind.startsWith('name.')
    ? MAX_NAME_FINGERPRINTS_PER_KIND
    : MAX_OTHER_FINGERPRINTS_PER_KIND;
}

/** The size class `count` real fingerprints of a kind are padded to, or null above the largest class. */
export function fingerprintSizeClass(count: number): number | null {
  return FINGERPRINT_SIZE_CLASSES.find((c) => c >= count) ?? null;
}

/**
 * Name kinds every case with any name fingerprint carries (dummies when the
 * person has none of them): whether a name has three or more tokens, four or
 * more, or any glued form would otherwise show in which of these kinds are
 * present. Full names and date kinds are present only when real: that one
 * bit per kind is what scoring's evidence against needs (docs/SECURITY.md).
 */
export const ALWAYS_PRESENT_NAME_KINDS: readonly string[] = ['name.pair', 'name.sub', 'name.glued'];

const isNameKind = (kind: string): boolean => kind.startsWith('name.');

/** Why a case's fingerprint counts are refused, or null when they are a padded set within the limits. */
export function fingerprintCountProblem(
  countsByKind: ReadonlyMap<string, number>,
): 'CASE_TOO_MANY_FINGERPRINTS' | 'CASE_FINGERPRINTS_NOT_PADDED' | null {
  let total = 0;
  let unpadded = false;
  let named = false;
  for (const [kind, n] of countsByKind) {
    total += n;
    if (n > maxFingerprintsOfKind(kind)) return 'CASE_TOO_MANY_FINGERPRINTS';
    if (!FINGERPRINT_SIZE_CLASSES.includes(n)) unpadded = true;
    if (isNameKind(kind)) named = true;
  }
  if (total > MAX_FINGERPRINTS_PER_CASE) return 'CASE_TOO_MANY_FINGERPRINTS';
  if (named && ALWAYS_PRESENT_NAME_KINDS.some((k) => !countsByKind.has(k))) unpadded = true;
  return unpadded ? 'CASE_FINGERPRINTS_NOT_PADDED' : null;
}

/** Fingerprints of one case, counted by kind. */
export function countFingerprintsByKind(
  fingerprints: readonly { readonly kind: string }[],
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of fingerprints) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  return counts;
}

/*
 * Probe-pattern alerts: coordinators hear of an organisation whose cases'
 * fingerprints change, or which withdraws cases, at a rate no genuine
 * correction work explains. Counted per organisation, group and UTC day;
 * re-fingerprinting after a key rotation is not counted.
 */

/** Fingerprint changes of one case in a day that alert the coordinators (a correction is one or two). */
export const UNUSUAL_CHANGES_PER_CASE_PER_DAY = 3;

/** Fingerprint changes by one organisation in one group in a day that alert the coordinators. */
export const UNUSUAL_CHANGES_PER_ORGANISATION_PER_DAY = 20;

/** Withdrawals by one organisation in one group in a day that alert the coordinators. */
export const UNUSUAL_WITHDRAWALS_PER_ORGANISATION_PER_DAY = 20;
