import { Button } from '@mantine/core';
import { FormattedMessage, useIntl } from 'react-intl';
import { DataTable, type Column } from '../../../ui/DataTable';
import { formatDateTime } from '../../../ui/format';
import { useBudgetNumbers } from '../hooks/useBudgetNumbers';
import { ReleaseStatusBadge } from './ReleaseStatusBadge';
import type { ReleaseView } from './types';

/** The group's releases, newest month first, each with a way to preview it. */
export function ReleasesTable({
  releases,
  previewedId,
  onPreview,
}: {
  releases: readonly ReleaseView[];
  previewedId: string | null;
  onPreview: (releaseId: string) => void;
}) {
  const intl = useIntl();
  const { month } = useBudgetNumbers();
  const columns: Column<ReleaseView>[] = [
    { key: 'period', header: 'metricsReleases.column.period', cell: (r) => month(r.period) },
    {
      key: 'status',
      header: 'metricsReleases.column.status',
      cell: (r) => <ReleaseStatusBadge status={r.status} />,
    },
    {
      key: 'computed',
      header: 'metricsReleases.column.computed',
      cell: (r) => formatDateTime(intl, r.computedAt),
    },
    {
      key: 'published',
      header: 'metricsReleases.column.published',
      cell: (r) => formatDateTime(intl, r.publishedAt),
    },
    {
      key: 'actions',
      header: 'table.actions',
      hiddenHeader: true,
      cell: (r) => (
        <Button
          size="xs"
          variant={r.id === previewedId ? 'filled' : 'default'}
          aria-pressed={r.id === previewedId}
          onClick={() => onPreview(r.id)}
        >
          <FormattedMessage id="metricsReleases.showPreview" />
        </Button>
      ),
    },
  ];
  return (
    <DataTable
      columns={columns}
      rows={releases}
      rowKey={(r) => r.id}
      rowTestId={(r) => `metrics-release-${r.period}`}
      rowAttributes={(r) => ({ 'data-status': r.status })}
      empty="metricsReleases.none"
      data-testid="metrics-releases"
    />
  );
}
