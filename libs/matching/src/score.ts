import {
  ALERT_THRESHOLD,
  DATE_CONFLICT_PENALTY,
  FULL_DOB_LEVEL_WEIGHT,
  FULL_NAME_DATE_WEIGHT,
  kindWeight,
  NAME_CONFLICT_PENALTY,
  NAME_CONTAINED_WEIGHT,
  NAME_PART_WEIGHT,
  NAME_SAME_WEIGHT,
  NAME_YEAR_WEIGHT,
  PART_DATE_WEIGHT,
  PROBABLE_THRESHOLD,
  rarityDiscount,
  SAME_KIND_DECAY,
  SCORE_OFFSET,
  STRONG_THRESHOLD,
  YEAR_CONFLICT_PENALTY,
} from './weights.js';

const FULL = 'name.full';
const PAIR = 'name.pair';
const SUB = 'name.sub';
const GLUED = 'name.glued';
const PAIR_YOB = 'name.pair+yob';
const FULL_DOB = 'name.full+dob';
const PART_DOB = 'name.part+dob';
const NAME_SET_KINDS = new Set([FULL, PAIR, SUB]);

/** One fingerprint that both records hold, and how many records of the group hold it (the two included). */
export interface SharedFingerprint {
  /** The left record's label of the fingerprint. */
  readonly kind: string;
  /** The right record's label (a full name of one may be a pair of the other); defaults to `kind`. */
  readonly otherKind?: string;
  readonly fp: string;
  readonly frequency: number;
}

/**
 * `strong`, `probable` and `possible` are alert bands (score ≥ the alert
 * threshold); `weak` is below it and is never alerted on.
 */
export type MatchStrength = 'strong' | 'probable' | 'possible' | 'weak';

export interface PairScore {
  /** In [0, 1]. */
  readonly score: number;
  readonly strength: MatchStrength;
  /** The matched kinds, strongest evidence first: the only explanation given to the parties. */
  readonly matched: string[];
}

/** What the scorer may know about the two records beyond the shared fingerprints. */
export interface PairContext {
  /** The kinds each record holds (dummies included: padding never hides a kind, never invents one). */
  readonly leftKinds?: ReadonlySet<string>;
  readonly rightKinds?: ReadonlySet<string>;
  /**
   * Live cases of the group and epoch. The v2 weights do not use it: a
   * bonus for a whole name no other case of a large group holds was measured
   * and rejected (docs/matching-calibration.md); the hub still passes it so
   * a size-aware weight needs no change of the interface.
   */
  readonly groupSize?: number;
}

