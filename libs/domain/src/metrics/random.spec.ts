import { describe, expect, it } from 'vitest';
import { cryptoRandomSource, seededRandomSource } from './random.js';
import type { RandomSource } from './types.js';

/** χ² with 2 degrees of freedom has survival e^(−x/2): the critical value at α is −2·ln α. */
const CHI2_DF2_ALPHA_0001 = -2 * Math.log(0.001); // 13.8, for the seeded (deterministic) runs
/** The platform CSPRNG is not seeded: a 1-in-a-million false alarm instead of 1 in 1000. */
const CHI2_DF2_ALPHA_1E6 = -2 * Math.log(1e-6); // 27.6

function chiSquareUniform(rng: RandomSource, n: number, draws: number): number {
  const counts = new Array<number>(n).fill(0);
  for (let i = 0; i < draws; i++) {
    const x = Number(rng.below(BigInt(n)));
    counts[x] = (counts[x] as number) + 1;
  }
  const expected = draws / n;
  return counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
}

describe('cryptoRandomSource', () => {
  it('stays in [0, n) for small, odd and power-of-two sizes', () => {
    const rng = cryptoRandomSource();
    for (const n of [1n, 2n, 3n, 7n, 255n, 256n, 257n, 1000n, 2n ** 32n, 2n ** 32n + 1n]) {
      for (let i = 0; i < 200; i++) {
        const x = rng.below(n);
        expect(x >= 0n && x < n).toBe(true);
      }
    }
  });

  it('is unbiased on n = 3 (χ² over 30,000 draws, α = 10⁻⁶)', () => {
    // A modulo reduction of 2 random bits would give 0 half the time: χ² ≈ 3750.
    expect(chiSquareUniform(cryptoRandomSource(), 3, 30_000)).toBeLessThan(CHI2_DF2_ALPHA_1E6);
  });

  it('works for n > 2^53: in range, reaches the upper half, low bits fair', () => {
    const rng = cryptoRandomSource();
    const n = 2n ** 200n + 12345n;
    let upperHalf = 0;
    let odd = 0;
    const draws = 4000;
    for (let i = 0; i < draws; i++) {
      const x = rng.below(n);
      expect(x >= 0n && x < n).toBe(true);
      if (x >= n / 2n) upperHalf++;
      if (x % 2n === 1n) odd++;
    }
    // Binomial(4000, 1/2): 5 standard deviations is ±158; a float path (53 bits) would never be odd.
    expect(Math.abs(upperHalf - draws / 2)).toBeLessThan(158);
    expect(Math.abs(odd - draws / 2)).toBeLessThan(158);
  });

  it('accepts n up to 2^256 and refuses n < 1', () => {
    const rng = cryptoRandomSource();
    expect(rng.below(2n ** 256n) < 2n ** 256n).toBe(true);
    expect(rng.below(1n)).toBe(0n);
    expect(() => rng.below(0n)).toThrow(RangeError);
    expect(() => rng.below(-5n)).toThrow(RangeError);
  });
});

describe('seededRandomSource (tests only)', () => {
  const sequence = (seed: string, n: bigint, length: number): bigint[] => {
    const rng = seededRandomSource(seed);
    return Array.from({ length }, () => rng.below(n));
  };

  it('gives the same sequence for the same seed and another for another seed', () => {
    expect(sequence('alpha', 2n ** 64n, 50)).toEqual(sequence('alpha', 2n ** 64n, 50));
    expect(sequence('alpha', 2n ** 64n, 50)).not.toEqual(sequence('beta', 2n ** 64n, 50));
  });

  it('is pinned: the first draw for seed "parallax" (ChaCha20, key sha256(seed)) never changes', () => {
    // Reproducible checks rely on this; a change of construction must be deliberate.
    expect(seededRandomSource('parallax').below(2n ** 64n)).toBe(10407329479228236959n);
  });

  it('keeps going past one keystream block (no repetition after 4 KiB)', () => {
    const rng = seededRandomSource('long');
    const first = Array.from({ length: 512 }, () => rng.below(2n ** 64n)); // 4096 bytes
    const second = Array.from({ length: 512 }, () => rng.below(2n ** 64n));
    expect(second).not.toEqual(first);
    expect(new Set([...first, ...second].map(String)).size).toBe(1024);
  });

  it('is unbiased on n = 3 and n = 10 (χ², α = 0.001)', () => {
    expect(chiSquareUniform(seededRandomSource('three'), 3, 30_000)).toBeLessThan(
      CHI2_DF2_ALPHA_0001,
    );
    // df = 9: critical value 27.877 at α = 0.001.
    expect(chiSquareUniform(seededRandomSource('ten'), 10, 30_000)).toBeLessThan(27.877);
  });
});
