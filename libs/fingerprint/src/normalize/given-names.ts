/**
 * Given-name equivalents across languages (schema v2): Микола / Николай /
 * Мікалай, Сергій / Сергей, Julia / Юлия, Joseph / Iosif / Yusuf. Such forms
 * are the same name of the same person, yet their phonetic skeletons differ
 * (MKL / NKL), so keys.ts adds the class id of a token as one more
 * alternative of it and two spellings meet on the id.
 *
 * The classes are generated (given-names/table.ts, see its header for the
 * source and licence) and deliberately tight: one form never belongs to two
 * classes, and a class holds spellings of one name, never merely related
 * names (Ivan is not Ioann, Hasan is not Husayn), because a wrong merge makes
 * false matches across the whole working group.
 */
import { GIVEN_NAME_TABLE } from './given-names/table.js';

const NONE: readonly string[] = Object.freeze([]);

let index: ReadonlyMap<string, readonly string[]> | null = null;

/** Latin form → its class ids, built on first use. */
function classIndex(): ReadonlyMap<string, readonly string[]> {
  if (index !== null) return index;
  const map = new Map<string, string[]>();
  for (const [id, forms] of Object.entries(GIVEN_NAME_TABLE)) {
    for (const form of forms) {
      const ids = map.get(form);
      if (ids === undefined) map.set(form, [id]);
      else if (!ids.includes(id)) ids.push(id);
    }
  }
  const frozen = new Map<string, readonly string[]>();
  for (const [form, ids] of map) frozen.set(form, Object.freeze(ids.sort()));
  index = frozen;
  return index;
}

/**
 * The ids of the given-name classes of one token's Latin form (as
 * tokenizeName produces it: toLatin'ed, lower case), e.g. 'mykola' →
 * ['#nikolai']; [] when the form is in none. Class ids start with '#', which
 * no skeleton does, so an id never equals a skeleton.
 */
export function givenNameClasses(latinForm: string): readonly string[] {
  return classIndex().get(latinForm) ?? NONE;
}
