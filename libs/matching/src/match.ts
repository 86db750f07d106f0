import { scorePair, type MatchStrength, type SharedFingerprint } from './score.js';
import { ALERT_THRESHOLD } from './weights.js';

/** The fingerprints of one record of one organisation. */
export interface MatchRecord {
  readonly recordId: string;
  readonly orgId: string;
  readonly fingerprints: readonly { readonly kind: string; readonly fp: string }[];
}

/** A candidate pair: two records of different organisations that share at least one fingerprint. */
export interface CandidatePair {
  /** recordId of the record that comes first in the input. */
  readonly left: string;
  readonly right: string;
  readonly leftOrg: string;
  readonly rightOrg: string;
  readonly score: number;
  readonly strength: MatchStrength;
  readonly matched: string[];
}

export interface MatchOptions {
  /** Report pairs with score ≥ threshold (default: the alert threshold, 0.5). Use 0 for every candidate. */
  readonly threshold?: number;
  /**
   * Fingerprints held by more records than this do not generate candidates
   * (they still count when a pair is found through another fingerprint).
   * Bounds the work on very common keys. Default 500.
   */
  readonly maxCandidateFrequency?: number;
}

/**
 * All cross-organisation pairs of records that share at least one
 * fingerprint and score at or above the threshold, best first (ties by
 * input order). Frequencies are counted over all given records. Pure: no I/O,
 * and the result does not depend on the order of fingerprints within a record.
 */
export function matchRecords(
  records: readonly MatchRecord[],
  options: MatchOptions = {},
): CandidatePair[] {
  const threshold = options.threshold ?? ALERT_THRESHOLD;
  const maxFrequency = options.maxCandidateFrequency ?? 500;
  // Fingerprints meet by value whatever their label: in schema v2 a token set is one
  // record's whole name (`name.full`) and part of the other's (`name.pair`).
  const holders = new Map<string, number[]>();
  const kinds: Set<string>[] = [];
  const labels: Map<string, string>[] = [];
  records.forEach((record, index) => {
    const own = new Map<string, string>();
    const recordKinds = new Set<string>();
    for (const { kind, fp } of record.fingerprints) {
      recordKinds.add(kind);
      if (own.has(fp)) continue;
      own.set(fp, kind);
      const list = holders.get(fp);
      if (list) list.push(index);
      else holders.set(fp, [index]);
    }
    kinds.push(recordKinds);
    labels.push(own);
  });

  const n = records.length;
  const shared = new Map<number, SharedFingerprint[]>();
  for (const [fp, list] of holders) {
    if (list.length < 2 || list.length > maxFrequency) continue;
    for (let x = 0; x < list.length; x++) {
      const a = list[x] as number;
      for (let y = x + 1; y < list.length; y++) {
        const b = list[y] as number;
        if ((records[a] as MatchRecord).orgId === (records[b] as MatchRecord).orgId) continue;
        const fingerprint: SharedFingerprint = {
          kind: labels[a]?.get(fp) as string,
          otherKind: labels[b]?.get(fp) as string,
          fp,
          frequency: list.length,
        };
        const key = a * n + b;
        const entry = shared.get(key);
        if (entry) entry.push(fingerprint);
        else shared.set(key, [fingerprint]);
      }
    }
  }

  const out: (CandidatePair & { a: number; b: number })[] = [];
  for (const [key, fps] of shared) {
    const a = Math.floor(key / n);
    const b = key % n;
    const result = scorePair(fps, { leftKinds: kinds[a], rightKinds: kinds[b] });
    if (result.score < threshold) continue;
    const left = records[a] as MatchRecord;
    const right = records[b] as MatchRecord;
    out.push({
      a,
      b,
      left: left.recordId,
      right: right.recordId,
      leftOrg: left.orgId,
      rightOrg: right.orgId,
      score: result.score,
      strength: result.strength,
      matched: result.matched,
    });
  }
  out.sort((p, q) => q.score - p.score || p.a - q.a || p.b - q.b);
  return out.map(({ a: _a, b: _b, ...pair }) => pair);
}
