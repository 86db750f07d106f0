import type { OverlapStrength } from '@parallax/domain';
import {
  contributesAnyLabel,
  holderCountCapAnyLabel,
  scorePair,
  type SharedFingerprint,
} from '@parallax/matching';
import type {
  CandidateProbe,
  CandidateRow,
  CaseHead,
  FingerprintRow,
  HolderCount,
  HolderProbe,
} from './matching.repository.js';

/** A pair of cases of two organisations that scores in an alert band; a < b by case id. */
export interface AlertingPair {
  caseA: string;
  caseB: string;
  orgA: string;
  orgB: string;
  refA: string;
  refB: string;
  workingGroupId: string;
  score: number;
  strength: OverlapStrength;
  matched: string[];
}

/** The key of a pair in the maps below and of an overlap (case_a, case_b). */
export function pairKey(caseA: string, caseB: string): string {
  return `${caseA} ${caseB}`;
}

function rarityKey(workingGroupId: string, epoch: number, fp: Buffer): string {
  return `${workingGroupId}|${epoch}|${fp.toString('hex')}`;
}

/**
 * How many cases of a group and epoch hold each fingerprint (capped; see
 * `holderCountCapAnyLabel`): how rare a fingerprint is in its own group.
 */
export class Rarity {
  private readonly counts: Map<string, number>;

  constructor(counts: readonly HolderCount[]) {
    this.counts = new Map(counts.map((c) => [rarityKey(c.wg, c.epoch, c.fp), c.n]));
  }

  of(head: CaseHead, fp: Buffer): number {
    return this.counts.get(rarityKey(head.working_group_id, head.epoch, fp)) ?? 1;
  }
}

function headOf(heads: ReadonlyMap<string, CaseHead>, caseId: string): CaseHead {
  const head = heads.get(caseId);
  if (!head) throw new Error(`Fingerprint of case ${caseId}, which is not in the batch`);
  return head;
}

/** One probe per distinct fingerprint of the batch, with the largest cap of the kinds holding it. */
export function holderProbes(
  heads: ReadonlyMap<string, CaseHead>,
  fingerprints: readonly FingerprintRow[],
): HolderProbe[] {
  const probes = new Map<string, HolderProbe>();
  for (const r of fingerprints) {
    const h = headOf(heads, r.case_id);
    const key = rarityKey(h.working_group_id, h.epoch, r.fp);
    const cap = holderCountCapAnyLabel(r.kind);
    const seen = probes.get(key);
    if (!seen)
      probes.set(key, { workingGroupId: h.working_group_id, epoch: h.epoch, fp: r.fp, cap });
    else if (cap > seen.cap) seen.cap = cap;
  }
  return [...probes.values()];
}

/**
 * The fingerprints worth looking up: held by another case too, and rare
 * enough in their group that they may add evidence (under any label the
 * other case may give them). A pair sharing only common fingerprints scores
 * below every alert band, so no alerting pair is missed.
 */
export function candidateProbes(
  heads: ReadonlyMap<string, CaseHead>,
  fingerprints: readonly FingerprintRow[],
  rarity: Rarity,
): CandidateProbe[] {
  return fingerprints.flatMap((r) => {
    const h = headOf(heads, r.case_id);
    const n = rarity.of(h, r.fp);
    if (n < 2 || !contributesAnyLabel(r.kind, n)) return [];
    return [
      {
        mine: h.id,
        workingGroupId: h.working_group_id,
        epoch: h.epoch,
        organisationId: h.organisation_id,
        fp: r.fp,
      },
    ];
  });
}

export function groupByCase(
  rows: readonly FingerprintRow[],
  into = new Map<string, FingerprintRow[]>(),
): Map<string, FingerprintRow[]> {
  for (const r of rows) {
    const list = into.get(r.case_id);
    if (list) list.push(r);
    else into.set(r.case_id, [r]);
  }
  return into;
}

/**
 * The fingerprints two cases share, found by equality whatever each calls
 * them: each carries my label (`kind`) and theirs (`otherKind`), and how
 * many cases of the group hold it. A fingerprint listed under two labels by
 * one case counts once.
 */
export function sharedFingerprints(
  mine: readonly FingerprintRow[],
  theirs: readonly FingerprintRow[],
  frequencyOf: (fp: Buffer) => number,
): SharedFingerprint[] {
  const theirKind = new Map<string, string>();
  for (const r of theirs) {
    const hex = r.fp.toString('hex');
    if (!theirKind.has(hex)) theirKind.set(hex, r.kind);
  }
  const shared: SharedFingerprint[] = [];
  const seen = new Set<string>();
  for (const r of mine) {
    const hex = r.fp.toString('hex');
    const otherKind = theirKind.get(hex);
    if (otherKind === undefined || seen.has(hex)) continue;
    seen.add(hex);
    shared.push({ kind: r.kind, otherKind, fp: hex, frequency: frequencyOf(r.fp) });
  }
  return shared;
}

/**
 * Scores each candidate pair on every fingerprint the two share (and the
 * kinds each holds), keeping those in an alert band. A pair whose two cases
 * are both in the batch is scored once.
 */
export function scoreCandidates(
  heads: ReadonlyMap<string, CaseHead>,
  candidates: readonly CandidateRow[],
  held: ReadonlyMap<string, readonly FingerprintRow[]>,
  rarity: Rarity,
): Map<string, AlertingPair> {
  const kindsOf = (id: string): Set<string> => new Set((held.get(id) ?? []).map((r) => r.kind));
  const pairs = new Map<string, AlertingPair>();
  for (const c of candidates) {
    const mine = headOf(heads, c.mine);
    const [caseA, caseB] = mine.id < c.other ? [mine.id, c.other] : [c.other, mine.id];
    const key = pairKey(caseA, caseB);
    if (pairs.has(key)) continue;
    const shared = sharedFingerprints(held.get(mine.id) ?? [], held.get(c.other) ?? [], (fp) =>
      rarity.of(mine, fp),
    );
    const score = scorePair(shared, {
      leftKinds: kindsOf(mine.id),
      rightKinds: kindsOf(c.other),
    });
    if (score.strength === 'weak') continue;
    const mineIsA = caseA === mine.id;
    pairs.set(key, {
      caseA,
      caseB,
      orgA: mineIsA ? mine.organisation_id : c.other_org,
      orgB: mineIsA ? c.other_org : mine.organisation_id,
      refA: mineIsA ? mine.reference : c.other_reference,
      refB: mineIsA ? c.other_reference : mine.reference,
      workingGroupId: mine.working_group_id,
      score: score.score,
      strength: score.strength,
      matched: score.matched,
    });
  }
  return pairs;
}
