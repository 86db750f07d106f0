import { problemReportCsv, type RowProblem } from '@parallax/fingerprint';

/**
 * Saves the problem report through the browser's download, made on this
 * device. It holds row numbers, column names and problem codes only, never
 * a cell's value: it is meant to be mailed to whoever maintains the source
 * file, and the values are suspects' names and birth dates.
 */
export function downloadProblemReport(problems: readonly RowProblem[]): void {
  const url = URL.createObjectURL(new Blob([problemReportCsv(problems)], { type: 'text/csv' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'parallax-import-problems.csv';
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
