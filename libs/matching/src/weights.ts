/**
 * Evidence weights of the matching model, v2 (see docs/matching-calibration.md).
 *
 * Each weight is a log-likelihood ratio (natural log): how much more likely
 * two records of the same person share a fingerprint of that kind than two
 * records of different people do, for a fingerprint no other case of the
 * group holds. Name-and-date weights are *joint*: a shared name pair + birth
 * year carries the pair and the year together, and only the strongest joint
 * key of a pair counts in full (the others are mostly the same evidence
 * again). They are set from first principles — how often two different
 * people share such a key — and checked, not fitted, on the development set
 * and on synthetic data.
 */

/** Two (or more) tokens of both names agree, neither name whole: `name.pair` / `name.sub` on both sides. */
export const NAME_PART_WEIGHT = 1.6;
/** One record's whole name is inside the other's (`name.full` against `name.pair`/`name.sub`), or the glued forms agree. */
export const NAME_CONTAINED_WEIGHT = 2.2;
/** Both whole names agree as token sets (`name.full` on both sides). */
export const NAME_SAME_WEIGHT = 3.0;
/** Two tokens + a birth year, jointly (`name.pair+yob`). */
export const NAME_YEAR_WEIGHT = 3.8;
/** The whole name + a birth date at one level, jointly (`name.full+dob`); further levels add FULL_DOB_LEVEL_WEIGHT. */
export const FULL_NAME_DATE_WEIGHT = 4.2;
/** A further date level (month, day) of the whole name. */
export const FULL_DOB_LEVEL_WEIGHT = 0.6;
/** One token + a full (day) date (`name.part+dob`), on top of the name evidence. */
export const PART_DATE_WEIGHT = 2.4;

/** Weights of identifier kinds (independent of names). */
export const KIND_WEIGHTS: Readonly<Record<string, number>> = {
  'id.passport': 7,
  'id.national': 7,
  'id.tax': 7,
  'id.ssn': 7,
  email: 6,
  phone: 4.5,
  // name kinds, for callers that ask a kind's weight (holder-count caps, candidate pruning)
  'name.full': NAME_SAME_WEIGHT,
  'name.pair': NAME_CONTAINED_WEIGHT,
  'name.sub': NAME_CONTAINED_WEIGHT,
  'name.glued': NAME_CONTAINED_WEIGHT,
  'name.pair+yob': NAME_YEAR_WEIGHT,
  'name.full+dob': FULL_NAME_DATE_WEIGHT,
  'name.part+dob': PART_DATE_WEIGHT,
};

/** Weights of kind families, by prefix, when the exact kind is not listed. */
export const PREFIX_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['handle.', 5.5],
  ['id.', 5],
];

/** Weight of a kind this version does not know (a newer client's kind): counted, cautiously. */
export const UNKNOWN_KIND_WEIGHT = 1;

/**
 * A second, third… fingerprint of the same evidence counts DECAY^(i-1):
 * pairs that share a token, another spelling of the same alias, another
 * date level are not independent evidence.
 */
export const SAME_KIND_DECAY = 0.5;

/** Prior log-odds of a candidate pair: score = sigmoid(evidence − OFFSET). */
export const SCORE_OFFSET = 2;

/** Both records have birth years and share name tokens, but no tokens + year: the years disagree. */
export const YEAR_CONFLICT_PENALTY = 3.5;

/** Both have day-precise birth dates and share tokens + year, but no token + date: same year, other day. */
export const DATE_CONFLICT_PENALTY = 2;

/**
 * Both have whole names of two or more tokens and share tokens, but neither
 * name is inside the other in any spelling: each has a token the other lacks
 * (another surname, another patronymic).
 */
export const NAME_CONFLICT_PENALTY = 1.5;

/**
 * A fingerprint held by `frequency` cases (the pair included) is discounted
 * by ln((frequency − 1) / 2) once it is held by more than 3: the expected
 * number of unrelated cases holding it grows with the count of its holders
 * (a frequency-based u-probability), and up to three records of one person
 * are expected, so the first three holders cost nothing.
 */
export function rarityDiscount(frequency: number): number {
  return Math.log(Math.max(1, (frequency - 1) / 2));
}

/**
 * The discount of a joint name + date key: its own count's, or — when larger
 * — ln(n − 2) for a name (the rarest token set or whole name the two share)
 * held by n cases. Each of the n − 2 other holders of the name shares the
 * birth year by chance with the same small probability q (about 1 in 25:
 * births over some 50 years, ranges keying two years), so a coincidental
 * name + year agreement is n − 2 times as likely as for a name the two
 * alone hold plus one namesake, which is what the joint weight assumes. q
 * cancels. A joint key held by the two alone is then not rare when its name
 * is common: a name held by 80 cases meets about three of them in any year.
 */
