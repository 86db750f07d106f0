import {
  ALERT_THRESHOLD,
  DATE_CONFLICT_PENALTY,
  FULL_DOB_LEVEL_WEIGHT,
  FULL_NAME_DATE_WEIGHT,
  jointDiscount,
  kindWeight,
  NAME_CONFLICT_PENALTY,
  NAME_CONTAINED_WEIGHT,
  NAME_SET_LABELS,
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
const NAME_SET_KINDS: ReadonlySet<string> = new Set(NAME_SET_LABELS);

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
  /** Holder counts of the shared token sets (any labels), and of the shared whole names. */
  nameCounts: number[];
  wholeCounts: number[];
  /** Holder counts of the shared joint keys, valued once the name counts are known. */
  yearCounts: number[];
  fullDateCounts: number[];
  partDates: number[];
  identifiers: Map<string, number[]>;
}

function collect(shared: readonly SharedFingerprint[]): Evidence {
  const e: Evidence = {
    contributions: new Map(),
    nameValues: [],
    wholeValue: -1,
    wholeName: false,
    nameCounts: [],
    wholeCounts: [],
    yearCounts: [],
    fullDateCounts: [],
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
      e.nameCounts.push(s.frequency);
      if (s.kind === FULL && other === FULL) e.wholeCounts.push(s.frequency);
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
      e.yearCounts.push(s.frequency);
    } else if (s.kind === FULL_DOB) {
      e.fullDateCounts.push(s.frequency);
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
 * The joint name + date keys, each discounted by `jointDiscount`: by its own
 * count or by the rarest name the two share, whichever says more — a name +
 * year key by the rarest shared token set, a whole name + date key by the
 * rarest shared whole name. Every date level is discounted alike (whether a
 * key is a year or a day is not visible at the hub); a day that agrees also
 * shows as token + date keys. Returns the best name + year value and the
 * whole name + date value (its best key, further levels added), each -1
 * when none.
 */
function jointEvidence(e: Evidence): { yearJoint: number; fullJoint: number } {
  const rarestName = Math.min(...e.nameCounts, Number.MAX_SAFE_INTEGER);
  const rarestWhole = e.wholeCounts.length > 0 ? Math.min(...e.wholeCounts) : rarestName;
  const floorless = rarestName === Number.MAX_SAFE_INTEGER;
  const dayAgrees = e.partDates.length > 0;
  const valued = (weight: number, count: number, nameCount: number): number =>
    Math.max(0, weight - jointDiscount(count, floorless ? 2 : nameCount, dayAgrees));
  const years = e.yearCounts.map((n) => valued(NAME_YEAR_WEIGHT, n, rarestName));
  const yearJoint = years.length > 0 ? Math.max(...years) : -1;
  if (yearJoint >= 0) e.contributions.set(PAIR_YOB, yearJoint);
  const full = e.fullDateCounts
    .map((n) => valued(FULL_NAME_DATE_WEIGHT, n, rarestWhole))
    .sort((a, b) => b - a);
  const fullJoint =
    full.length === 0
      ? -1
      : (full[0] as number) +
        full
          .slice(1)
          .reduce((sum, _v, i) => sum + FULL_DOB_LEVEL_WEIGHT * SAME_KIND_DECAY ** (i + 1), 0);
  if (full.length > 0) e.contributions.set(FULL_DOB, full[0] as number);
  return { yearJoint, fullJoint };
}

/**
 * The name-and-date evidence. Names: the best whole-name agreement (the same
 * name in any spelling counts once, however many spellings meet), or else the
 * best agreeing part; further agreeing parts add, decayed (more tokens
 * agree). The strongest name key is then replaced by the strongest joint
 * name + date key when that is stronger (a common name with a rare name +
 * year is judged by the latter, unless the name is so common that its year
 * is chance); the best token + full date agreement adds on top.
 */
function nameDateEvidence(e: Evidence): number {
  const parts = [...e.nameValues].sort((a, b) => b - a);
  const names = e.wholeValue >= 0 ? [e.wholeValue, ...parts] : parts;
  const best = names[0] ?? 0;
  const rest = decayedSum(names.slice(1)) * SAME_KIND_DECAY;
  const { yearJoint, fullJoint } = jointEvidence(e);
  return rest + Math.max(best, yearJoint, fullJoint) + Math.max(0, ...e.partDates);
}

/** Evidence against, inferred from the kinds each record holds and what they share. */
function conflicts(e: Evidence, c: PairContext): number {
  const both = (kind: string): boolean =>
    (c.leftKinds?.has(kind) ?? false) && (c.rightKinds?.has(kind) ?? false);
  const sharesName = e.nameValues.length > 0 || e.wholeName;
  if (!sharesName) return 0;
  // any shared dated key means a birth year agrees (a glued spelling shares a token + date, not a pair + year)
  const sharesYear =
    e.yearCounts.length > 0 || e.fullDateCounts.length > 0 || e.partDates.length > 0;
  let penalty = 0;
  if (both(PAIR_YOB) && !sharesYear) penalty += YEAR_CONFLICT_PENALTY;
  if (both(PART_DOB) && e.yearCounts.length > 0 && e.partDates.length === 0)
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
