import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useCallback, useMemo, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { useQuery } from 'urql';
import { OrganisationUsersDocument } from '../../../gql/graphql';
import { useRetryOnReconnect } from '../../../graphql/network-status';
import { DataTable, type Column } from '../../../ui/DataTable';
import { OneTimeLink } from '../../../ui/OneTimeLink';
import { QueryStatus } from '../../../ui/QueryStatus';
import type { OrganisationUser } from '../hooks/useUserPermissions';
import { UserActionsCell } from './UserActionsCell';
import { UserRoleCell } from './UserRoleCell';

/** The organisation's users: roles, password resets and disabling, as the policy allows. */
export function UsersSection({ organisationId }: { organisationId: string }) {
  const [users, reexecute] = useQuery({
    query: OrganisationUsersDocument,
    variables: { organisationId },
  });
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  useRetryOnReconnect(refresh);
  const [resetLink, setResetLink] = useState<string | null>(null);
  const columns = useMemo<Column<OrganisationUser>[]>(
    () => [
      {
        key: 'name',
        header: 'organisation.userName',
        cell: (user) => (
          <Group gap="xs">
            <Text size="sm" dir="auto">
              {user.displayName}
            </Text>
            {user.disabled && (
              <Badge color="gray" variant="light" tt="none">
                <FormattedMessage id="organisation.disabled" />
              </Badge>
            )}
          </Group>
        ),
      },
      {
        key: 'email',
        header: 'auth.email',
        cell: (user) => (
          <Text size="sm">
            <bdi dir="ltr">{user.email}</bdi>
          </Text>
        ),
      },
      {
        key: 'role',
        header: 'organisation.role',
        cell: (user) => <UserRoleCell user={user} onChanged={refresh} />,
      },
      {
        key: 'actions',
        header: 'table.actions',
        cell: (user) => (
          <UserActionsCell user={user} onResetLink={setResetLink} onChanged={refresh} />
        ),
      },
    ],
    [refresh],
  );

  return (
    <Stack gap="sm" data-testid="organisation-users">
      <Title order={2} size="h3">
        <FormattedMessage id="organisation.usersTitle" />
      </Title>
      {resetLink && <OneTimeLink path={resetLink} onDismiss={() => setResetLink(null)} />}
      <QueryStatus {...users} onRetry={refresh}>
        {({ users: list }) => (
          <DataTable
            columns={columns}
            rows={list}
            rowKey={(user) => user.id}
            rowTestId={() => 'organisation-user'}
            minWidth={640}
            striped={false}
          />
        )}
      </QueryStatus>
    </Stack>
  );
}
