import { describe, expect, it } from 'vitest';
import { METRICS, gridCells, metricDefinition, type MetricId } from './grid.js';
import { seededRandomSource } from './random.js';
import { buildRelease } from './release.js';
import { cellId } from './suppression.js';
import type { ReleaseParameters, TrueCell } from './types.js';

/*
 * "Two releases over data differing by one case are indistinguishable
 * within the budget." D and D' differ by ONE case: active and registered
 * that month, one situation, three crime categories. Every cell is far above
 * the threshold in both, so no suppression interferes and the published
 * values are the noisy, rounded ones. For each affected cell, the empirical
 * probability of each published value under D and under D' must be within
 * a factor e^(ε_m) of each other, up to sampling error.
 *
 * Sampling error, stated: for counts c and c' of a value among N draws, the
 * log of the ratio has standard error ≈ sqrt(1/c + 1/c'); the tolerance is 4
 * of those — at the minimum mass of 1,000 draws (5% of N = 20,000) at most
 * e^(4·sqrt(2/1000)) − 1 ≈ 20%. With ~70 values compared per run, 4
 * standard errors keep a false alarm below 1% even with fresh seeds; the
 * seeds are fixed, so the test is deterministic.
 */

const PARAMS: ReleaseParameters = {
  epsilonMilli: 1000,
  threshold: 10,
  minOrganisations: 3,
  rounding: 5,
};
const N = 20_000;
const MIN_MASS = 1000;
const Z = 4;

/**
 * True values ≡ 2 (mod 5): x rounds down and x + 1 rounds up, the worst
 * case for rounding (it does not blur the one-case difference), so the
 * ratio e^(ε_m) is reached on the boundary value and the check is tight.
 */
const BASE = 1002;
const ONE_CASE: ReadonlyArray<{ metric: MetricId; key: string | null }> = [
  { metric: 'cases_active', key: null },
  { metric: 'cases_active_by_situation', key: 'syria' },
  { metric: 'cases_active_by_crime', key: 'war_crimes' },
  { metric: 'cases_active_by_crime', key: 'torture' },
  { metric: 'cases_active_by_crime', key: 'arbitrary_detention' },
  { metric: 'cases_registered', key: null },
];
const AFFECTED = new Set(ONE_CASE.map(cellId));

const D: TrueCell[] = gridCells().map((c) => ({ ...c, value: BASE, organisations: 6 }));
const D_PRIME: TrueCell[] = D.map((c) =>
  AFFECTED.has(cellId(c)) ? { ...c, value: c.value + 1 } : c,
);

type Histograms = Map<string, Map<string, number>>;

/** Histograms of the published value (or "suppressed") of each affected cell over `runs` releases. */
function releaseHistograms(
  truth: TrueCell[],
  params: ReleaseParameters,
  seed: string,
  runs: number,
): Histograms {
  const rng = seededRandomSource(seed);
  const histograms: Histograms = new Map(
    [...AFFECTED].map((id) => [id, new Map<string, number>()]),
  );
  for (let i = 0; i < runs; i++) {
    for (const c of buildRelease(truth, params, rng).cells) {
      const histogram = histograms.get(cellId(c));
      if (!histogram) continue;
      const outcome = c.suppressed ? 'suppressed' : String(c.value);
      histogram.set(outcome, (histogram.get(outcome) ?? 0) + 1);
    }
  }
  return histograms;
}

interface RatioCheck {
  violations: string[];
  compared: number;
}

/**
 * For every affected cell and every outcome with at least MIN_MASS draws on
 * one side: P[v | one] / P[v | other] ≤ e^(ε_m) · e^(Z·se). An outcome never
 * seen on the other side is an infinite ratio, i.e. a violation.
 */
function checkRatios(a: Histograms, b: Histograms, epsilonMilli: number): RatioCheck {
  const violations: string[] = [];
  let compared = 0;
  for (const id of AFFECTED) {
    const metric = id.split('|')[0] as MetricId;
    const epsilonM = (epsilonMilli / 1000) * (metricDefinition(metric).shareMilli / 1000);
    for (const [one, other] of [
      [a.get(id), b.get(id)],
      [b.get(id), a.get(id)],
    ] as const) {
      for (const [outcome, count] of one ?? []) {
        if (count < MIN_MASS) continue;
        compared++;
        const otherCount = other?.get(outcome) ?? 0;
        if (otherCount === 0) {
          violations.push(`${id} = ${outcome}: ${count} vs 0`);
          continue;
        }
        const ratio = count / otherCount;
        const standardError = Math.sqrt(1 / count + 1 / otherCount);
        if (ratio > Math.exp(epsilonM + Z * standardError)) {
          violations.push(`${id} = ${outcome}: ratio ${ratio.toFixed(3)} > e^${epsilonM}`);
        }
      }
    }
  }
  return { violations, compared };
}

