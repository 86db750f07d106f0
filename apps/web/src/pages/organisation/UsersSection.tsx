import { Badge, Button, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useCallback, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from 'urql';
import { usePermissions } from '../../auth/permissions';
import { useViewer } from '../../auth/session';
import {
  ChangeUserRoleDocument,
  CreatePasswordResetDocument,
  DisableUserDocument,
  OrganisationUsersDocument,
  type OrganisationUsersQuery,
  type UserRole,
} from '../../gql/graphql';
import { useRetryOnReconnect } from '../../graphql/network-status';
import { useAction } from '../../graphql/use-action';
import { ActionError } from '../../ui/ActionError';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { OneTimeLink } from '../../ui/OneTimeLink';
import { QueryStatus } from '../../ui/QueryStatus';
import { isUserRole, USER_ROLES } from './roles';

type User = OrganisationUsersQuery['users'][number];

export function UsersSection({ organisationId }: { organisationId: string }) {
  const [users, reexecute] = useQuery({
    query: OrganisationUsersDocument,
    variables: { organisationId },
  });
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  useRetryOnReconnect(refresh);
  const [resetLink, setResetLink] = useState<string | null>(null);

  return (
    <Stack gap="sm" data-testid="organisation-users">
      <Title order={2} size="h3">
        <FormattedMessage id="organisation.usersTitle" />
      </Title>
      {resetLink && <OneTimeLink path={resetLink} onDismiss={() => setResetLink(null)} />}
      <QueryStatus {...users} onRetry={refresh}>
        {({ users: list }) => (
          <Table.ScrollContainer minWidth={640}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>
                    <FormattedMessage id="organisation.userName" />
                  </Table.Th>
                  <Table.Th>
                    <FormattedMessage id="auth.email" />
                  </Table.Th>
                  <Table.Th>
                    <FormattedMessage id="organisation.role" />
                  </Table.Th>
                  <Table.Th>
                    <FormattedMessage id="table.actions" />
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((user) => (
                  <UserRow
                    key={user.id}
                    user={user}
                    onResetLink={setResetLink}
                    onChanged={refresh}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryStatus>
    </Stack>
  );
}

function UserRow({
  user,
  onResetLink,
  onChanged,
}: {
  user: User;
  onResetLink: (path: string) => void;
  onChanged: () => void;
}) {
  const intl = useIntl();
  const viewer = useViewer();
  const can = usePermissions();
  const record = { id: user.id, organisationId: user.organisationId, role: user.role };
  const self = user.id === viewer.user.id;
  const mayUpdate = !self && !user.disabled && can({ action: 'update', subject: 'User', record });
  const mayDisable = !self && !user.disabled && can({ action: 'disable', subject: 'User', record });
  const [role, setRole] = useState<UserRole>(user.role ?? 'viewer');
  const changeRole = useAction(ChangeUserRoleDocument);
  const disable = useAction(DisableUserDocument);
  const reset = useAction(CreatePasswordResetDocument);
  const name = <bdi>{user.displayName}</bdi>;

  const createReset = async () => {
    const result = await reset.run({ userId: user.id });
    if (result.data) onResetLink(result.data.createPasswordReset.path);
  };

  return (
    <Table.Tr data-testid="organisation-user">
      <Table.Td>
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
      </Table.Td>
      <Table.Td>
        <Text size="sm">
          <bdi dir="ltr">{user.email}</bdi>
        </Text>
      </Table.Td>
      <Table.Td>
        {mayUpdate ? (
          <Group gap="xs" wrap="nowrap">
            <NativeSelect
              size="xs"
              aria-label={intl.formatMessage(
                { id: 'organisation.roleOf' },
                { name: user.displayName },
              )}
              value={role}
              onChange={(event) => {
                const value = event.currentTarget.value;
                if (isUserRole(value)) setRole(value);
              }}
              data={USER_ROLES.map((value) => ({
                value,
                label: intl.formatMessage({ id: `role.${value}` }),
              }))}
            />
            {role !== user.role && (
              <ConfirmButton
                color="blue"
                title={intl.formatMessage({ id: 'organisation.changeRoleTitle' })}
                body={
                  <FormattedMessage
                    id="organisation.changeRoleBody"
                    values={{ name, role: intl.formatMessage({ id: `role.${role}` }) }}
                  />
                }
                onConfirm={() => void changeRole.run({ userId: user.id, role }).then(onChanged)}
                loading={changeRole.fetching}
              >
                <FormattedMessage id="action.save" />
              </ConfirmButton>
            )}
          </Group>
        ) : (
          <Text size="sm">{user.role ? intl.formatMessage({ id: `role.${user.role}` }) : '—'}</Text>
        )}
      </Table.Td>
      <Table.Td>
        <Stack gap={4} align="flex-start">
          <Group gap="xs">
            {mayUpdate && (
              <ConfirmButton
                color="blue"
                title={intl.formatMessage({ id: 'organisation.resetTitle' })}
                body={<FormattedMessage id="organisation.resetBody" values={{ name }} />}
                confirmLabel="organisation.resetConfirm"
                onConfirm={() => void createReset()}
                loading={reset.fetching}
              >
                <FormattedMessage id="organisation.reset" />
              </ConfirmButton>
            )}
            {mayDisable && (
              <ConfirmButton
                title={intl.formatMessage({ id: 'organisation.disableTitle' })}
                body={<FormattedMessage id="organisation.disableBody" values={{ name }} />}
                onConfirm={() => void disable.run({ userId: user.id }).then(onChanged)}
                loading={disable.fetching}
              >
                <FormattedMessage id="organisation.disable" />
              </ConfirmButton>
            )}
            {!mayUpdate && !mayDisable && <Text size="sm">—</Text>}
          </Group>
          <ActionError error={changeRole.error} onRetry={changeRole.retry} />
          <ActionError error={disable.error} onRetry={disable.retry} />
          <ActionError error={reset.error} onRetry={() => void createReset()} />
          {changeRole.error && (
            <Button size="xs" variant="subtle" onClick={() => setRole(user.role ?? 'viewer')}>
              <FormattedMessage id="action.cancel" />
            </Button>
          )}
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}
