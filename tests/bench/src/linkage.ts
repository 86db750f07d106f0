/**
 * `npm run bench:linkage [-- DATA_FOLDER]`: precision, recall and F1 of
 * `parallax link` on a folder with left.jsonl, right.jsonl and truth.csv
 * (default tests/bench/data/linkage-dev-ofac2018, see its README), the
 * salted-hash baseline on the same data, and the same measure on synthetic
 * alias lists from the deterministic generator.
 */
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createLocalEvaluator,
  fingerprintPersons,
  generateGroupKey,
  generateOprfKey,
  type FtmPerson,
} from '@parallax/fingerprint';
import { matchRecords } from '@parallax/matching';
import { syntheticLinkage } from './generator.js';
import { pairKind, qualityByKind } from './linkage-kinds.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const folder = resolve(root, process.argv[2] ?? 'tests/bench/data/linkage-dev-ofac2018');
const files = ['left.jsonl', 'right.jsonl', 'truth.csv'].map((f) => resolve(folder, f));

for (const f of files) {
  if (!existsSync(f)) {
    process.stderr.write(
      `bench:linkage: ${f} not found.\nGive the data folder (with left.jsonl, right.jsonl, truth.csv): npm run bench:linkage -- /path/to/folder\n`,
    );
    process.exit(2);
  }
}
const [leftPath, rightPath, truthPath] = files as [string, string, string];

interface Pair {
  left: string;
  right: string;
  score: number;
  strength: string;
  matched: string[];
}

function readJsonl(path: string): FtmPerson[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((l) => JSON.parse(l) as FtmPerson);
}

function readTruth(path: string): Set<string> {
  const [header, ...rows] = readFileSync(path, 'utf8')
    .split(/\r?\n/u)
    .filter((l) => l.trim().length > 0);
  if (!header || !/^left\s*,\s*right$/u.test(header.trim()))
    throw new Error(`${path}: expected a "left,right" header`);
  return new Set(
    rows.map((r) =>
      r
        .split(',')
        .map((c) => c.trim())
        .join(','),
    ),
  );
}

