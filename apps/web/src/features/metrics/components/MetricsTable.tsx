import { useMemo, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { DataTable, type Column } from '../../../ui/DataTable';
import type { ChartRow, SeriesDef } from '../utils/cells';
import { SUPPRESSED_MARK, useMetricsFormat } from '../utils/format';

/** A chart's numbers as a table (the same rows), for screen readers and for checking. */
export function MetricsTable({
  rows,
  series,
  caption,
}: {
  rows: readonly ChartRow[];
  series: readonly SeriesDef[];
  caption?: ReactNode;
}) {
  const intl = useIntl();
  const format = useMetricsFormat();
  const columns = useMemo<Column<ChartRow>[]>(
    () => [
      { key: 'month', header: 'metrics.table.month', cell: (row) => format.month(row.period) },
      ...series.map((s): Column<ChartRow> => ({
        key: s.id,
        header: s.label,
        numeric: true,
        cell: (row) => {
          const value = row[s.id];
          return typeof value === 'number' ? (
            format.count(value)
          ) : (
            <span title={intl.formatMessage({ id: 'metrics.suppressedTitle' })}>
              {SUPPRESSED_MARK}
            </span>
          );
        },
      })),
    ],
    [format, intl, series],
  );
  return (
    <DataTable
      columns={columns}
      rows={rows}
      rowKey={(row) => row.period}
      rowTestId={() => 'metrics-table-row'}
      caption={caption}
      minWidth={360}
      data-testid="metrics-table"
    />
  );
}
