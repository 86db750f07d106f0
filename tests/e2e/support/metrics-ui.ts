import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** What the donor-metrics end-to-end spec reads off the pages: GraphQL answers, chart lines, the CSV. */

export interface Answer<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/** A GraphQL call with the page's own session, as its client makes it. */
export async function graphqlAs<T>(
  page: Page,
  url: string,
  query: string,
  variables = {},
): Promise<Answer<T>> {
  const response = await page.request.post(`${url}/graphql`, {
    headers: { 'content-type': 'application/json', 'x-parallax-csrf': '1' },
    data: { query, variables },
  });
  return (await response.json()) as Answer<T>;
}

/**
 * The y of the leftmost and rightmost points of the chart's longest line
 * (a series with a suppressed month has a gap there, so fewer points).
 */
export async function lineEnds(chart: Locator): Promise<{ left: number; right: number }> {
  const curves = chart.locator('svg .recharts-line-curve');
  await curves.first().waitFor({ timeout: 30_000 });
  const points =
    (await curves.evaluateAll((ps) => ps.map((p) => p.getAttribute('d') ?? '')))
      .map((d) => (d.match(/-?\d*\.?\d+(?:e[-+]?\d+)?/gi) ?? []).map(Number))
      .sort((a, b) => b.length - a.length)[0] ?? [];
  expect(points.length, 'a line through at least two months').toBeGreaterThanOrEqual(4);
  const at = (i: number) => points.at(i) ?? 0;
  const [x0, y0, x1, y1] = [at(0), at(1), at(-2), at(-1)];
  return x0 < x1 ? { left: y0, right: y1 } : { left: y1, right: y0 };
}

/** The donor's CSV export, as rows of cells (no value of it holds a comma or a quote). */
export async function downloadCsv(page: Page): Promise<string[][]> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('metrics-export-csv').click(),
  ]);
  const text = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
  return text
    .split(/\r?\n/)
    .filter((line) => line.length > 0)
    .map((line) => line.split(','));
}
