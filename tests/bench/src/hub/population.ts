/**
 * Identities 0…OTHERS_IDS-1 are the seeded organisations' population: the
 * first holds [0, dja), the second [dja - both, OTHERS_IDS). The import holds
 * SHARED of them, spread evenly (so some are held by both others), plus
 * new identities.
 */
import type { FtmPerson } from '@parallax/fingerprint';
import { identities, prng, record, type Identity } from '../generator.js';

export interface BenchPopulation {
  /** the first seeded organisation's records (dja-i holds identity i) */
  readonly seedDja: FtmPerson[];
  /** the second's (drw-i holds identity i as well: ids carry the identity index) */
  readonly seedDrw: FtmPerson[];
  /** identities the import shares with the seeded organisations */
  readonly sharedIds: ReadonlySet<number>;
  /** the identity of each imported record */
  readonly importIdentity: readonly number[];
  readonly importPersons: FtmPerson[];
}

export function benchPopulation(sizes: {
  djaCount: number;
  drwCount: number;
  bothOthers: number;
  importCount: number;
  shared: number;
  latencyRuns: number;
}): BenchPopulation {
  const { djaCount, drwCount, bothOthers, importCount, shared, latencyRuns } = sizes;
  const othersIds = djaCount + drwCount - bothOthers;
  // Separate streams, so the seed does not depend on the import's size (a seed cache stays valid).
  const population: Identity[] = identities(
    prng(20261122),
    othersIds + (importCount - shared) + latencyRuns,
  );
  const seedRng = prng(20261123);
  const rng = prng(20261124);
  const seedDja = Array.from({ length: djaCount }, (_, i) =>
    record(seedRng, population[i] as Identity, `dja-${i}`),
  );
  const seedDrw = Array.from({ length: drwCount }, (_, j) => {
    const i = djaCount - bothOthers + j;
    return record(seedRng, population[i] as Identity, `drw-${i}`);
  });
  const sharedIds = new Set(
    Array.from({ length: shared }, (_, k) => Math.floor((k * othersIds) / Math.max(1, shared))),
  );
  const importIdentity: number[] = [
    ...sharedIds,
    ...Array.from({ length: importCount - shared }, (_, k) => othersIds + k),
  ];
  // a deterministic shuffle, so shared persons are spread through the file
  for (let i = importIdentity.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [importIdentity[i], importIdentity[j]] = [
      importIdentity[j] as number,
      importIdentity[i] as number,
    ];
  }
  const importPersons: FtmPerson[] = importIdentity.map((idx, k) =>
    record(rng, population[idx] as Identity, `ddc-${k}-id${idx}`),
  );
  return { seedDja, seedDrw, sharedIds, importIdentity, importPersons };
}
