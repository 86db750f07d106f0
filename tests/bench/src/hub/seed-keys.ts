/**
 * The seed's fingerprints: every key of the seeded persons, each distinct
 * key fingerprinted once — through the OPRF with the hub's key (all of them
 * with --full-seed, else only those the run can compare with; see FULL_SEED).
 */
import { createHmac, randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { extractKeys, keyInputString, type FtmPerson } from '@parallax/fingerprint';
import { fmt, say, seconds } from './log.js';
import { directAll } from './seed-threads.js';

export type CaseFingerprints = Array<{ kind: string; fp: Buffer }>;

export interface SeedFingerprints {
  /** per seeded person, in order: its fingerprints, one per kind and key */
  readonly fps: CaseFingerprints[];
  readonly distinctKeys: number;
  /** keys fingerprinted through the OPRF */
  readonly realKeys: number;
}

export async function fingerprintSeed(
  persons: readonly FtmPerson[],
  /** the persons whose keys must get their real fingerprint (unless all do) */
  comparable: readonly FtmPerson[] | 'all',
  oprfKey: Uint8Array,
  groupKey: Uint8Array,
): Promise<SeedFingerprints> {
  const t = performance.now();
  const keyIndex = new Map<string, number>();
  const seedKeys = persons.map((person) =>
    extractKeys(person).map((k) => {
      const s = keyInputString(k.kind, k.value);
      let i = keyIndex.get(s);
      if (i === undefined) {
        i = keyIndex.size;
        keyIndex.set(s, i);
      }
      return { kind: k.kind, i };
    }),
  );
  const totalKeys = seedKeys.reduce((n, k) => n + k.length, 0);
  say(
    `  ${fmt(totalKeys)} keys, ${fmt(keyIndex.size)} distinct (extracted in ${seconds(t).toFixed(0)} s); fingerprinting them with the hub's key on ${availableParallelism()} threads…`,
  );
  const inputs = [...keyIndex.keys()];
  let packed: Uint8Array;
  let realKeys = inputs.length;
  if (comparable === 'all') packed = await directAll(oprfKey, groupKey, inputs);
  else {
    const wanted = new Set<string>();
    for (const p of comparable)
      for (const k of extractKeys(p)) wanted.add(keyInputString(k.kind, k.value));
    const real = inputs.filter((x) => wanted.has(x));
    realKeys = real.length;
    say(
      `  ${fmt(real.length)} of them comparable with the import: real fingerprints for those, a keyed hash for the rest`,
    );
    const realFps = await directAll(oprfKey, groupKey, real);
    const realAt = new Map(real.map((x, i) => [x, i]));
    const filler = randomBytes(32);
    packed = new Uint8Array(inputs.length * 32);
    inputs.forEach((x, i) => {
      const j = realAt.get(x);
      packed.set(
        j === undefined
          ? createHmac('sha256', filler).update(x).digest()
          : realFps.subarray(j * 32, (j + 1) * 32),
        i * 32,
      );
    });
  }
  const fpOf = (i: number): Buffer => Buffer.from(packed.buffer, packed.byteOffset + i * 32, 32);
  const fps = seedKeys.map((keys) => {
    const seen = new Set<string>();
    const out: CaseFingerprints = [];
    for (const { kind, i } of keys) {
      if (seen.has(`${kind} ${i}`)) continue;
      seen.add(`${kind} ${i}`);
      out.push({ kind, fp: fpOf(i) });
    }
    return out;
  });
  return { fps, distinctKeys: keyIndex.size, realKeys };
}
