#!/usr/bin/env node
/**
 * Rebuilds libs/fingerprint/src/normalize/given-names/table.ts from
 *   1. the Aleph "synonames" list (synonames.txt in github.com/alephdata/aleph-elasticsearch,
 *      MIT licence, (c) 2020 Journalism Development Network; mined by github.com/alephdata/synonames
 *      from the labels of the same Wikidata person in several languages, Wikidata being CC0):
 *      one pair "a, b" per line, two spellings of one name token of one person;
 *   2. scripts/given-names/seeds.json: which given names get a class, and their anchors;
 *   3. the standard romanisation tables in scripts/given-names/romanize.mjs.
 *
 * Membership of a class (everything else is left out):
 *   - its anchors: each must be attested in the source by a pair with another member
 *     (checked; an unattested anchor fails the build unless it is a cited 'supplement');
 *   - every form the source pairs with a non-Latin anchor (one hop, never transitively: chains
 *     such as Ivan – Jean – Juan – John are how mined lists drift) whose phonetic skeleton equals
 *     the skeleton of an anchor, i.e. a transcription of a form already in the class, not a
 *     translation, a diminutive or a patronymic;
 *   - the romanisations of every Cyrillic member under the systems of romanize.mjs, and every
 *     Latin form again with its standalone h read as g (the second reading keys.ts makes);
 *   - minus 'exclude'; a Latin form that lands in two classes is dropped from both;
 *   - a class whose spellings all share one skeleton is dropped (it could only add keys).
 *
 * Usage (build the lib first: npx tsc -b libs/fingerprint/tsconfig.lib.json):
 *   node libs/fingerprint/scripts/build-given-names.mjs [source] [--check] [--extract]
 * source defaults to scripts/given-names/synonames-extract.txt, the lines of synonames.txt that
 * name an anchor or supplement form (all the derivation reads; MIT notice in SYNONAMES-LICENSE).
 * --extract (with the full synonames.txt as source) rewrites that extract after a seeds change;
 * --check compares with the committed table and exits 1 when it differs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { romanize } from './given-names/romanize.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const lib = join(here, '..');
const { toLatin } = await import(join(lib, 'dist/normalize/translit.js'));
const { skeleton, standaloneHToG } = await import(join(lib, 'dist/normalize/skeleton.js'));

const args = process.argv.slice(2);
const flags = args.filter((a) => a.startsWith('--'));
const EXTRACT = join(here, 'given-names/synonames-extract.txt');
const sourcePath = args.find((a) => !a.startsWith('--')) ?? EXTRACT;
const OUT = join(lib, 'src/normalize/given-names/table.ts');
const seeds = JSON.parse(readFileSync(join(here, 'given-names/seeds.json'), 'utf8'));

const norm = (s) => s.normalize('NFC').toLowerCase().trim();
const isLatinScript = (s) => /^[\p{Script=Latin}\p{M}'’-]+$/u.test(s);
const isCyrillic = (s) => /^[\p{Script=Cyrillic}\p{M}'’ʼ-]+$/u.test(s);
/** toLatin, kept only when it is one plain token (the form a name token has at lookup time). */
const latinOf = (s) => {
  const l = toLatin(s);
  return /^[a-z]+$/u.test(l) ? l : null;
};
const skeletons = (latin) => [skeleton(latin), skeleton(standaloneHToG(latin))];

const sourceLines = readFileSync(sourcePath, 'utf8').split('\n');
if (flags.includes('--extract')) {
  const named = new Set(
    seeds.classes
      .flatMap((c) => [
        ...(c.native ?? []),
        ...(c.latin ?? []),
        ...(c.supplement ?? []).map((x) => x.form),
      ])
      .map(norm),
  );
  const kept = sourceLines.filter((line) => {
    const parts = line.split(',').map(norm);
    return parts.length === 2 && (named.has(parts[0]) || named.has(parts[1]));
  });
  writeFileSync(EXTRACT, `${kept.join('\n')}\n`);
  console.log(`wrote ${EXTRACT} (${kept.length} pairs)`);
}

// the source: pair index
const pairs = new Map();
for (const line of sourceLines) {
  const parts = line.split(',').map(norm);
  if (parts.length !== 2 || !parts[0] || !parts[1]) continue;
  const [a, b] = parts;
  if (!pairs.has(a)) pairs.set(a, new Set());
  if (!pairs.has(b)) pairs.set(b, new Set());
  pairs.get(a).add(b);
  pairs.get(b).add(a);
}
/**
 * An anchor is attested when the source pairs it with another member, or with a spelling
 * that has the skeleton of another member (Иван – ivan – Іван: the source pairs each script
 * with Latin, seldom two Cyrillic spellings that romanise alike).
 */
