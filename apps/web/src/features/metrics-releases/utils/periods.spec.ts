import { describe, expect, it } from 'vitest';
import { completePastMonths, periodYear } from './periods';

describe('the months a release can be computed for', () => {
  it('starts with the last complete month (UTC), never the current one', () => {
    expect(completePastMonths(new Date('2026-11-30T23:59:59Z'), 3)).toEqual([
      '2026-10',
      '2026-09',
      '2026-08',
    ]);
  });

  it('crosses into the previous year in January', () => {
    expect(completePastMonths(new Date('2027-01-01T00:00:00Z'), 2)).toEqual(['2026-12', '2026-11']);
    expect(periodYear('2026-12')).toBe(2026);
  });

  it('offers two years by default', () => {
    expect(completePastMonths(new Date('2026-11-15T00:00:00Z'))).toHaveLength(24);
  });
});
