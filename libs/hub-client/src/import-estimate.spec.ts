import { describe, expect, it } from 'vitest';
import {
  DEFAULT_HUB_MS_PER_RECORD,
  estimateImport,
  formatDurationRange,
  remainingEstimate,
  roundDuration,
} from './import-estimate.js';

describe('the import time estimate', () => {
  it('gives a range: the hub and this device overlap at best, add up at worst', () => {
    // The file: 275,000 records, about 65 minutes.
    const all = estimateImport({ records: 275_000, clientMsPerRecord: 5 });
    expect(all.lowMs).toBe(275_000 * DEFAULT_HUB_MS_PER_RECORD.low);
    expect(roundDuration(all)).toEqual({ low: 32, high: 110, unit: 'minute' });
    expect(roundDuration({ lowMs: 11 * 3_600_000, highMs: 20 * 3_600_000 }).unit).toBe('hour');
  });

  it('uses the hub rate measured on the first chunk when there is one', () => {
    const range = estimateImport({ records: 300, clientMsPerRecord: 4, hubMsPerRecord: 10 });
    expect(range).toEqual({ lowMs: 3000, highMs: (1200 + 3000) * 1.2 });
    expect(formatDurationRange(range)).toBe('3–6 s');
    expect(estimateImport({ records: 0, clientMsPerRecord: 4 })).toEqual({ lowMs: 0, highMs: 0 });
  });

  it('updates the time left from the rate of this run, a resumed run from where it started', () => {
    expect(remainingEstimate({ total: 1000, from: 200, done: 200, elapsedMs: 5000 })).toBeNull();
    const left = remainingEstimate({ total: 1000, from: 200, done: 400, elapsedMs: 10_000 });
    // 200 records in 10 s: 600 left take about 30 s
    expect(left?.lowMs).toBeLessThan(30_000);
    expect(left?.highMs).toBeGreaterThan(30_000);
    expect(formatDurationRange({ lowMs: 40 * 60_000, highMs: 40 * 60_000 })).toBe('about 40 min');
  });
});