/** The strength band of a score. */
export function strengthOf(score: number, alertThreshold = ALERT_THRESHOLD): MatchStrength {
  if (score >= STRONG_THRESHOLD) return 'strong';
  if (score >= PROBABLE_THRESHOLD) return 'probable';
  if (score >= alertThreshold) return 'possible';
  return 'weak';
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** Decayed sum of values, largest first. */
function decayedSum(values: readonly number[]): number {
  return [...values].sort((a, b) => b - a).reduce((sum, v, i) => sum + v * SAME_KIND_DECAY ** i, 0);
}

/** The evidence of one shared token set, by the labels it has on the two sides, and whether it is a whole name. */
function nameSetValue(
  left: string,
  right: string,
  frequency: number,
): { value: number; whole: boolean; label: string } {
  const discount = rarityDiscount(frequency);
  if (left === FULL && right === FULL)
    return { value: Math.max(0, NAME_SAME_WEIGHT - discount), whole: true, label: FULL };
  if (left === FULL || right === FULL)
    return { value: Math.max(0, NAME_CONTAINED_WEIGHT - discount), whole: true, label: FULL };
  const label = left === SUB && right === SUB ? SUB : PAIR;
  return { value: Math.max(0, NAME_PART_WEIGHT - discount), whole: false, label };
}

interface Evidence {
  /** Per reported kind, its contribution (for `matched`). */
  readonly contributions: Map<string, number>;
  /** Values of shared token sets that are part of both names (more of them: more tokens agree). */
  nameValues: number[];
  /** The best value of a whole-name agreement (same name, one inside the other, glued forms), or -1. */
  wholeValue: number;
  wholeName: boolean;
  yearJoint: number;
  fullDates: number[];
  partDates: number[];
  identifiers: Map<string, number[]>;
}

function collect(shared: readonly SharedFingerprint[]): Evidence {
  const e: Evidence = {
    contributions: new Map(),
    nameValues: [],
    wholeValue: -1,
    wholeName: false,
    yearJoint: -1,
    fullDates: [],
    partDates: [],
    identifiers: new Map(),
  };
  const note = (kind: string, v: number): void => {
    e.contributions.set(kind, Math.max(e.contributions.get(kind) ?? 0, v));
  };
  const seen = new Set<string>();
  for (const s of shared) {
    if (seen.has(s.fp)) continue;
    seen.add(s.fp);
    const other = s.otherKind ?? s.kind;
    const discount = rarityDiscount(s.frequency);
    if (NAME_SET_KINDS.has(s.kind) && NAME_SET_KINDS.has(other)) {
      const { value, whole, label } = nameSetValue(s.kind, other, s.frequency);
      if (whole) {
        e.wholeValue = Math.max(e.wholeValue, value);
        e.wholeName = true;
      } else e.nameValues.push(value);
      note(label, value);
    } else if (s.kind === GLUED) {
      const value = Math.max(0, NAME_CONTAINED_WEIGHT - discount);
      e.wholeValue = Math.max(e.wholeValue, value);
      e.wholeName = true;
      note(GLUED, value);
    } else if (s.kind === PAIR_YOB) {
      const value = Math.max(0, NAME_YEAR_WEIGHT - discount);
      e.yearJoint = Math.max(e.yearJoint, value);
      note(PAIR_YOB, value);
    } else if (s.kind === FULL_DOB) {
      e.fullDates.push(Math.max(0, FULL_NAME_DATE_WEIGHT - discount));
      note(FULL_DOB, Math.max(...e.fullDates));
    } else if (s.kind === PART_DOB) {
      e.partDates.push(Math.max(0, PART_DATE_WEIGHT - discount));
      note(PART_DOB, Math.max(...e.partDates));
    } else {
      const list = e.identifiers.get(s.kind) ?? [];
      list.push(Math.max(0, kindWeight(s.kind) - discount));
      e.identifiers.set(s.kind, list);
    }
  }
  return e;
}

/**
 * The name-and-date evidence. Names: the best whole-name agreement (the same
 * name in any spelling counts once, however many spellings meet), or else the
 * best agreeing part; further agreeing parts add, decayed (more tokens
 * agree). The strongest name key is then replaced by the strongest joint
 * name + date key when that is stronger (a common name with a rare name +
 * year is judged by the latter); token + full date agreement adds on top.
 */
function nameDateEvidence(e: Evidence): number {
  const parts = [...e.nameValues].sort((a, b) => b - a);
  const names = e.wholeValue >= 0 ? [e.wholeValue, ...parts] : parts;
  const best = names[0] ?? 0;
  const rest = decayedSum(names.slice(1)) * SAME_KIND_DECAY;
  const sortedFull = [...e.fullDates].sort((a, b) => b - a);
  const fullJoint =
    sortedFull.length === 0
      ? -1
      : (sortedFull[0] as number) +
        sortedFull
          .slice(1)
          .reduce((sum, _v, i) => sum + FULL_DOB_LEVEL_WEIGHT * SAME_KIND_DECAY ** (i + 1), 0);
  return rest + Math.max(best, e.yearJoint, fullJoint) + decayedSum(e.partDates);
}

/** Evidence against, inferred from the kinds each record holds and what they share. */
function conflicts(e: Evidence, c: PairContext): number {
  const both = (kind: string): boolean =>
    (c.leftKinds?.has(kind) ?? false) && (c.rightKinds?.has(kind) ?? false);
  const sharesName = e.nameValues.length > 0 || e.wholeName;
  if (!sharesName) return 0;
  // any shared dated key means a birth year agrees (a glued spelling shares a token + date, not a pair + year)
  const sharesYear = e.yearJoint >= 0 || e.fullDates.length > 0 || e.partDates.length > 0;
  let penalty = 0;
  if (both(PAIR_YOB) && !sharesYear) penalty += YEAR_CONFLICT_PENALTY;
  if (both(PART_DOB) && e.yearJoint >= 0 && e.partDates.length === 0)
    penalty += DATE_CONFLICT_PENALTY;
  if (both(FULL) && !e.wholeName) penalty += NAME_CONFLICT_PENALTY;
  return penalty;
}

/**
 * Scores one pair of records from the fingerprints they share (the hub's
 * incremental form), as a calibrated probability: prior log-odds, plus the
 * evidence of the names and dates (joint keys judged by their own holder
 * counts), plus identifiers, minus the evidence against (years, dates or
 * names that both records carry and that disagree). Pure and deterministic:
 * the order of `shared` does not matter.
 */
export function scorePair(
  shared: readonly SharedFingerprint[],
  context: PairContext = {},
): PairScore {
  if (shared.length === 0) return { score: 0, strength: 'weak', matched: [] };
  const e = collect(shared);
  let evidence = nameDateEvidence(e);
  for (const [kind, values] of e.identifiers) {
    const total = decayedSum(values);
    evidence += total;
    e.contributions.set(kind, total);
  }
  evidence -= conflicts(e, context);
  const score = sigmoid(evidence - SCORE_OFFSET);
  const matched = [...e.contributions.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([kind]) => kind);
  return { score, strength: strengthOf(score), matched };
}