const attested = (a, members) => {
  const others = new Set(
    [...members]
      .filter((m) => m !== a)
      .map(latinOf)
      .filter(Boolean)
      .flatMap(skeletons),
  );
  return [...(pairs.get(a) ?? [])].some((b) => {
    if (b !== a && members.has(b)) return true;
    const l = latinOf(b);
    return l !== null && skeletons(l).some((s) => others.has(s));
  });
};

const problems = [];
const stats = [];
const classLatin = new Map(); // id -> Set of Latin forms
for (const cls of seeds.classes) {
  const supplements = new Set((cls.supplement ?? []).map((s) => norm(s.form)));
  const excluded = new Set((cls.exclude ?? []).map((e) => norm(e.form)));
  const anchors = [...(cls.native ?? []), ...(cls.latin ?? [])].map(norm);
  const members = new Set([...anchors, ...supplements]);
  for (const a of anchors) {
    if (!supplements.has(a) && !attested(a, members))
      problems.push(`${cls.id}: anchor ${a} not attested in the source`);
  }
  const anchorSkeletons = new Set(
    [...anchors, ...supplements].map(latinOf).filter(Boolean).flatMap(skeletons),
  );
  let fromSource = 0;
  for (const a of (cls.native ?? []).map(norm)) {
    for (const b of pairs.get(a) ?? []) {
      if (members.has(b) || excluded.has(b)) continue;
      const l = latinOf(b);
      if (l && skeletons(l).some((s) => anchorSkeletons.has(s))) {
        members.add(b);
        fromSource++;
      }
    }
  }
  for (const m of [...members]) if (isCyrillic(m)) for (const r of romanize(m)) members.add(r);
  for (const e of excluded) members.delete(e);
  const latin = new Set([...members].map(latinOf).filter(Boolean));
  for (const m of members) if (!isLatinScript(m) && !latinOf(m)) latin.add(toLatin(m)); // scripts toLatin does not fold yet
  // keys.ts reads East Slavic names a second time with every standalone h as g (Hryhoriy as
  // Grygoriy): the class must survive that reading too
  for (const l of [...latin]) latin.add(standaloneHToG(l));
  classLatin.set(cls.id, latin);
  stats.push(`${cls.id}: ${latin.size} forms (${fromSource} spellings from source pairs)`);
}

// a form in two classes would bridge two different names: drop it from both
const owners = new Map();
for (const [id, forms] of classLatin)
  for (const f of forms) owners.set(f, [...(owners.get(f) ?? []), id]);
for (const [form, ids] of owners) {
  if (ids.length > 1) {
    problems.push(`dropped ${form}: in ${ids.join(', ')}`);
    for (const id of ids) classLatin.get(id).delete(form);
  }
}

// a class whose spellings all share one skeleton lets no two of them meet that do not already:
// it would only add keys
for (const [id, forms] of classLatin) {
  if (new Set([...forms].map(skeleton)).size < 2) {
    problems.push(`dropped ${id}: all its spellings share one skeleton`);
    classLatin.delete(id);
  }
}

const body = [...classLatin]
  .map(
    ([id, forms]) =>
      `  '${id}': [${[...forms]
        .sort()
        .map((f) => `'${f}'`)
        .join(', ')}],`,
  )
  .join('\n');
const table = `/**
 * Given-name equivalence classes (fingerprint schema v2). GENERATED by
 * libs/fingerprint/scripts/build-given-names.mjs: do not edit by hand.
 *
 * Source: Aleph "synonames" (synonames.txt of github.com/alephdata/aleph-elasticsearch,
 * MIT licence, (c) 2020 Journalism Development Network), pairs of spellings of one name
 * token of one Wikidata person (Wikidata: CC0); class anchors and cited supplements in
 * scripts/given-names/seeds.json; romanisations by the published systems listed in
 * scripts/given-names/romanize.mjs. Forms are as toLatin() produced them at build time.
 */
// prettier-ignore
export const GIVEN_NAME_TABLE: Readonly<Record<string, readonly string[]>> = {
${body}
};
`;
for (const s of stats) console.log(s);
for (const p of problems) console.warn(p);
if (problems.some((p) => p.includes('not attested'))) process.exit(1);
if (flags.includes('--check')) {
  const current = readFileSync(OUT, 'utf8');
  if (current !== table) {
    console.error('table.ts differs from a rebuild');
    process.exit(1);
  }
  console.log('table.ts is up to date');
} else {
  writeFileSync(OUT, table);
  console.log(`wrote ${OUT}`);
}
