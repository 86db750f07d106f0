import type { HubRequest } from '@parallax/hub-client';
import { describe, expect, it } from 'vitest';
import { overlapSummary } from '../src/commands/import-report.js';

/** A hub holding `groups` cases with overlaps (3 each: one per band), served `first` at a time. */
function hubWithGroups(groups: number) {
  const calls: Array<Record<string, unknown>> = [];
  const all = Array.from({ length: groups }, (_, i) => ({
    myCase: { id: `case-${i}` },
    total: 3,
    byStrength: { strong: 1, probable: 1, possible: 1 },
  }));
  const request: HubRequest = async <T>(query: string, variables?: Record<string, unknown>) => {
    expect(query).toContain('overlapGroups');
    calls.push(variables ?? {});
    const first = Number(variables?.['first']);
    const start = variables?.['after'] ? Number(variables['after']) : 0;
    const nodes = all.slice(start, start + first);
    const end = start + nodes.length;
    return {
      overlapGroups: {
        totalCount: groups,
        pageInfo: { endCursor: nodes.length ? String(end) : null, hasNextPage: end < groups },
        nodes,
      },
    } as T;
  };
  return { request, calls };
}

describe('the import summary of overlaps', () => {
  it('counts exactly past any page or cap: 1,500 overlaps over 500 cases', async () => {
    const hub = hubWithGroups(500);
    const imported = new Set(Array.from({ length: 400 }, (_, i) => `case-${i}`));
    const text = await overlapSummary(hub, 'wg-1', imported);
    expect(text).toContain(
      'overlaps so far: 1200 for these cases (400 strong, 400 probable, 400 possible); 1500 for all',
    );
    expect(hub.calls).toHaveLength(3);
    expect(hub.calls.map((c) => c['after'])).toEqual([null, '200', '400']);
    expect(hub.calls.every((c) => c['wg'] === 'wg-1' && c['first'] === 200)).toBe(true);
  });

  it('says zero when the hub found nothing', async () => {
    const text = await overlapSummary(hubWithGroups(0), 'wg-1', new Set(['x']));
    expect(text).toContain(
      'overlaps so far: 0 for these cases (0 strong, 0 probable, 0 possible); 0 for all',
    );
  });
});
