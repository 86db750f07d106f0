/**
 * `bench:hub-sim --explain`: where the true pairs go, by the evidence they
 * share, and how close the scorer comes to the best rule over what the hub
 * sees.
 *
 * The bound reduces each candidate pair to a signature of hub-visible
 * evidence: the date kinds each case holds (day-precise, year, none),
 * whether a day, a year, a whole name, an identifier agree, how many name
 * token sets agree, the holder counts of the rarest shared name, whole
 * name and joint name + date key (in buckets), and a name conflict. It
 * then takes signatures by their precision on this very population, most
 * precise first, while the notified precision stays at or above 0.95:
 * chosen with hindsight, so no rule over these signatures does better here.
 */
import type { SharedFingerprint } from '@parallax/matching';

export interface SimCase {
  identity: number;
  /** fingerprint → this case's label of it */
  fps: Map<string, string>;
  kinds: Set<string>;
}

const TARGET = 0.95;
const NAME_SETS = new Set(['name.full', 'name.pair', 'name.sub']);
const JOINT = new Set(['name.pair+yob', 'name.full+dob']);
const BUCKETS = [2, 3, 5, 10, 30, 100];

const bucket = (n: number): string => {
  const upper = BUCKETS.find((b) => n <= b);
  return upper === undefined ? '>100' : `≤${upper}`;
};
const dateClass = (c: SimCase): string =>
  c.kinds.has('name.part+dob') ? 'day' : c.kinds.has('name.pair+yob') ? 'year' : 'none';
const pairClass = (a: SimCase, b: SimCase): string => [dateClass(a), dateClass(b)].sort().join('/');

interface PairEvidence {
  day: boolean;
  year: boolean;
  whole: boolean;
  identifier: boolean;
  sets: number;
  rarestName: number;
  rarestWhole: number;
  rarestJoint: number;
}

function evidenceOf(shared: readonly SharedFingerprint[]): PairEvidence {
  const e: PairEvidence = {
    day: false,
    year: false,
    whole: false,
    identifier: false,
    sets: 0,
    rarestName: Infinity,
    rarestWhole: Infinity,
    rarestJoint: Infinity,
  };
  for (const s of shared) {
    const other = s.otherKind ?? s.kind;
    if (s.kind === 'name.part+dob') e.day = true;
    else if (JOINT.has(s.kind)) {
      e.year = true;
      e.rarestJoint = Math.min(e.rarestJoint, s.frequency);
    } else if (NAME_SETS.has(s.kind)) {
      e.sets++;
      e.rarestName = Math.min(e.rarestName, s.frequency);
      if (s.kind === 'name.full' || other === 'name.full') e.whole = true;
      if (s.kind === 'name.full' && other === 'name.full')
        e.rarestWhole = Math.min(e.rarestWhole, s.frequency);
    } else if (s.kind === 'name.glued') e.whole = true;
    else e.identifier = true;
  }
  return e;
}

/** The strongest kind of evidence a pair shares: what does not weaken as a group grows comes first. */
const evidenceClass = (e: PairEvidence): string =>
  e.identifier ? 'identifier' : e.day ? 'name + day' : e.year ? 'name + year' : 'name only';

function signature(a: SimCase, b: SimCase, e: PairEvidence): string {
  const conflict = a.kinds.has('name.full') && b.kinds.has('name.full') && !e.whole;
  return [
    pairClass(a, b),
    evidenceClass(e),
    e.whole ? 'whole' : 'part',
    `sets${Math.min(e.sets, 4)}`,
    `name${bucket(e.rarestName)}`,
    `whole${bucket(e.rarestWhole)}`,
    `joint${bucket(e.rarestJoint)}`,
    conflict ? 'conflict' : '',
  ].join(' ');
}

type Counts = Map<string, Map<string, number>>;

export class SimExplainer {
  private readonly byDates: Counts = new Map();
  private readonly byEvidence: Counts = new Map();
  private readonly signatures = new Map<string, { t: number; f: number }>();
  private readonly falseNotified = new Map<string, number>();

  /** One scored candidate pair. */
  observe(
    mine: SimCase,
    other: SimCase,
    shared: readonly SharedFingerprint[],
    strength: string,
    notified: boolean,
    matched: readonly string[],
  ): void {
    const isTrue = mine.identity === other.identity;
    const e = evidenceOf(shared);
    const sig = signature(mine, other, e);
    const s = this.signatures.get(sig) ?? { t: 0, f: 0 };
    if (isTrue) s.t++;
    else s.f++;
    this.signatures.set(sig, s);
    if (isTrue) this.reached(mine, other, strength, evidenceClass(e));
    else if (notified)
      bump(this.falseNotified, `${pairClass(mine, other)} ${matched.slice(0, 3).join(',')}`);
  }

  /** A true pair and the strength it reached ('not a candidate' when never scored). */
  reached(mine: SimCase, other: SimCase, strength: string, evidence = 'not a candidate'): void {
    bumpIn(this.byDates, pairClass(mine, other), strength);
    bumpIn(this.byEvidence, evidence, strength);
  }

  report(truePairs: number): string {
    const out = ['# true pairs by the date kinds of the two cases (day / year / none)'];
    out.push(...table(this.byDates));
    out.push('# true pairs by the strongest evidence they share');
    out.push(...table(this.byEvidence));
    out.push('# false notified pairs by date kinds and strongest matched kinds');
    for (const [k, v] of [...this.falseNotified].sort((a, b) => b[1] - a[1]).slice(0, 12))
      out.push(`${String(v).padStart(6)} ${k}`);
    const best = bound(this.signatures, TARGET);
    out.push(
      `best rule over ${this.signatures.size} evidence signatures, chosen with hindsight, at precision ≥ ${TARGET}: recall ${(best.t / Math.max(1, truePairs)).toFixed(3)} (precision ${(best.t / Math.max(1, best.t + best.f)).toFixed(3)})`,
    );
    return out.join('\n');
  }
}

/** Rows of strengths reached, with the notified share (strong + probable). */
function table(counts: Counts): string[] {
  return [...counts].sort().map(([row, m]) => {
    const total = [...m.values()].reduce((a, b) => a + b, 0);
    const notified = (m.get('strong') ?? 0) + (m.get('probable') ?? 0);
    const cells = [...m]
      .sort()
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    return `${row.padEnd(16)} ${String(total).padStart(5)} pairs, notified ${(notified / Math.max(1, total)).toFixed(3)}: ${cells}`;
  });
}

/** Whole signatures, most precise first, each taken if the total stays at or above `target`. */
function bound(
  signatures: ReadonlyMap<string, { t: number; f: number }>,
  target: number,
): { t: number; f: number } {
  const sorted = [...signatures.values()].sort(
    (a, b) => b.t / (b.t + b.f) - a.t / (a.t + a.f) || b.t - a.t,
  );
  let t = 0;
  let f = 0;
  for (const s of sorted) {
    if ((t + s.t) / (t + s.t + f + s.f) < target) continue;
    t += s.t;
    f += s.f;
  }
  return { t, f };
}

function bump(m: Map<string, number>, k: string): void {
  m.set(k, (m.get(k) ?? 0) + 1);
}

function bumpIn(counts: Counts, row: string, k: string): void {
  const m = counts.get(row) ?? new Map<string, number>();
  bump(m, k);
  counts.set(row, m);
}
