/**
 * `npm run bench:hub-sim [-- --others N --import N --shared N]`: the hub
 * benchmark's overlap quality, in one process and in about a minute at
 * 100,000 held cases — for trying a scoring change before the hub run.
 *
 * Same population as `bench:hub` (hub/population.ts, same seeds), same
 * candidate rules and scorer as the hub (`contributes`, `holderCountCap`,
 * `scorePair`, the padded kinds), but a fingerprint is its key's OPRF input
 * (`domain/value`) instead of its OPRF output: equal exactly where the
 * fingerprints are equal, so every comparison and holder count is the
 * hub's. It reproduces the hub run's bands exactly at 10,000 held cases.
 * Measures quality only; no time it prints means anything for the hub.
 */
import { extractKeys, keyDomain, type FtmPerson } from '@parallax/fingerprint';
import { ALWAYS_PRESENT_NAME_KINDS } from '@parallax/domain';
import {
  contributesAnyLabel,
  holderCountCapAnyLabel,
  scorePair,
  type SharedFingerprint,
} from '@parallax/matching';
import { IMPORT, NOTIFIED, OTHERS, POPULATION_SIZES, SHARED } from './hub/options.js';
import { benchPopulation } from './hub/population.js';
import { SimExplainer, type SimCase } from './hub/sim-explain.js';

function simCase(person: FtmPerson, identity: number): SimCase {
  const fps = new Map<string, string>();
  const kinds = new Set<string>();
  for (const k of extractKeys(person)) {
    const fp = `${keyDomain(k.kind)}/${k.value}`;
    if (!fps.has(fp)) fps.set(fp, k.kind);
    kinds.add(k.kind);
  }
  // the hub pads these into every case with a name: their presence says nothing
  if ([...kinds].some((k) => k.startsWith('name.')))
    for (const k of ALWAYS_PRESENT_NAME_KINDS) kinds.add(k);
  return { identity, fps, kinds };
}

/** The indices of `items` under each key `keysOf` gives them. */
function groupIndices<K>(
  items: readonly SimCase[],
  keysOf: (c: SimCase) => K | K[],
): Map<K, number[]> {
  const out = new Map<K, number[]>();
  items.forEach((c, i) => {
    const keys = keysOf(c);
    for (const k of Array.isArray(keys) ? keys : [keys]) {
      const list = out.get(k);
      if (list) list.push(i);
      else out.set(k, [i]);
    }
  });
  return out;
}

const started = performance.now();
const pop = benchPopulation(POPULATION_SIZES);
const identityOfId = (id: string): number => Number(id.slice(4));
const held = [...pop.seedDja, ...pop.seedDrw].map((p) => simCase(p, identityOfId(p.id)));
const imported = pop.importPersons.map((p, k) => simCase(p, pop.importIdentity[k] as number));
const holders = new Map<string, number>();
for (const c of [...held, ...imported])
  for (const fp of c.fps.keys()) holders.set(fp, (holders.get(fp) ?? 0) + 1);
const heldBy = groupIndices(held, (c) => [...c.fps.keys()]);

const heldOfIdentity = groupIndices(held, (c) => c.identity);
const truePairs = imported.reduce((n, c) => n + (heldOfIdentity.get(c.identity)?.length ?? 0), 0);
const bands = new Map<string, { truePairs: number; falsePairs: number }>();
const explainer = process.argv.includes('--explain') ? new SimExplainer() : null;
for (const mine of imported) {
  const candidates = new Set<number>();
  for (const [fp, kind] of mine.fps) {
    const n = holders.get(fp) ?? 0;
    if (n < 2 || !contributesAnyLabel(kind, n)) continue;
    for (const i of heldBy.get(fp) ?? []) candidates.add(i);
  }
  for (const i of candidates) {
    const other = held[i] as SimCase;
    const shared: SharedFingerprint[] = [];
    for (const [fp, kind] of mine.fps) {
      const otherKind = other.fps.get(fp);
      if (otherKind === undefined) continue;
      const frequency = Math.min(holders.get(fp) ?? 0, holderCountCapAnyLabel(kind));
      shared.push({ kind, otherKind, fp, frequency });
    }
    const score = scorePair(shared, { leftKinds: mine.kinds, rightKinds: other.kinds });
    explainer?.observe(
      mine,
      other,
      shared,
      score.strength,
      NOTIFIED.has(score.strength),
      score.matched,
    );
    if (score.strength === 'weak') continue;
    const band = bands.get(score.strength) ?? { truePairs: 0, falsePairs: 0 };
    if (other.identity === mine.identity) band.truePairs++;
    else band.falsePairs++;
    bands.set(score.strength, band);
  }
  const trueHeld = heldOfIdentity.get(mine.identity) ?? [];
  for (const i of trueHeld)
    if (!candidates.has(i)) explainer?.reached(mine, held[i] as SimCase, 'not a candidate');
}

const out: string[] = [
  '# Hub benchmark quality, in process',
  `held: ${OTHERS.toLocaleString('en-US')} cases; imported: ${IMPORT.toLocaleString('en-US')} (${SHARED.toLocaleString('en-US')} held by the others); true pairs: ${truePairs.toLocaleString('en-US')}`,
  'band       created  true  false  precision',
];
let notifiedTrue = 0;
let notifiedFalse = 0;
for (const name of ['strong', 'probable', 'possible']) {
  const b = bands.get(name) ?? { truePairs: 0, falsePairs: 0 };
  const created = b.truePairs + b.falsePairs;
  out.push(
    `${name.padEnd(10)} ${String(created).padStart(7)} ${String(b.truePairs).padStart(5)} ${String(b.falsePairs).padStart(6)}  ${(created ? b.truePairs / created : 0).toFixed(3)}`,
  );
  if (NOTIFIED.has(name)) {
    notifiedTrue += b.truePairs;
    notifiedFalse += b.falsePairs;
  }
}
const notifiedPrecision = notifiedTrue / Math.max(1, notifiedTrue + notifiedFalse);
if (explainer) out.push(explainer.report(truePairs));
out.push(
  `notified (strong + probable): precision ${notifiedPrecision.toFixed(3)}, recall of true pairs ${(notifiedTrue / Math.max(1, truePairs)).toFixed(3)}`,
  `(${((performance.now() - started) / 1000).toFixed(0)} s)`,
);
process.stdout.write(`${out.join('\n')}\n`);
