import { describe, expect, it } from 'vitest';
import { clusterMyCases } from './overlap-clusters.js';

describe('clusterMyCases', () => {
  it('links my cases through the other cases they share, numbering clusters of two or more', () => {
    const clusters = clusterMyCases([
      { myCase: 'm3', otherCase: 'x1' },
      { myCase: 'm1', otherCase: 'x1' },
      { myCase: 'm1', otherCase: 'x2' },
      { myCase: 'm5', otherCase: 'x2' },
      { myCase: 'm2', otherCase: 'x3' },
      { myCase: 'm4', otherCase: 'x4' },
      { myCase: 'm0', otherCase: 'x4' },
    ]);
    expect(Object.fromEntries(clusters)).toEqual({
      m0: { key: 'm0', number: 1, size: 2 },
      m4: { key: 'm0', number: 1, size: 2 },
      m1: { key: 'm1', number: 2, size: 3 },
      m3: { key: 'm1', number: 2, size: 3 },
      m5: { key: 'm1', number: 2, size: 3 },
      m2: { key: 'm2', number: null, size: 1 },
    });
  });

  it('never names the other side', () => {
    const out = JSON.stringify([...clusterMyCases([{ myCase: 'mine', otherCase: 'theirs' }])]);
    expect(out).not.toContain('theirs');
  });

  it('handles a long chain without deep recursion', () => {
    const links = Array.from({ length: 20_000 }, (_, i) => [
      { myCase: `m${i}`, otherCase: `x${i}` },
      { myCase: `m${i + 1}`, otherCase: `x${i}` },
    ]).flat();
    const clusters = clusterMyCases(links);
    expect(clusters.get('m20000')).toEqual({ key: 'm0', number: 1, size: 20_001 });
  });
});
