/**
 * Shared helpers of the normalisation specs: whether two names meet, from
 * the full-name skeleton sets they produce. Test support only: excluded from
 * the library build (tsconfig.lib.json), typechecked with the specs.
 */
import { tokenizeName } from './names.js';
import { skeleton } from './skeleton.js';
import { formReadings } from './slavic-latin.js';

/** Skeletons of every combination of one form per token. */
function combinations(tokens: readonly (readonly string[])[]): string[][] {
  let combos: string[][] = [[]];
  for (const forms of tokens) {
    const skels = [...new Set(forms.map(skeleton))];
    combos = combos.flatMap((c) => skels.map((s) => [...c, s]));
  }
  return combos;
}

/**
 * Every full-name skeleton set a name can produce (all readings, all form
 * combinations); a skeleton repeated within a name counts once.
 */
function fullSets(name: string): Set<string> {
  const out = new Set<string>();
  for (const reading of tokenizeName(name)) {
    for (const c of combinations(reading.map((t) => t.forms))) {
      out.add([...new Set(c)].sort().join(' '));
    }
  }
  return out;
}

/**
 * Every full-name skeleton set a name produces, over all its readings as
 * keys.ts makes them: each tokenisation, then formReadings (original and
 * common readings), then every combination of token forms.
 */
function keyedSets(name: string): Set<string> {
  const out = new Set<string>();
  for (const reading of tokenizeName(name)) {
    for (const forms of formReadings(reading.map((t) => t.forms))) {
      for (const c of combinations(forms)) out.add([...c].sort().join(' '));
    }
  }
  return out;
}

const shareASet = (left: Set<string>, right: Set<string>): boolean =>
  [...right].some((s) => left.has(s));

/** Whether two names share a full-name skeleton set ({@link fullSets}). */
export const meet = (a: string, b: string): boolean => shareASet(fullSets(a), fullSets(b));

/** Whether two names share a full-name skeleton set over the readings keys.ts makes ({@link keyedSets}). */
export const keysMeet = (a: string, b: string): boolean => shareASet(keyedSets(a), keyedSets(b));