export function jointDiscount(jointCount: number, nameCount: number, dayAgrees = false): number {
  const chance = dayAgrees ? DAY_GIVEN_YEAR : 1;
  return Math.max(rarityDiscount(jointCount), Math.log(Math.max(1, (nameCount - 2) * chance)));
}

/**
 * The chance that a namesake born in the same year was born on the same
 * day. When two records share a token + full date (`name.part+dob`, only
 * made from day-precise dates), a namesake would have to share the day, not
 * the year, so the name count's discount of their joint keys shrinks by it.
 */
export const DAY_GIVEN_YEAR = 1 / 365;

/**
 * How far holders of a name token set are counted: far enough for
 * `jointDiscount` to take a joint key to nothing (ln(99) > every joint
 * weight), so no name + date key of a name held by 101 cases or more alerts
 * on its own.
 */
export const NAME_SET_COUNT_CAP = 101;

/**
 * The labels one token-set fingerprint may carry: a set of tokens has one
 * fingerprint whether a case calls it its whole name or part of a longer
 * one (libs/fingerprint's NAME_SET_KINDS, one OPRF domain), so another
 * case may label it otherwise.
 */
export const NAME_SET_LABELS: readonly string[] = ['name.full', 'name.pair', 'name.sub'];

const labelsOf = (kind: string): readonly string[] =>
  NAME_SET_LABELS.includes(kind) ? NAME_SET_LABELS : [kind];

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

/** The default alert threshold: every pair at or above it is an overlap (the "possible" band and up). */
export const ALERT_THRESHOLD = 0.5;

/**
 * The holder count beyond which a fingerprint of `kind` adds no evidence:
 * counting its holders can stop there (the hub's LIMITed count). A name
 * token set is counted further, to NAME_SET_COUNT_CAP: its count also
 * bounds the joint name + date keys (`jointDiscount`).
 */
export function holderCountCap(kind: string): number {
  const own = Math.ceil(2 * Math.exp(kindWeight(kind)) + 1);
  return NAME_SET_LABELS.includes(kind) ? Math.max(own, NAME_SET_COUNT_CAP) : own;
}

/**
 * How far holders of a fingerprint labelled `kind` are counted when the
 * other case's label is not known yet: the largest cap over every label it
 * may carry there (`holderCountCap`).
 */
export function holderCountCapAnyLabel(kind: string): number {
  return Math.max(...labelsOf(kind).map(holderCountCap));
}

/**
 * Holder counts at which name and date fingerprints stop making candidates.
 * A pair is missed only if every fingerprint it shares is past its cap; then
 * its names add at most 1.3 + ½·(2·0.5) (each discounted by ln(11/2) ≈ 1.70),
 * its strongest joint name + date key at most 4.65 − ln(47/2) ≈ 1.49 (which
 * replaces the best name), token + date nothing: under 2, the prior's offset,
 * so it could not alert (checked by a property test). Without these caps the
 * hub follows every name held by up to 40 cases to all its holders.
 */
export const NAME_SET_PROBE_CAP = 12;
export const DATED_PROBE_CAP = 48;

const NAME_SET_PROBE_KINDS = new Set(['name.full', 'name.pair', 'name.sub', 'name.glued']);
const DATED_PROBE_KINDS = new Set(['name.pair+yob', 'name.full+dob', 'name.part+dob']);

/**
 * Whether a fingerprint of `kind` held by `frequency` cases can be what
 * finds an alerting pair (the hub looks up candidates only through these).
 */
export function contributes(kind: string, frequency: number): boolean {
  if (NAME_SET_PROBE_KINDS.has(kind) && frequency >= NAME_SET_PROBE_CAP) return false;
  if (DATED_PROBE_KINDS.has(kind) && frequency >= DATED_PROBE_CAP) return false;
  return kindWeight(kind) - rarityDiscount(frequency) > 0;
}

/**
 * Whether a fingerprint labelled `kind`, held by `frequency` cases, may find
 * an alerting pair under any label the other case may give it: what the hub
 * looks candidates up by, so no pair is missed whatever the other case
 * calls the fingerprint.
 */
export function contributesAnyLabel(kind: string, frequency: number): boolean {
  return labelsOf(kind).some((k) => contributes(k, frequency));
}
