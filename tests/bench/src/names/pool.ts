/**
 * A pool of names of one kind (a culture's male given names, its family
 * names…): a hand-written head, the commonest names with their real
 * spellings, then a synthetic tail of distinct names, each rank built
 * deterministically from its number, so a pool of 10⁶ ranks is never
 * materialised; frequencies from a Zipf–Mandelbrot profile.
 */
import { zipf, type Zipf, type ZipfProfile } from './zipf.js';

/** A name's spellings, the first being the most common Latin one; native-script ones may follow. */
export type Part = readonly string[];

export interface NamePool<T = Part> {
  readonly distribution: Zipf;
  /** the name at a 0-based rank */
  part(rank: number): T;
  draw(rng: () => number): number;
}

export function namePool<T = Part>(
  head: readonly T[],
  tail: ((index: number) => T) | null,
  profile: Omit<ZipfProfile, 'ranks'> & { ranks?: number },
): NamePool<T> {
  const ranks = tail ? (profile.ranks ?? head.length) : head.length;
  const distribution = zipf({ ...profile, ranks });
  const cache = new Map<number, T>();
  return {
    distribution,
    part(rank: number): T {
      if (rank < head.length) return head[rank] as T;
      let p = cache.get(rank);
      if (p === undefined) {
        p = (tail as (index: number) => T)(rank - head.length);
        cache.set(rank, p);
      }
      return p;
    },
    draw: (rng) => distribution.rank(rng()),
  };
}

/** Mixed-radix digits of n (least significant first), for building tail names bijectively. */
export function digits(n: number, radices: readonly number[]): number[] {
  let rest = n;
  return radices.map((r) => {
    const d = rest % r;
    rest = Math.floor(rest / r);
    return d;
  });
}

/**
 * One option from each slot, the options picked by the mixed-radix digits of
 * n (the first slot least significant): how a synthetic tail name is built
 * from a culture's letters, syllables and suffixes, whatever the culture. A
 * rank's name depends on the slots' order and on the order within each slot,
 * so changing either renames the population (and stales the seed caches).
 */
export function pickByDigits<const S extends ReadonlyArray<readonly unknown[]>>(
  n: number,
  slots: S,
): { -readonly [K in keyof S]: S[K][number] } {
  const radices = slots.map((slot) => slot.length);
  const picks = digits(n, radices).map((d, i) => (slots[i] as S[number])[d]);
  // the mapped tuple type is what `picks` is, slot by slot; TypeScript cannot follow map()
  return picks as { -readonly [K in keyof S]: S[K][number] };
}
