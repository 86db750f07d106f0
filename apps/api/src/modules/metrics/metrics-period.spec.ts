import { describe, expect, it } from 'vitest';
import {
  lastCompleteMonth,
  monthOf,
  periodBounds,
  releasablePeriod,
  shiftMonth,
} from './metrics-period.js';

describe('metrics periods', () => {
  it('bounds a month in UTC, December included', () => {
    const b = periodBounds('2026-12');
    expect(b?.start.toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(b?.end.toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(b?.year).toBe(2026);
  });

  it('refuses what is not YYYY-MM', () => {
    for (const bad of ['2026-13', '2026-00', '2026-1', '26-01', '2026-01-01', '', ' 2026-01'])
      expect(periodBounds(bad)).toBeNull();
  });

  it('moves across years and finds the last complete month', () => {
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-11', 2)).toBe('2027-01');
    expect(lastCompleteMonth(new Date('2026-01-01T00:00:00Z'))).toBe('2025-12');
    expect(lastCompleteMonth(new Date('2026-11-27T15:00:00Z'))).toBe('2026-10');
    expect(monthOf(new Date('2026-10-31T23:59:59.999Z'))).toBe('2026-10');
  });

  it('releases only complete past months of the group’s life', () => {
    const now = new Date('2026-11-27T15:00:00Z');
    const created = new Date('2026-03-15T10:00:00Z');
    expect(releasablePeriod('2026-10', now, created)).not.toBeNull();
    expect(releasablePeriod('2026-03', now, created)).not.toBeNull();
    expect(releasablePeriod('2026-11', now, created)).toBeNull();
    expect(releasablePeriod('2026-12', now, created)).toBeNull();
    expect(releasablePeriod('2026-02', now, created)).toBeNull();
    expect(releasablePeriod('2026-10', new Date('2026-11-01T00:00:00Z'), created)).not.toBeNull();
    expect(releasablePeriod('2026-10', new Date('2026-10-31T23:59:59Z'), created)).toBeNull();
  });
});
