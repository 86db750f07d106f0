import { describe, expect, it } from 'vitest';
import { SYRIA } from '../metrics-test-fixtures';
import { ACTIVITY_SERIES, chartRows } from './cells';
import { chartProps } from './chart-props';

const input = (direction: 'ltr' | 'rtl') => ({
  kind: 'line' as const,
  rows: chartRows(SYRIA.releases, ACTIVITY_SERIES),
  series: ACTIVITY_SERIES,
  direction,
  height: 200,
  label: (s: { id: string }) => s.id,
  month: (period: string) => `m${period}`,
  number: String,
});

describe('the chart props', () => {
  it('reverse the time axis and put the value axis on the right in RTL', () => {
    const rtl = chartProps(input('rtl'));
    expect(rtl.xAxisProps).toEqual({ reversed: true });
    expect(rtl.yAxisProps).toEqual({ orientation: 'right' });
    const ltr = chartProps(input('ltr'));
    expect(ltr.xAxisProps.reversed).toBeUndefined();
    expect(ltr.yAxisProps.orientation).toBeUndefined();
  });

  it('keep a suppressed value as a gap (null), never zero, months ascending', () => {
    const { data } = chartProps(input('ltr'));
    expect(data.map((row) => [row.month, row['cases_active'], row['overlaps_detected']])).toEqual([
      ['m2026-08', 1234, 40],
      ['m2026-09', 1250, null],
    ]);
  });

  it('tell the lines apart by dashes as well as colour', () => {
    const { series } = chartProps(input('ltr'));
    expect(series.map((s) => 'strokeDasharray' in s)).toEqual([false, true]);
  });
});
