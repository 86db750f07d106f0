import { Badge, Title, Stack } from '@mantine/core';
import { useMemo } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { ClusterQuery } from '../../../gql/graphql';
import { DataTable, type Column } from '../../../ui/DataTable';
import { formatDateTime } from '../../../ui/format';
import { leadRoleLabel } from '../utils/cluster-labels';

type Party = ClusterQuery['cluster']['parties'][number];

/**
 * The organisations of the cluster as revealed to the viewer: each one's
 * role under the arrangement in force, and when it joined or left.
 */
export function PartiesList({ parties }: { parties: readonly Party[] }) {
  const intl = useIntl();
  const columns = useMemo<Column<Party>[]>(
    () => [
      {
        key: 'organisation',
        header: 'clusters.column.organisation',
        cell: (p) => <bdi>{p.organisationName}</bdi>,
      },
      {
        key: 'role',
        header: 'clusters.column.role',
        cell: (p) =>
          p.role ? leadRoleLabel(intl, p.role) : <FormattedMessage id="clusters.noRole" />,
      },
      {
        key: 'mayRefer',
        header: 'clusters.column.mayRefer',
        cell: (p) => (p.mayRefer ? <FormattedMessage id="clusters.yes" /> : '—'),
      },
      {
        key: 'joined',
        header: 'clusters.column.joined',
        cell: (p) => formatDateTime(intl, p.joinedAt),
      },
      {
        key: 'left',
        header: 'clusters.column.left',
        cell: (p) =>
          p.leftAt ? (
            <Badge color="gray" variant="light" tt="none">
              <FormattedMessage
                id="clusters.leftOn"
                values={{ date: formatDateTime(intl, p.leftAt) }}
              />
            </Badge>
          ) : (
            '—'
          ),
      },
    ],
    [intl],
  );
  return (
    <Stack gap="xs" component="section" aria-labelledby="cluster-parties-title">
      <Title order={2} size="h3" id="cluster-parties-title">
        <FormattedMessage id="clusters.partiesTitle" />
      </Title>
      <DataTable
        columns={columns}
        rows={parties}
        rowKey={(p) => p.organisationId}
        rowTestId={() => 'cluster-party'}
        rowAttributes={(p) => ({ 'data-left': p.leftAt ? 'true' : 'false' })}
        empty="clusters.noParties"
        minWidth={560}
        data-testid="cluster-parties"
      />
    </Stack>
  );
}
