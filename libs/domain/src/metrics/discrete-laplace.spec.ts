import { describe, expect, it } from 'vitest';
import { bernoulliExpMinus, sampleDiscreteLaplace } from './discrete-laplace.js';
import { seededRandomSource } from './random.js';

/** The exact law: P(x) = (1 − q)/(1 + q) · q^|x| with q = e^(−1/b). (Floats here are the test's, not the sampler's.) */
function pmf(x: number, b: number): number {
  const q = Math.exp(-1 / b);
  return ((1 - q) / (1 + q)) * q ** Math.abs(x);
}

/** χ² critical value (Wilson–Hilferty; within 1% of the tables for df ≥ 3) at α = 0.001 (z = 3.0902). */
function chiSquareCritical(df: number): number {
  const z = 3.0902;
  return df * (1 - 2 / (9 * df) + z * Math.sqrt(2 / (9 * df))) ** 3;
}

const DRAWS = 20_000;

/**
 * Goodness of fit against the exact pmf: one bin per central value whose
 * expected count is at least 20, and the two tails pooled into one bin each.
 * Deterministic (fixed seed), so "α = 0.001" says how strict, not how flaky.
 */
function fit(num: bigint, den: bigint, seed: string) {
  const b = Number(num) / Number(den);
  const rng = seededRandomSource(seed);
  const draws = Array.from({ length: DRAWS }, () => Number(sampleDiscreteLaplace(num, den, rng)));
  let k = 0;
  while (DRAWS * pmf(k + 1, b) >= 20) k++;
  const observed = new Map<string, number>();
  for (const x of draws) {
    const bin = x < -k ? 'low' : x > k ? 'high' : String(x);
    observed.set(bin, (observed.get(bin) ?? 0) + 1);
  }
  const central = Array.from({ length: 2 * k + 1 }, (_, i) => i - k);
  const centralMass = central.reduce((sum, x) => sum + pmf(x, b), 0);
  const expected = new Map<string, number>([
    ...central.map((x): [string, number] => [String(x), DRAWS * pmf(x, b)]),
    ['low', (DRAWS * (1 - centralMass)) / 2],
    ['high', (DRAWS * (1 - centralMass)) / 2],
  ]);
  let chi2 = 0;
  for (const [bin, e] of expected) chi2 += ((observed.get(bin) ?? 0) - e) ** 2 / e;
  const mean = draws.reduce((a, c) => a + c, 0) / DRAWS;
  const q = Math.exp(-1 / b);
  const variance = (2 * q) / (1 - q) ** 2;
  const positive = draws.filter((x) => x > 0).length;
  const negative = draws.filter((x) => x < 0).length;
  return {
    chi2,
    df: expected.size - 1,
    bins: expected.size,
    mean,
    variance,
    positive,
    negative,
    draws,
  };
}

describe('sampleDiscreteLaplace', () => {
  describe.each([
    [1n, 1n, 'scale 1/1'],
    [7n, 2n, 'scale 7/2'],
    [20n, 3n, 'scale 20/3 (cases_active at ε = 1)'],
  ])('%i/%i (%s), 20,000 draws with a fixed seed', (num, den) => {
    const result = fit(num, den, `dlap-${num}/${den}`);

    it('matches the exact pmf (χ², central values and pooled tails, α = 0.001)', () => {
      expect(result.bins).toBeGreaterThanOrEqual(5);
      expect(result.chi2).toBeLessThan(chiSquareCritical(result.df));
    });

    it('is symmetric: as many positive as negative values (within 4 standard deviations)', () => {
      const n = result.positive + result.negative;
      expect(Math.abs(result.positive - result.negative)).toBeLessThan(4 * Math.sqrt(n));
    });

    it('has mean ≈ 0 (within 4 standard errors)', () => {
      expect(Math.abs(result.mean)).toBeLessThan(4 * Math.sqrt(result.variance / DRAWS));
    });

    it('returns integers', () => {
      expect(result.draws.every(Number.isInteger)).toBe(true);
    });
  });

  it('uses the scale the right way round: scale 7/2 spreads wider than 2/7', () => {
    const rng = seededRandomSource('orientation');
    const wide = Array.from({ length: 2000 }, () =>
      Math.abs(Number(sampleDiscreteLaplace(7n, 2n, rng))),
    );
    const narrow = Array.from({ length: 2000 }, () =>
      Math.abs(Number(sampleDiscreteLaplace(2n, 7n, rng))),
    );
    // E|X| is about 3.5 for b = 3.5 and about 0.06 for b = 2/7.
    expect(wide.reduce((a, c) => a + c, 0) / 2000).toBeGreaterThan(2.5);
    expect(narrow.reduce((a, c) => a + c, 0) / 2000).toBeLessThan(0.2);
  });

  it('refuses a scale that is not a positive rational', () => {
    const rng = seededRandomSource('bad');
    expect(() => sampleDiscreteLaplace(0n, 1n, rng)).toThrow(RangeError);
    expect(() => sampleDiscreteLaplace(1n, 0n, rng)).toThrow(RangeError);
    expect(() => sampleDiscreteLaplace(-3n, 2n, rng)).toThrow(RangeError);
  });

  it('asks the random source only for bigint bounds (no float path)', () => {
    const bounds: unknown[] = [];
    const inner = seededRandomSource('spy');
    const spy = { below: (n: bigint) => (bounds.push(n), inner.below(n)) };
    for (let i = 0; i < 200; i++) sampleDiscreteLaplace(7n, 2n, spy);
    expect(bounds.length).toBeGreaterThan(200);
    expect(bounds.every((n) => typeof n === 'bigint')).toBe(true);
  });
});

describe('bernoulliExpMinus (CKS 2020, Algorithm 1)', () => {
  it.each([
    [0n, 1n],
    [1n, 2n],
    [1n, 1n],
    [5n, 2n],
    [3n, 1n],
  ])(
    'succeeds with probability e^-(%i/%i) (within 4 standard deviations over 20,000 trials)',
    (num, den) => {
      const rng = seededRandomSource(`bexp-${num}/${den}`);
      const p = Math.exp(-Number(num) / Number(den));
      let hits = 0;
      for (let i = 0; i < 20_000; i++) if (bernoulliExpMinus(num, den, rng)) hits++;
      if (num === 0n) expect(hits).toBe(20_000);
      expect(Math.abs(hits - 20_000 * p)).toBeLessThan(4 * Math.sqrt(20_000 * p * (1 - p)) + 1);
    },
  );
});
