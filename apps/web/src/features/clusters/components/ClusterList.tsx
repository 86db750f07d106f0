import { ARRANGEMENT_STATUSES } from '@parallax/domain';
import { Anchor, Badge, NativeSelect, Text } from '@mantine/core';
import { useMemo } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import type { MyClustersQuery } from '../../../gql/graphql';
import { DataTable, type Column } from '../../../ui/DataTable';
import { formatDateTime } from '../../../ui/format';
import { arrangementStatusLabel, leadNames } from '../utils/cluster-labels';

export type ClusterRow = MyClustersQuery['myClusters']['nodes'][number];

/** The arrangement status filter of the clusters list ("all" is empty). */
export function ClusterStatusFilter({
  status,
  onChange,
}: {
  status: string | null;
  onChange: (status: string | null) => void;
}) {
  const intl = useIntl();
  return (
    <NativeSelect
      label={intl.formatMessage({ id: 'clusters.filterStatus' })}
      value={status ?? ''}
      onChange={(event) => onChange(event.currentTarget.value || null)}
      data={[
        { value: '', label: intl.formatMessage({ id: 'clusters.filterAll' }) },
        ...ARRANGEMENT_STATUSES.map((s) => ({ value: s, label: arrangementStatusLabel(intl, s) })),
      ]}
      maw={320}
      data-testid="clusters-filter-status"
    />
  );
}

/** Active parties first by name; a party that left is shown as such, never hidden. */
function PartyNames({ row }: { row: ClusterRow }) {
  const intl = useIntl();
  const names = row.parties.map((p) =>
    p.leftAt
      ? intl.formatMessage({ id: 'clusters.partyLeftShort' }, { name: p.organisationName })
      : p.organisationName,
  );
  return <bdi>{intl.formatList(names, { type: 'conjunction' })}</bdi>;
}

/** My organisation's clusters: who is in them, who leads, the arrangement's state, unread messages. */
export function ClusterList({
  clusters,
  filtered,
}: {
  clusters: readonly ClusterRow[];
  filtered: boolean;
}) {
  const intl = useIntl();
  const columns = useMemo<Column<ClusterRow>[]>(
    () => [
      {
        key: 'cluster',
        header: 'clusters.column.cluster',
        cell: (c) => (
          <Anchor component={Link} to={`/clusters/${c.id}`} data-testid="cluster-link">
            <FormattedMessage
              id="clusters.clusterName"
              values={{
                group: <bdi>{c.workingGroupName}</bdi>,
                date: formatDateTime(intl, c.createdAt),
              }}
            />
          </Anchor>
        ),
      },
      { key: 'parties', header: 'clusters.column.parties', cell: (c) => <PartyNames row={c} /> },
      {
        key: 'lead',
        header: 'clusters.column.lead',
        cell: (c) => {
          const names = leadNames(c.parties, c.arrangement.inForce);
          return names.length > 0 ? <bdi>{intl.formatList(names)}</bdi> : '—';
        },
      },
      {
        key: 'status',
        header: 'clusters.column.status',
        cell: (c) => <Text size="sm">{arrangementStatusLabel(intl, c.arrangement.status)}</Text>,
      },
      {
        key: 'unread',
        header: 'clusters.column.unread',
        numeric: true,
        cell: (c) =>
          c.unreadMessages > 0 ? (
            <Badge color="blue" variant="filled" tt="none" data-testid="cluster-unread">
              <FormattedMessage id="clusters.unreadCount" values={{ count: c.unreadMessages }} />
            </Badge>
          ) : (
            intl.formatNumber(0)
          ),
      },
    ],
    [intl],
  );
  return (
    <DataTable
      columns={columns}
      rows={clusters}
      rowKey={(c) => c.id}
      rowTestId={() => 'cluster-row'}
      rowAttributes={(c) => ({ 'data-cluster-id': c.id, 'data-status': c.arrangement.status })}
      empty={filtered ? 'clusters.noneMatching' : 'clusters.none'}
      data-testid="clusters-table"
      minWidth={720}
    />
  );
}
