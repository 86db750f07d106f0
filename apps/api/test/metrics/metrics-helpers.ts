import { Logger } from '@nestjs/common';
import type { PublishedCell } from '@parallax/domain';
import { vi } from 'vitest';
import { CLOCK, type Clock } from '../../src/common/clock.js';
import type { SuiteContext } from '../support/suite-context.js';
import type { TestApp } from '../support/test-app.js';
import type { Person } from '../support/world.js';
import type { MetricsSeed } from './metrics-seed.js';

/** What the metrics suites share: the app, the world, the seeded organisations and the hub's clock. */
export interface MetricsContext extends SuiteContext {
  seed: MetricsSeed;
}

/** Sets the hub clock of this app (kept until set again). */
export function setClock(t: TestApp, at: Date): void {
  const clock = t.app.get<Clock>(CLOCK);
  const now = clock.now as unknown as { mockImplementation?: unknown };
  if (typeof now.mockImplementation === 'function') {
    vi.mocked(clock.now).mockImplementation(() => new Date(at));
  } else {
    vi.spyOn(clock, 'now').mockImplementation(() => new Date(at));
  }
}

export interface ReleaseView {
  id: string;
  workingGroupId: string;
  workingGroupName: string;
  period: string;
  status: 'draft' | 'published' | 'withheld';
  version: number;
  computedAt: string;
  publishedAt: string | null;
  medianDaysToLead: string | null;
  method: {
    gridVersion: number;
    epsilon: number;
    threshold: number;
    minOrganisations: number;
    rounding: number;
    families: Array<{ metric: string; shareMilli: number; sensitivity: number; scale: number }>;
  };
  cells: PublishedCell[];
}

export const RELEASE = `id workingGroupId workingGroupName period status version computedAt publishedAt medianDaysToLead
  method { gridVersion epsilon threshold minOrganisations rounding families { metric shareMilli sensitivity scale } }
  cells { metric key value suppressed }`;

export const codeOf = (r: { errors?: Array<{ extensions?: { code?: string } }> | undefined }) =>
  r.errors?.[0]?.extensions?.code;

export const compute = (p: Person, workingGroupId: string, period: string) =>
  p.client.request<{ computeMetricsRelease: ReleaseView }>(
    `mutation($wg: ID!, $p: String!) { computeMetricsRelease(workingGroupId: $wg, period: $p) { ${RELEASE} } }`,
    { wg: workingGroupId, p: period },
  );

export async function computed(
  p: Person,
  workingGroupId: string,
  period: string,
): Promise<ReleaseView> {
  const r = await compute(p, workingGroupId, period);
  if (!r.data?.computeMetricsRelease)
    throw new Error(`compute failed: ${JSON.stringify(r.errors)}`);
  return r.data.computeMetricsRelease;
}

export const decide = (
  p: Person,
  verb: 'publish' | 'withhold',
  releaseId: string,
  expectedVersion: number,
) =>
  p.client.request<Record<string, ReleaseView>>(
    `mutation($id: ID!, $v: Int!) { ${verb}MetricsRelease(releaseId: $id, expectedVersion: $v) { ${RELEASE} } }`,
    { id: releaseId, v: expectedVersion },
  );

export const releasesOf = (p: Person, workingGroupId: string) =>
  p.client.request<{ metricsReleases: ReleaseView[] }>(
    `query($wg: ID!) { metricsReleases(workingGroupId: $wg) { ${RELEASE} } }`,
    { wg: workingGroupId },
  );

export const publishedMetrics = (p: Person, from?: string, to?: string) =>
  p.client.request<{
    publishedMetrics: Array<{
      workingGroupId: string;
      workingGroupName: string;
      releases: ReleaseView[];
    }>;
  }>(
    `query($from: String, $to: String) { publishedMetrics(from: $from, to: $to) { workingGroupId workingGroupName releases { ${RELEASE} } } }`,
    { from, to },
  );

export const budgetOf = (p: Person, workingGroupId: string, year: number) =>
  p.client.request<{
    privacyBudget: {
      workingGroupId: string;
      year: number;
      cap: number;
      spent: number;
      remaining: number;
      entries: Array<{
        releaseId: string;
        period: string;
        epsilon: number;
        chargedAt: string;
        byJob: boolean;
      }>;
    };
  }>(
    `query($wg: ID!, $y: Int!) { privacyBudget(workingGroupId: $wg, year: $y) { workingGroupId year cap spent remaining
      entries { releaseId period epsilon chargedAt byJob } } }`,
    { wg: workingGroupId, y: year },
  );

/** Every number anywhere in a JSON-like value. */
export function numbersIn(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (typeof value === 'string') {
    try {
      const parsed: unknown = JSON.parse(value);
      return typeof parsed === 'object' && parsed !== null ? numbersIn(parsed) : [];
    } catch {
      return [];
    }
  }
  if (Array.isArray(value)) return value.flatMap(numbersIn);
  if (value && typeof value === 'object' && !(value instanceof Date))
    return Object.values(value).flatMap(numbersIn);
  return [];
}

/** Captures what the app's Nest loggers are asked to write (the test app itself logs nothing: level silent). */
export function captureLogs(): { text: () => string; stop: () => void } {
  const lines: string[] = [];
  const spies = (['log', 'error', 'warn', 'debug', 'verbose', 'fatal'] as const).map((level) =>
    vi.spyOn(Logger.prototype, level).mockImplementation(function (
      this: Logger,
      ...args: unknown[]
    ) {
      lines.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
    }),
  );
  return { text: () => lines.join('\n'), stop: () => spies.forEach((s) => s.mockRestore()) };
}
