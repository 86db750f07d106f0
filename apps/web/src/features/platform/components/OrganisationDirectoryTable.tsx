import { Badge } from '@mantine/core';
import { useIntl } from 'react-intl';
import type { OrganisationDirectoryQuery } from '../../../gql/graphql';
import { DataTable, type Column } from '../../../ui/DataTable';
import { formatDateTime } from '../../../ui/format';

type Organisation = OrganisationDirectoryQuery['organisations'][number];

/** Every organisation of the instance, with its kind. */
export function OrganisationDirectoryTable({
  organisations,
}: {
  organisations: readonly Organisation[];
}) {
  const intl = useIntl();
  const columns: Column<Organisation>[] = [
    {
      key: 'name',
      header: 'platform.organisationName',
      cell: (organisation) => <bdi>{organisation.name}</bdi>,
    },
    {
      key: 'kind',
      header: 'platform.organisationKind',
      cell: (organisation) => (
        <Badge variant="light" tt="none">
          {intl.formatMessage({ id: `kind.${organisation.kind}` })}
        </Badge>
      ),
    },
    {
      key: 'createdAt',
      header: 'platform.createdAt',
      cell: (organisation) => formatDateTime(intl, organisation.createdAt),
    },
  ];
  return (
    <DataTable
      columns={columns}
      rows={organisations}
      rowKey={(organisation) => organisation.id}
      minWidth={480}
      striped={false}
      data-testid="organisation-directory"
    />
  );
}
