/**
 * Rank–frequency distributions of names: Zipf–Mandelbrot,
 * p(r) ∝ (r + q)^-s for ranks 1…N, with q solved so that rank 1 has a given
 * share. Family-name frequencies follow a power law with rank exponent
 * close to 1 (Zanette & Manrubia 2001; Miyazima et al. 2000; Fox & Lasker
 * 1983 for the Yule-type fits); the shift q flattens the head, as official
 * tables show (US Census 2010: the commonest surname is 0.83 % of the
 * population, not the ~7 % a pure 1/r law over 10⁶ ranks would give).
 */
export interface ZipfProfile {
  /** number of ranks (distinct names) */
  readonly ranks: number;
  /** rank exponent s */
  readonly exponent: number;
  /** share of the commonest name */
  readonly topShare: number;
}

export interface Zipf {
  readonly profile: ZipfProfile;
  readonly shift: number;
  /** a rank, 0-based, for a uniform u in [0, 1) */
  rank(u: number): number;
  /** share of the first k ranks */
  topShare(k: number): number;
}

function cumulative(ranks: number, s: number, q: number): Float64Array {
  const cdf = new Float64Array(ranks);
  let total = 0;
  for (let r = 1; r <= ranks; r++) {
    total += Math.pow(r + q, -s);
    cdf[r - 1] = total;
  }
  for (let i = 0; i < ranks; i++) cdf[i] = (cdf[i] as number) / total;
  return cdf;
}

export function zipf(profile: ZipfProfile): Zipf {
  const { ranks, exponent: s, topShare } = profile;
  // share of rank 1 falls as q grows: bisection on q
  let lo = -0.99;
  let hi = 1e4;
  for (let i = 0; i < 60; i++) {
    const q = (lo + hi) / 2;
    const first = cumulative(Math.min(ranks, 2_000), s, q)[0] as number;
    // the truncated sum over-estimates the share; correct with the tail's integral
    const head = Math.pow(1 + q, -s) / first;
    const tail =
      ranks > 2_000
        ? s === 1
          ? Math.log((ranks + q + 0.5) / (2_000 + q + 0.5))
          : (Math.pow(2_000 + q + 0.5, 1 - s) - Math.pow(ranks + q + 0.5, 1 - s)) / (s - 1)
        : 0;
    const share = Math.pow(1 + q, -s) / (head + tail);
    if (share > topShare) lo = q;
    else hi = q;
  }
  const shift = (lo + hi) / 2;
  const cdf = cumulative(ranks, s, shift);
  return {
    profile,
    shift,
    rank(u: number): number {
      let a = 0;
      let b = ranks - 1;
      while (a < b) {
        const m = (a + b) >>> 1;
        if ((cdf[m] as number) > u) b = m;
        else a = m + 1;
      }
      return a;
    },
    topShare: (k: number): number => cdf[Math.min(k, ranks) - 1] ?? 0,
  };
}
