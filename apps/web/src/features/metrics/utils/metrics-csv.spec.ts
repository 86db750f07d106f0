import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { SAHEL, SYRIA } from '../metrics-test-fixtures';
import { METRICS_CSV_COLUMNS, METRICS_CSV_HXL, metricsCsv, metricsFileName } from './metrics-csv';

const parse = (text: string) => Papa.parse<string[]>(text.trim(), { newline: '\r\n' }).data;

describe('the metrics CSV export', () => {
  it('has the header row, then the HXL hashtag row, then one row per published cell', () => {
    const rows = parse(metricsCsv([SYRIA, SAHEL]));
    expect(rows[0]).toEqual(['month', 'working_group', 'metric', 'key', 'value', 'suppressed']);
    expect(rows[1]).toEqual([
      '#date+month',
      '#group+name',
      '#indicator+code',
      '#indicator+key',
      '#indicator+num',
      '#status+suppressed',
    ]);
    const cells = [SYRIA, SAHEL].flatMap((g) => g.releases).flatMap((r) => r.cells).length;
    expect(rows).toHaveLength(2 + cells);
    expect(rows[2]).toEqual(['2026-08', 'Syria group', 'cases_active', '', '1234', 'false']);
    expect(rows).toContainEqual([
      '2026-08',
      'Syria group',
      'overlaps_resolved',
      'dismissed',
      '',
      'true',
    ]);
  });

  it('writes HXL 1.1 hashtags: a lowercase tag and attributes, one per column', () => {
    expect(METRICS_CSV_HXL).toHaveLength(METRICS_CSV_COLUMNS.length);
    for (const tag of METRICS_CSV_HXL)
      expect(tag).toMatch(/^#[a-z][a-z0-9_]*(\+[a-z][a-z0-9_]*)*$/);
  });

  it('never leaves a suppressed cell as zero, and never lets a group name run as a formula', () => {
    const rows = parse(metricsCsv([{ ...SAHEL, workingGroupName: '=HYPERLINK("x")' }]));
    const suppressed = rows.slice(2).filter((row) => row[5] === 'true');
    expect(suppressed.length).toBe(3);
    for (const row of suppressed) expect(row[4]).toBe('');
    expect(rows[2]?.[1]).toBe(`'=HYPERLINK("x")`);
  });

  it('names the file by the day', () => {
    expect(metricsFileName(new Date(2026, 9, 5))).toBe('parallax-metrics-2026-10-05.csv');
  });
});
