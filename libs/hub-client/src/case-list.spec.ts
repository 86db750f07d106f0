import { describe, expect, it } from 'vitest';
import { listAllCases } from './case-list.js';
import type { HubRequest } from './request.js';

const kase = (i: number) => ({
  id: `c${i}`,
  workingGroupId: 'g',
  reference: `R-${i}`,
  status: 'active',
});

/** A hub holding `total` cases, paged as the API pages them (cursor = index of the next row). */
function hub(total: number) {
  const asked: Array<Record<string, unknown>> = [];
  const request = (async (_query: string, variables: Record<string, unknown> = {}) => {
    asked.push(variables);
    const start = variables['after'] ? Number(variables['after']) : 0;
    const end = Math.min(start + Number(variables['first']), total);
    return {
      cases: {
        totalCount: total,
        pageInfo: { endCursor: end > start ? String(end) : null, hasNextPage: end < total },
        nodes: Array.from({ length: end - start }, (_, i) => kase(start + i)),
      },
    };
  }) as HubRequest;
  return { request, asked };
}

describe('listAllCases', () => {
  it('pages through every case with the filters on each page', async () => {
    const { request, asked } = hub(450);
    const progress: number[] = [];
    const cases = await listAllCases(
      request,
      { search: 'R-' },
      { onPage: (n) => progress.push(n) },
    );
    expect(cases.map((c) => c.id)).toEqual(Array.from({ length: 450 }, (_, i) => `c${i}`));
    expect(asked.map((v) => [v['after'], v['search'], v['first']])).toEqual([
      [null, 'R-', 200],
      ['200', 'R-', 200],
      ['400', 'R-', 200],
    ]);
    expect(progress).toEqual([200, 400, 450]);
  });

  it('refuses to hold more than the maximum', async () => {
    await expect(listAllCases(hub(300).request, {}, { max: 250 })).rejects.toMatchObject({
      code: 'TOO_MANY_CASES',
    });
  });

  it('returns nothing for an empty list in one request', async () => {
    const { request, asked } = hub(0);
    expect(await listAllCases(request)).toEqual([]);
    expect(asked).toHaveLength(1);
  });
});
