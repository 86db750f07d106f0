import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { matchRecords, type MatchRecord } from './match.js';

const rec = (recordId: string, orgId: string, fps: [string, string][]): MatchRecord => ({
  recordId,
  orgId,
  fingerprints: fps.map(([kind, fp]) => ({ kind, fp })),
});

const records: MatchRecord[] = [
  rec('a1', 'A', [
    ['name.pair', 'p1'],
    ['name.pair+yob', 'y1'],
    ['name.full', 'f1'],
  ]),
  rec('b1', 'B', [
    ['name.pair', 'p1'],
    ['name.pair+yob', 'y1'],
  ]),
  rec('a2', 'A', [
    ['name.pair', 'p1'],
    ['name.pair+yob', 'y1'],
  ]), // same org as a1: never paired with it
  rec('c1', 'C', [
    ['name.pair', 'p1'],
    ['name.pair+yob', 'y9'],
  ]), // year conflict with everybody
  rec('c2', 'C', [['id.passport', 'X1']]),
  rec('b2', 'B', [
    ['id.passport', 'X1'],
    ['phone', 'T1'],
  ]),
  rec('d1', 'D', [['phone', 'T2']]),
];

describe('matchRecords', () => {
  it('pairs records of different organisations that share a fingerprint, best first', () => {
    const pairs = matchRecords(records);
    expect(pairs.map((p) => [p.left, p.right, p.strength])).toEqual([
      ['c2', 'b2', 'strong'],
      ['a1', 'b1', 'possible'],
      ['b1', 'a2', 'possible'],
    ]);
    // p1 is held by four records: the name + year evidence counts, discounted for the
    // two other holders of the name, who could share the year by chance
    expect(pairs[1]).toMatchObject({
      leftOrg: 'A',
      rightOrg: 'B',
      matched: ['name.pair+yob', 'name.pair'],
    });
  });

  it('reports every candidate at threshold 0, including conflicting ones', () => {
    const all = matchRecords(records, { threshold: 0 });
    const c1 = all.filter((p) => p.left === 'c1' || p.right === 'c1');
    expect(c1.length).toBe(3);
    expect(c1.every((p) => p.strength === 'weak')).toBe(true);
    expect(all.some((p) => p.left === 'a1' && p.right === 'a2')).toBe(false);
    expect(all.some((p) => p.left === 'd1' || p.right === 'd1')).toBe(false);
  });

  it('counts frequencies over all records (a fingerprint held by many is weak evidence)', () => {
    const many = Array.from({ length: 60 }, (_, i) =>
      rec(`r${i}`, `O${i}`, [
        ['name.pair', 'common'],
        ['name.pair+yob', 'common-1960'],
      ]),
    );
    expect(matchRecords(many)).toEqual([]);
    expect(matchRecords(many.slice(0, 2)).length).toBe(1);
  });

  it('skips candidate generation for fingerprints above maxCandidateFrequency', () => {
    const many = Array.from({ length: 30 }, (_, i) =>
      rec(`r${i}`, `O${i}`, [['email', 'shared@x']]),
    );
    expect(matchRecords(many, { threshold: 0 }).length).toBe((30 * 29) / 2);
    expect(matchRecords(many, { threshold: 0, maxCandidateFrequency: 10 })).toEqual([]);
  });

  it('does not depend on the order of fingerprints within records', () => {
    const base = matchRecords(records, { threshold: 0 });
    fc.assert(
      fc.property(fc.infiniteStream(fc.nat()), (stream) => {
        const shuffled = records.map((r) => {
          const fps = [...r.fingerprints];
          for (let i = fps.length - 1; i > 0; i--) {
            const j = (stream.next().value as number) % (i + 1);
            const tmp = fps[i] as (typeof fps)[number];
            fps[i] = fps[j] as (typeof fps)[number];
            fps[j] = tmp;
          }
          return { ...r, fingerprints: fps };
        });
        expect(matchRecords(shuffled, { threshold: 0 })).toEqual(base);
      }),
      { numRuns: 30 },
    );
  });
});
