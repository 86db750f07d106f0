import {
  ALERT_THRESHOLD,
  DATE_CONFLICT_PENALTY,
  kindWeight,
  PROBABLE_THRESHOLD,
  rarityDiscount,
  SAME_KIND_DECAY,
  SCORE_OFFSET,
  STRONG_THRESHOLD,
  YEAR_CONFLICT_PENALTY,
} from './weights.js';

const NAME_PAIR = 'name.pair';
const NAME_PAIR_YOB = 'name.pair+yob';
const NAME_PART_DOB = 'name.part+dob';

/** One fingerprint that both records hold, and how many records of the group hold it (the two included). */
export interface SharedFingerprint {
  readonly kind: string;
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

/** What the scorer may know about the two records beyond the shared fingerprints: which kinds each holds. */
export interface PairContext {
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

/**
 * Scores one pair of records from the fingerprints they share (the hub's
 * incremental form). Evidence per kind is the kind's weight minus a rarity
 * discount for frequent fingerprints; further fingerprints of the same kind
 * count less and less; birth years (or dates) known on both sides but never
 * shared alongside a shared name pair count against. Pure and
 * deterministic: the order of `shared` does not matter.
 */
export function scorePair(
  shared: readonly SharedFingerprint[],
  context: PairContext = {},
): PairScore {
  const byKind = new Map<string, number[]>();
  const seen = new Set<string>();
  for (const s of shared) {
    const id = `${s.kind}\u0000${s.fp}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const w = Math.max(0, kindWeight(s.kind) - rarityDiscount(s.frequency));
    const list = byKind.get(s.kind);
    if (list) list.push(w);
    else byKind.set(s.kind, [w]);
  }
  if (byKind.size === 0) return { score: 0, strength: 'weak', matched: [] };

  let evidence = 0;
  const contributions: [string, number][] = [];
  for (const [kind, weights] of byKind) {
    weights.sort((a, b) => b - a);
    const total = weights.reduce((sum, w, i) => sum + w * SAME_KIND_DECAY ** i, 0);
    evidence += total;
    contributions.push([kind, total]);
  }
  const { leftKinds, rightKinds } = context;
  const both = (kind: string): boolean =>
    (leftKinds?.has(kind) ?? false) && (rightKinds?.has(kind) ?? false);
  if (byKind.has(NAME_PAIR)) {
    if (both(NAME_PAIR_YOB) && !byKind.has(NAME_PAIR_YOB)) evidence -= YEAR_CONFLICT_PENALTY;
    if (both(NAME_PART_DOB) && !byKind.has(NAME_PART_DOB)) evidence -= DATE_CONFLICT_PENALTY;
  }
  const score = sigmoid(evidence - SCORE_OFFSET);
  contributions.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { score, strength: strengthOf(score), matched: contributions.map(([kind]) => kind) };
}
