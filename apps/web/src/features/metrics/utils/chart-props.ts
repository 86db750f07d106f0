import type { ChartRow, SeriesDef } from './cells';

/**
 * Time reads from the start of the line: in a right-to-left document the
 * first month is on the right and the value axis sits on the right too.
 */
export function chartAxisProps(direction: 'ltr' | 'rtl'): {
  xAxisProps: { reversed?: boolean };
  yAxisProps: { orientation?: 'left' | 'right' };
} {
  return direction === 'rtl'
    ? { xAxisProps: { reversed: true }, yAxisProps: { orientation: 'right' } }
    : { xAxisProps: {}, yAxisProps: {} };
}

export interface ChartPropsInput {
  kind: 'line' | 'bar';
  rows: readonly ChartRow[];
  series: readonly SeriesDef[];
  direction: 'ltr' | 'rtl';
  height: number;
  /** Translated series names. */
  label: (series: SeriesDef) => string;
  month: (period: string) => string;
  number: (value: number) => string;
}

/**
 * What the chart component is given, built apart from it so the data, the
 * gaps and the direction are checked without drawing an SVG.
 */
export function chartProps({
  kind,
  rows,
  series,
  direction,
  height,
  label,
  month,
  number,
}: ChartPropsInput) {
  return {
    h: height,
    // A suppressed value stays null: a gap (connectNulls off), never a zero.
    data: rows.map((row): ChartRow => ({ ...row, month: month(row.period) })),
    dataKey: 'month',
    series: series.map((s) => ({
      name: s.id,
      label: label(s),
      color: s.color,
      // Dashes tell the lines apart without colour.
      ...(kind === 'line' && s.dashed ? { strokeDasharray: '6 4' } : {}),
    })),
    withLegend: true,
    legendProps: { verticalAlign: 'bottom' as const },
    valueFormatter: number,
    ...chartAxisProps(direction),
  };
}
