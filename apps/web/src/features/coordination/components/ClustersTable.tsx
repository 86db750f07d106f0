import { Anchor, Text } from '@mantine/core';
import { useMemo } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { DataTable, type Column } from '../../../ui/DataTable';
import { StrengthBadge } from '../../overlaps/components/StrengthBadge';
import { leadStatusLabel } from '../utils/cluster-filter';
import type { CoordinatorPicture } from './types';

type Cluster = CoordinatorPicture['clusters'][number];

/**
 * One row per suspect tracked by several organisations. A cluster whose
 * parties have been revealed to each other has a page (its arrangement and
 * referrals); its number links there.
 */
export function ClustersTable({
  clusters,
  orgName,
  empty = 'dashboard.noClusters',
}: {
  clusters: readonly Cluster[];
  orgName: (organisationId: string) => string;
  /** What to say when no row is left (none at all, or none under the filter). */
  empty?: 'dashboard.noClusters' | 'dashboard.noClustersFiltered';
}) {
  const intl = useIntl();
  const columns = useMemo<Column<Cluster>[]>(
    () => [
      {
        key: 'cluster',
        header: 'dashboard.cluster',
        cell: (c) =>
          c.clusterId ? (
            <Anchor
              component={Link}
              to={`/clusters/${c.clusterId}`}
              aria-label={intl.formatMessage({ id: 'dashboard.openCluster' }, { index: c.index })}
              data-testid="dashboard-cluster-link"
            >
              {intl.formatNumber(c.index)}
            </Anchor>
          ) : (
            intl.formatNumber(c.index)
          ),
      },
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
        cell: (c) => <FormattedMessage id={leadStatusLabel(c.leadStatus)} />,
      },
      {
        key: 'referrals',
        header: 'dashboard.referrals',
        cell: (c) => intl.formatNumber(c.referrals),
      },
    ],
    [intl, orgName],
  );

  if (clusters.length === 0) {
    return (
      <Text data-testid="dashboard-no-clusters">
        <FormattedMessage id={empty} />
      </Text>
    );
  }
  return (
    <DataTable
      columns={columns}
      rows={clusters}
      rowKey={(c) => String(c.index)}
      rowTestId={() => 'dashboard-cluster'}
      rowAttributes={(c) => ({
        'data-organisations': c.organisationCount,
        'data-lead': c.leadStatus,
      })}
      minWidth={720}
    />
  );
}
