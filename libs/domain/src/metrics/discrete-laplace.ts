import type { RandomSource } from './types.js';

/*
 * Exact sampling of the discrete Laplace law, after
 *   C. Canonne, G. Kamath, T. Steinke, "The Discrete Gaussian for Differential
 *   Privacy", NeurIPS 2020 (arXiv:2004.00010), Algorithm 1 (Bernoulli(exp(−γ))
 *   for rational γ) and Algorithm 2 (discrete Laplace with scale t/s).
 *
 * Why no floating point: I. Mironov, "On Significance of the Least
 * Significant Bits for Differential Privacy", CCS 2012, showed that Laplace
 * noise drawn with doubles leaves gaps and irregular steps in the set of
 * reachable outputs, from which the true value can be read back — the
 * guarantee is lost entirely, not a little. Here every step is a comparison
 * of uniform integers against rational bounds: the output law is exactly
 * the one the privacy proof assumes, whatever the platform.
 */

/** Bernoulli(num/den), 0 ≤ num ≤ den. The certain cases need no draw. */
function bernoulli(num: bigint, den: bigint, rng: RandomSource): boolean {
  if (num === 0n) return false;
  if (num >= den) return true;
  return rng.below(den) < num;
}

/**
 * Bernoulli(exp(−γ)) for rational γ = num/den ≥ 0 (CKS 2020, Algorithm 1).
 * For γ ≤ 1: count K while Bernoulli(γ/K) succeeds; P[K odd] = e^−γ.
 * For γ > 1: e^−γ = (e^−1)^⌊γ⌋ · e^−(γ−⌊γ⌋), each factor drawn separately.
 */
export function bernoulliExpMinus(num: bigint, den: bigint, rng: RandomSource): boolean {
  if (num <= den) {
    let k = 1n;
    while (bernoulli(num, den * k, rng)) k++;
    return k % 2n === 1n;
  }
  const whole = num / den;
  for (let i = 0n; i < whole; i++) {
    if (!bernoulliExpMinus(1n, 1n, rng)) return false;
  }
  return bernoulliExpMinus(num % den, den, rng);
}

/**
 * Exact sample of the discrete Laplace (two-sided geometric) law with
 * scale b = scaleNum/scaleDen: P(x) = (1 − e^(−1/b)) / (1 + e^(−1/b)) · e^(−|x|/b)
 * for every integer x. Integers only (CKS 2020, Algorithm 2 with t = scaleNum,
 * s = scaleDen): U uniform in [0, t) kept with probability e^(−U/t) and
 * V ~ Geometric(1 − e^(−1)) make X = U + t·V geometric with ratio e^(−1/t);
 * ⌊X/s⌋ is then geometric with ratio e^(−s/t); a random sign, rejecting
 * "−0" so zero is not counted twice, gives the two-sided law.
 */
export function sampleDiscreteLaplace(
  scaleNum: bigint,
  scaleDen: bigint,
  rng: RandomSource,
): bigint {
  if (scaleNum < 1n || scaleDen < 1n) {
    throw new RangeError(
      `Discrete Laplace scale must be a positive rational, got ${scaleNum}/${scaleDen}`,
    );
  }
  const t = scaleNum;
  const s = scaleDen;
  for (;;) {
    const u = rng.below(t);
    if (!bernoulliExpMinus(u, t, rng)) continue;
    let v = 0n;
    while (bernoulliExpMinus(1n, 1n, rng)) v++;
    const y = (u + t * v) / s;
    const negative = rng.below(2n) === 1n;
    if (negative && y === 0n) continue;
    return negative ? -y : y;
  }
}
