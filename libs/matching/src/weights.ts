/**
 * Evidence weights of the matching model (see docs/matching-calibration.md).
 *
 * Each weight is the log-likelihood ratio (natural log) that one shared,
 * unique fingerprint of that kind adds in favour of "same person", *on top
 * of* the kinds it implies (a shared pair + birth year implies a shared
 * pair, so `name.pair+yob` carries only the year's extra evidence). They are
 * set from first principles — how often two different people would share
 * such a key in a list of a few thousand names — and checked, not fitted, on
 * the development set and on synthetic data.
 */

/** Weights of exact kinds. */
export const KIND_WEIGHTS: Readonly<Record<string, number>> = {
  'name.pair': 1.6,
  'name.pair+yob': 2.2,
  'name.full': 0.2,
  'name.full+dob': 0.6,
  'name.part+dob': 2.4,
  'id.passport': 7,
  'id.national': 7,
  'id.tax': 7,
  'id.ssn': 7,
  email: 6,
  phone: 4.5,
};

/** Weights of kind families, by prefix, when the exact kind is not listed. */
export const PREFIX_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['handle.', 5.5],
  ['id.', 5],
];

/** Weight of a kind this version does not know (a newer client's kind): counted, cautiously. */
export const UNKNOWN_KIND_WEIGHT = 1;

/**
 * A second, third… shared fingerprint of the same kind is partly the same
 * evidence again (pairs that share a token, another spelling of the same
 * alias, another date level): the i-th one counts DECAY^(i-1).
 */
export const SAME_KIND_DECAY = 0.5;

/** Evidence needed for an even score: score = sigmoid(evidence − OFFSET). */
export const SCORE_OFFSET = 2;

/** Both records have birth years and share a name pair, but no pair + year: the years disagree. */
export const YEAR_CONFLICT_PENALTY = 3.5;

/** Both have day-precise birth dates and share a name pair, but no name part + date: the dates disagree. */
export const DATE_CONFLICT_PENALTY = 1;

/**
 * A fingerprint held by `frequency` records (the pair included) is
 * discounted by ln((frequency − 1) / 2) once it is held by more than 3: the
 * chance that an unrelated record shares it grows with its frequency, and a
 * cluster of up to three records of the same person is expected.
 */
export function rarityDiscount(frequency: number): number {
  return Math.log(Math.max(1, (frequency - 1) / 2));
}

/** The base weight of a kind. */
export function kindWeight(kind: string): number {
  const exact = KIND_WEIGHTS[kind];
  if (exact !== undefined) return exact;
  const family = PREFIX_WEIGHTS.find(([prefix]) => kind.startsWith(prefix));
  return family ? family[1] : UNKNOWN_KIND_WEIGHT;
}

/** Strength bands. */
export const STRONG_THRESHOLD = 0.95;
export const PROBABLE_THRESHOLD = 0.8;

/** The default alert threshold: every pair at or above it is reported (the "possible" band and up). */
export const ALERT_THRESHOLD = 0.5;
