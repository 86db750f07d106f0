import { DAYS_TO_LEAD_BUCKETS, type DaysToLeadBucket } from './grid.js';
import type { PublishedCell } from './types.js';

/**
 * The bucket holding the median number of days from first overlap to an
 * agreed lead, read from the PUBLISHED histogram only (post-processing of
 * noisy, rounded values costs no privacy). The published buckets are the
 * histogram; the total cell is noised separately and need not equal their
 * sum, so it only gates publication. Null when the total or any bucket is
 * suppressed (a median over a partial histogram would mislead) or the
 * histogram is empty.
 */
export function medianBucket(published: readonly PublishedCell[]): DaysToLeadBucket | null {
  const total = published.find((c) => c.metric === 'clusters_lead_agreed' && c.key === null);
  if (!total || total.suppressed || total.value === null) return null;
  const counts: number[] = [];
  for (const bucket of DAYS_TO_LEAD_BUCKETS) {
    const cell = published.find((c) => c.metric === 'days_to_lead' && c.key === bucket);
    if (!cell || cell.suppressed || cell.value === null) return null;
    counts.push(Math.max(0, cell.value));
  }
  const sum = counts.reduce((a, b) => a + b, 0);
  if (sum === 0) return null;
  let cumulative = 0;
  for (let i = 0; i < counts.length; i++) {
    cumulative += counts[i] as number;
    if (2 * cumulative >= sum) return DAYS_TO_LEAD_BUCKETS[i] as DaysToLeadBucket;
  }
  return null;
}
