import { List, Text } from '@mantine/core';
import { FormattedMessage, useIntl } from 'react-intl';
import { leadRoleLabel } from '../../utils/cluster-labels';
import { partyName, type ClusterView, type PartyRoleView } from '../../utils/cluster-view';

/** Roles by organisation name: "Justice Archive — Lead (may refer)". */
export function RoleList({
  cluster,
  roles,
  testId,
}: {
  cluster: Pick<ClusterView, 'parties'>;
  roles: readonly PartyRoleView[];
  testId?: string;
}) {
  const intl = useIntl();
  return (
    <List size="sm" spacing={2} data-testid={testId}>
      {roles.map((r) => (
        <List.Item key={r.organisationId}>
          <FormattedMessage
            id="arrangement.roleLine"
            values={{
              organisation:
                partyName(cluster, r.organisationId) ??
                intl.formatMessage({ id: 'arrangement.unknownOrganisation' }),
              role: leadRoleLabel(intl, r.role),
            }}
          />
          {r.mayRefer && r.role !== 'lead' && r.role !== 'co_lead' && (
            <Text span size="sm" c="dimmed">
              {' '}
              <FormattedMessage id="arrangement.mayReferNote" />
            </Text>
          )}
        </List.Item>
      ))}
    </List>
  );
}
