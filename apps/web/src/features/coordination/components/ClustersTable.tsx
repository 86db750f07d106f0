import { Text } from '@mantine/core';
import { useMemo } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { DataTable, type Column } from '../../../ui/DataTable';
import { StrengthBadge } from '../../overlaps/components/StrengthBadge';
import type { CoordinatorPicture } from './types';

type Cluster = CoordinatorPicture['clusters'][number];

/** One row per suspect tracked by several organisations. */
export function ClustersTable({
  clusters,
  orgName,
}: {
  clusters: readonly Cluster[];
  orgName: (organisationId: string) => string;
}) {
  const intl = useIntl();
  const columns = useMemo<Column<Cluster>[]>(
    () => [
      { key: 'cluster', header: 'dashboard.cluster', cell: (c) => intl.formatNumber(c.index) },
      {
        key: 'organisations',
        header: 'dashboard.organisations',
        cell: (c) => (
          <>
            <Text size="sm" fw={600}>
              {intl.formatNumber(c.organisationCount)}
            </Text>
            <Text size="sm">
              {intl.formatList(
                c.organisationIds.map((o) => orgName(o)),
                { type: 'unit' },
              )}
            </Text>
          </>
        ),
      },
      { key: 'cases', header: 'dashboard.cases', cell: (c) => intl.formatNumber(c.caseCount) },
      {
        key: 'strongest',
        header: 'dashboard.strongest',
        cell: (c) => <StrengthBadge strength={c.strongest} />,
      },
      {
        key: 'unresolved',
        header: 'dashboard.unresolved',
        cell: (c) => intl.formatNumber(c.unresolvedOverlaps),
      },
      {
        key: 'oldest',
        header: 'dashboard.oldest',
        cell: (c) =>
          c.unresolvedOverlaps > 0 ? (
            <FormattedMessage id="dashboard.days" values={{ count: c.oldestUnresolvedDays }} />
          ) : (
            '—'
          ),
      },
      {
        key: 'lead',
        header: 'dashboard.lead',
        cell: (c) =>
          c.leadStatus === 'none' ? <FormattedMessage id="dashboard.leadNone" /> : c.leadStatus,
      },
    ],
    [intl, orgName],
  );

  if (clusters.length === 0) {
    return (
      <Text data-testid="dashboard-no-clusters">
        <FormattedMessage id="dashboard.noClusters" />
      </Text>
    );
  }
  return (
    <DataTable
      columns={columns}
      rows={clusters}
      rowKey={(c) => String(c.index)}
      rowTestId={() => 'dashboard-cluster'}
      rowAttributes={(c) => ({ 'data-organisations': c.organisationCount })}
      minWidth={720}
    />
  );
}
