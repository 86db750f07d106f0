/**
 * Cross-language name pairs with expected verdicts (test-vectors/cross-language-pairs.json,
 * each with the standard or dataset it rests on). A 'same-name' pair must share a
 * full-name key; a 'different' pair must share none. Entries marked knownLimit are
 * checked to still fail, so that a fix shows up here and the mark can be removed.
 * The summary printed at the end gives the pass count per convention.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { extractKeys } from './keys.js';
import { KIND_NAME_FULL } from './schema.js';

interface CrossLanguagePair {
  left: string;
  right: string;
  expect: 'same-name' | 'different';
  convention: string;
  source: string;
  note?: string;
  knownLimit?: boolean;
}

const FILE = fileURLToPath(new URL('../test-vectors/cross-language-pairs.json', import.meta.url));
const PAIRS = JSON.parse(readFileSync(FILE, 'utf8')) as CrossLanguagePair[];

const fullKeys = (name: string): Set<string> =>
  new Set(
    extractKeys({ id: 'x', schema: 'Person', properties: { name: [name] } })
      .filter((k) => k.kind === KIND_NAME_FULL)
      .map((k) => k.value),
  );

/** True when the pair behaves as its entry expects (ignoring knownLimit). */
function meetsExpectation(pair: CrossLanguagePair): boolean {
  const right = fullKeys(pair.right);
  const shared = [...fullKeys(pair.left)].some((v) => right.has(v));
  return pair.expect === 'same-name' ? shared : !shared;
}

const tally = new Map<string, { pass: number; total: number; limits: number }>();

describe('cross-language name pairs', () => {
  it('are well formed and cite a source', () => {
    expect(PAIRS.length).toBeGreaterThanOrEqual(60);
    for (const p of PAIRS) {
      expect(p.left.trim().length, JSON.stringify(p)).toBeGreaterThan(0);
      expect(p.right.trim().length, JSON.stringify(p)).toBeGreaterThan(0);
      expect(['same-name', 'different']).toContain(p.expect);
      expect(p.convention).toMatch(/^[a-z0-9-]+$/u);
      expect(p.source.length, JSON.stringify(p)).toBeGreaterThan(10);
    }
    expect(PAIRS.some((p) => p.expect === 'different')).toBe(true);
  });

  it.each(PAIRS.map((p) => [`${p.convention}: ${p.left} ~ ${p.right} (${p.expect})`, p] as const))(
    '%s',
    (_title, pair) => {
      const ok = meetsExpectation(pair);
      const t = tally.get(pair.convention) ?? { pass: 0, total: 0, limits: 0 };
      t.total++;
      if (pair.knownLimit) t.limits++;
      else if (ok) t.pass++;
      tally.set(pair.convention, t);
      if (pair.knownLimit) {
        expect(ok, 'known limit now passes: remove its knownLimit mark').toBe(false);
      } else {
        expect(ok, pair.note ?? pair.source).toBe(true);
      }
    },
  );

  afterAll(() => {
    const lines = [...tally]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(
        ([c, t]) =>
          `  ${c}: ${t.pass}/${t.total - t.limits} pass${t.limits ? `, ${t.limits} known limit(s)` : ''}`,
      );
    console.log(`cross-language pairs per convention:\n${lines.join('\n')}`);
  });
});
