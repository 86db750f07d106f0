import { useIntl } from 'react-intl';
import { DataTable, type Column } from '../../../ui/DataTable';
import { SUPPRESSED_MARK, useMetricsFormat } from '../../metrics/utils/format';
import { cellKeyLabel, metricLabel } from '../utils/cell-labels';
import type { ReleaseView } from './types';

type Cell = ReleaseView['cells'][number];

/**
 * Every cell of a release as published (what the donors' CSV export holds):
 * noisy, rounded numbers, "—" where a cell is suppressed. The reason is never
 * shown: primary and complementary suppressions look the same to a reader.
 */
export function ReleaseCellsTable({ cells }: { cells: readonly Cell[] }) {
  const intl = useIntl();
  const format = useMetricsFormat();
  const columns: Column<Cell>[] = [
    {
      key: 'metric',
      header: 'metricsReleases.column.metric',
      cell: (c) => metricLabel(intl, c.metric),
    },
    {
      key: 'key',
      header: 'metricsReleases.column.key',
      cell: (c) => cellKeyLabel(intl, c.metric, c.key ?? null),
    },
    {
      key: 'value',
      header: 'metricsReleases.column.value',
      numeric: true,
      cell: (c) =>
        c.suppressed ? (
          <span title={intl.formatMessage({ id: 'metrics.suppressedTitle' })}>
            {SUPPRESSED_MARK}
          </span>
        ) : (
          format.count(c.value)
        ),
    },
  ];
  return (
    <DataTable
      columns={columns}
      rows={cells}
      rowKey={(c) => `${c.metric}:${c.key ?? ''}`}
      rowTestId={() => 'metrics-preview-cell'}
      rowAttributes={(c) => ({ 'data-suppressed': String(c.suppressed) })}
      data-testid="metrics-preview-cells"
    />
  );
}