describe('two releases over data differing by one case', () => {
  it('touch metrics whose shares of ε add up to at most the release ε', () => {
    const touched = new Set<MetricId>();
    for (const metric of METRICS) {
      const l1 = D.filter((c) => c.metric === metric.id).reduce(
        (sum, c, i) =>
          sum +
          Math.abs((D_PRIME.filter((p) => p.metric === metric.id)[i] as TrueCell).value - c.value),
        0,
      );
      // One case moves each metric by at most its stated sensitivity (L1).
      expect(l1).toBeLessThanOrEqual(metric.sensitivity);
      if (l1 > 0) touched.add(metric.id);
    }
    const spent = [...touched].reduce((sum, m) => sum + metricDefinition(m).shareMilli, 0);
    expect(spent).toBe(450);
    expect(spent).toBeLessThanOrEqual(1000);
    // With its one overlap, cluster and referral a case reaches every family but organisations: still ≤ ε.
    const perCase = METRICS.filter((m) => m.unit !== 'organisation').reduce(
      (sum, m) => sum + m.shareMilli,
      0,
    );
    expect(perCase).toBeLessThanOrEqual(1000);
  });

  it(`are indistinguishable within e^(ε_m) per affected cell (N = ${N} releases each, fixed seeds)`, () => {
    const underD = releaseHistograms(D, PARAMS, 'indistinguishability-D', N);
    const underDPrime = releaseHistograms(D_PRIME, PARAMS, "indistinguishability-D'", N);
    const { violations, compared } = checkRatios(underD, underDPrime, PARAMS.epsilonMilli);
    expect(violations).toEqual([]);
    expect(compared).toBeGreaterThan(40);
    // Not vacuous: on the rounding boundary (published 1000: noise in [−4, 0] under D,
    // [−5, −1] under D') the ratio is exactly e^(1/b_m) = e^(ε_m) for a sensitivity-1 cell. The
    // estimate must land within Z standard errors of it: less noise than the method says would
    // overshoot (caught above), more noise would undershoot (caught here).
    for (const id of ['cases_active|', 'cases_active_by_situation|syria', 'cases_registered|']) {
      const epsilonM = metricDefinition(id.split('|')[0] as MetricId).shareMilli / 1000;
      const c = underD.get(id)?.get('1000') ?? 0;
      const cPrime = underDPrime.get(id)?.get('1000') ?? 0;
      const standardError = Math.sqrt(1 / c + 1 / cPrime);
      expect(Math.abs(Math.log(c / cPrime) - epsilonM)).toBeLessThan(Z * standardError);
    }
  }, 120_000);

  it('the check rejects a mechanism without noise', () => {
    const deterministic = (truth: TrueCell[]): Histograms =>
      new Map(
        truth
          .filter((c) => AFFECTED.has(cellId(c)))
          .map((c) => [cellId(c), new Map([[String(c.value), N]])]),
      );
    const { violations } = checkRatios(
      deterministic(D),
      deterministic(D_PRIME),
      PARAMS.epsilonMilli,
    );
    expect(violations.length).toBe(2 * AFFECTED.size);
  });

  it('the check rejects too little noise (the releases made with 8 × ε, judged against ε)', () => {
    const runs = 2000;
    const underD = releaseHistograms(D, { ...PARAMS, epsilonMilli: 8000 }, 'weak-D', runs);
    const underDPrime = releaseHistograms(
      D_PRIME,
      { ...PARAMS, epsilonMilli: 8000 },
      "weak-D'",
      runs,
    );
    const { violations } = checkRatios(underD, underDPrime, PARAMS.epsilonMilli);
    expect(violations.some((v) => v.startsWith('cases_active|'))).toBe(true);
    expect(violations.some((v) => v.startsWith('cases_registered|'))).toBe(true);
  }, 60_000);
});
