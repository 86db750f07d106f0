import { useMemo } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { DataTable, type Column } from '../../../ui/DataTable';
import { leadRoleLabel } from '../../clusters/utils/cluster-labels';
import type { EscalatedCluster } from '../utils/escalation-view';

type Party = EscalatedCluster['parties'][number];

/** The parties still in an escalated cluster and the role each holds under the roles in force. */
export function EscalationParties({
  parties,
  caption,
}: {
  parties: readonly Party[];
  caption: string;
}) {
  const intl = useIntl();
  const columns = useMemo<Column<Party>[]>(
    () => [
      {
        key: 'organisation',
        header: 'escalations.columnOrganisation',
        cell: (p) => <bdi>{p.organisationName}</bdi>,
      },
      {
        key: 'role',
        header: 'escalations.columnRole',
        cell: (p) =>
          p.role ? leadRoleLabel(intl, p.role) : <FormattedMessage id="escalations.noRole" />,
      },
    ],
    [intl],
  );
  return (
    <DataTable
      columns={columns}
      rows={parties.filter((p) => !p.leftAt)}
      rowKey={(p) => p.organisationId}
      caption={caption}
      minWidth={320}
      striped={false}
      data-testid="escalation-parties"
    />
  );
}