interface Quality {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

function quality(found: Iterable<string>, truth: ReadonlySet<string>): Quality {
  let tp = 0;
  let fp = 0;
  for (const k of found) {
    if (truth.has(k)) tp++;
    else fp++;
  }
  const fn = truth.size - tp;
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = truth.size === 0 ? 1 : tp / truth.size;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

const fmt = (q: Quality): string =>
  `precision ${q.precision.toFixed(3)}  recall ${q.recall.toFixed(3)}  F1 ${q.f1.toFixed(3)}  (TP ${q.tp}, FP ${q.fp}, FN ${q.fn})`;

// --- parallax link, exactly as a user runs it -------------------------------------------------
const cli = resolve(root, 'apps/cli/bin/parallax.js');
const started = Date.now();
const run = spawnSync(process.execPath, [cli, 'link', leftPath, rightPath], {
  encoding: 'utf8',
  maxBuffer: 1 << 28,
});
if (run.status !== 0) {
  process.stderr.write(run.stderr);
  process.stderr.write(`bench:linkage: parallax link exited with ${String(run.status)}\n`);
  process.exit(1);
}
const seconds = (Date.now() - started) / 1000;
const pairs = run.stdout
  .split('\n')
  .filter((l) => l.trim().length > 0)
  .map((l) => JSON.parse(l) as Pair);
const truth = readTruth(truthPath);
const left = readJsonl(leftPath);
const right = readJsonl(rightPath);
const nameOf = new Map(
  [...left, ...right].map((p) => [
    p.id,
    `${String(p.properties['name'] ?? '')} (${String(p.properties['birthDate'] ?? '—')})`,
  ]),
);
const q = quality(
  pairs.map((p) => `${p.left},${p.right}`),
  truth,
);

const lines: string[] = [];
lines.push(`# Linkage benchmark`);
lines.push(`data: ${folder}`);
lines.push(`records: ${left.length} left, ${right.length} right; true pairs: ${truth.size}`);
lines.push('');
lines.push(`parallax link (default alert threshold, ${seconds.toFixed(1)} s incl. build check):`);
lines.push(`  ${fmt(q)}`);
const byStrength = new Map<string, { tp: number; fp: number }>();
for (const p of pairs) {
  const s = byStrength.get(p.strength) ?? { tp: 0, fp: 0 };
  if (truth.has(`${p.left},${p.right}`)) s.tp++;
  else s.fp++;
  byStrength.set(p.strength, s);
}
for (const [strength, s] of byStrength)
  lines.push(`  ${strength.padEnd(9)} ${s.tp} true, ${s.fp} false`);
const recordOf = new Map([...left, ...right].map((p) => [p.id, p]));
const kindOfKey =
  (records: ReadonlyMap<string, FtmPerson>) =>
  (key: string): ReturnType<typeof pairKind> => {
    const [l, r] = key.split(',') as [string, string];
    const a = records.get(l);
    const b = records.get(r);
    return a && b ? pairKind(a, b) : 'no date';
  };
lines.push(
  'by kind of pair (dated: both sides carry a full birth date; undated: one or both do not):',
);
lines.push(
  ...qualityByKind(
    pairs.map((p) => ({ key: `${p.left},${p.right}`, strength: p.strength })),
    truth,
    kindOfKey(recordOf),
  ),
);

// --- baseline: salted hash of the normalised full name ------------------------------------------
const salt = randomBytes(16);
const normalise = (s: string): string =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
const hashNames = (p: FtmPerson): string[] =>
  ['name', 'alias']
    .flatMap((k) => {
      const v = p.properties[k];
      return v === undefined ? [] : typeof v === 'string' ? [v] : [...v];
    })
    .map((n) => createHash('sha256').update(salt).update(normalise(n)).digest('hex'));
const rightByHash = new Map<string, string[]>();
for (const r of right)
  for (const h of hashNames(r)) rightByHash.set(h, [...(rightByHash.get(h) ?? []), r.id]);
const baselineFound = new Set<string>();
for (const l of left)
  for (const h of hashNames(l))
    for (const r of rightByHash.get(h) ?? []) baselineFound.add(`${l.id},${r}`);
lines.push('');
lines.push('baseline, salted SHA-256 of the normalised full name (exact match):');
lines.push(`  ${fmt(quality(baselineFound, truth))}`);

// --- misses and false alarms, for the report -------------------------------------------------
const found = new Set(pairs.map((p) => `${p.left},${p.right}`));
lines.push('');
lines.push('missed true pairs:');
for (const t of truth) {
  if (found.has(t)) continue;
  const [l, r] = t.split(',') as [string, string];
  lines.push(`  ${l} ${nameOf.get(l) ?? '?'}  ~  ${r} ${nameOf.get(r) ?? '?'}`);
}
lines.push('false alarms:');
for (const p of pairs) {
  if (truth.has(`${p.left},${p.right}`)) continue;
  lines.push(
    `  ${p.left} ${nameOf.get(p.left) ?? '?'}  ~  ${p.right} ${nameOf.get(p.right) ?? '?'}  ${p.score} ${p.matched.join(',')}`,
  );
}

// --- synthetic alias lists (not tuned on; a check of the calibration) ---------------------------
const synth = syntheticLinkage(1000, 300);
const fps = await fingerprintPersons([...synth.left, ...synth.right], {
  groupKey: generateGroupKey(),
  evaluator: createLocalEvaluator(generateOprfKey()),
});
const synthPairs = matchRecords(
  fps.map((r, i) => ({
    recordId: r.id,
    orgId: i < synth.left.length ? 'L' : 'R',
    fingerprints: r.fingerprints,
  })),
);
lines.push('');
lines.push(
  `synthetic alias lists (generator seed 7: 1000 + 1000 records, 300 shared persons, independent spellings and scripts):`,
);
lines.push(
  `  ${fmt(
    quality(
      synthPairs.map((p) => `${p.left},${p.right}`),
      synth.truth,
    ),
  )}`,
);
const synthStrength = new Map<string, { tp: number; fp: number }>();
for (const p of synthPairs) {
  const s = synthStrength.get(p.strength) ?? { tp: 0, fp: 0 };
  if (synth.truth.has(`${p.left},${p.right}`)) s.tp++;
  else s.fp++;
  synthStrength.set(p.strength, s);
}
for (const [strength, s] of synthStrength)
  lines.push(`  ${strength.padEnd(9)} ${s.tp} true, ${s.fp} false`);
lines.push('  by kind of pair:');
lines.push(
  ...qualityByKind(
    synthPairs.map((p) => ({ key: `${p.left},${p.right}`, strength: p.strength })),
    synth.truth,
    kindOfKey(new Map([...synth.left, ...synth.right].map((p) => [p.id, p]))),
  ),
);

process.stdout.write(`${lines.join('\n')}\n`);
