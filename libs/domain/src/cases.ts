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

/** Fingerprints one case may carry (a person with many names, dates and identifiers stays far below). */
export const MAX_FINGERPRINTS_PER_CASE = 2000;
