import Papa from 'papaparse';
import { safeCell } from '../../audit/utils/audit-csv';
import type { GroupMetricsView } from '../types';

/**
 * Long format, one row per published cell: a spreadsheet or HDX pivots it
 * as it likes. The second row holds the HXL 1.1 hashtags of the columns
 * (https://hxlstandard.org), so humanitarian tools read the file unchanged.
 */
export const METRICS_CSV_COLUMNS = [
  'month',
  'working_group',
  'metric',
  'key',
  'value',
  'suppressed',
] as const;

export const METRICS_CSV_HXL = [
  '#date+month',
  '#group+name',
  '#indicator+code',
  '#indicator+key',
  '#indicator+num',
  '#status+suppressed',
] as const;

/** Every cell of every release, months ascending; a suppressed cell has an empty value, never 0. */
export function metricsCsv(groups: readonly GroupMetricsView[]): string {
  const rows: string[][] = [[...METRICS_CSV_HXL]];
  for (const group of groups) {
    const releases = [...group.releases].sort((a, b) => a.period.localeCompare(b.period));
    for (const release of releases) {
      for (const cell of release.cells) {
        const hidden = cell.suppressed || cell.value === null || cell.value === undefined;
        rows.push([
          release.period,
          // Group names are typed by people: never let a spreadsheet run one as a formula.
          safeCell(group.workingGroupName),
          cell.metric,
          cell.key ?? '',
          hidden ? '' : String(cell.value),
          hidden ? 'true' : 'false',
        ]);
      }
    }
  }
  return Papa.unparse({ fields: [...METRICS_CSV_COLUMNS], data: rows }, { newline: '\r\n' });
}

/** `parallax-metrics-<YYYY-MM-DD>.csv` (the local day of the download). */
export function metricsFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `parallax-metrics-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.csv`;
}

/** Hands the CSV to the browser as a download (UTF-8 with a BOM, for spreadsheets). */
export function downloadCsv(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled, or some browsers cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
