import { Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { ChangeUserRoleDocument, type UserRole } from '../../../gql/graphql';
import { useAction } from '../../../graphql/use-action';
import { ActionError } from '../../../ui/ActionError';
import { ConfirmButton } from '../../../ui/ConfirmButton';
import { useUserPermissions, type OrganisationUser } from '../hooks/useUserPermissions';
import { isUserRole, USER_ROLES } from '../utils/roles';

/** A user's role: a select and a confirmed save for those who may change it. */
export function UserRoleCell({
  user,
  onChanged,
}: {
  user: OrganisationUser;
  onChanged: () => void;
}) {
  const intl = useIntl();
  const { mayUpdate } = useUserPermissions(user);
  const [role, setRole] = useState<UserRole>(user.role ?? 'viewer');
  const changeRole = useAction(ChangeUserRoleDocument);

  if (!mayUpdate) {
    return (
      <Text size="sm">{user.role ? intl.formatMessage({ id: `role.${user.role}` }) : '—'}</Text>
    );
  }
  return (
    <Stack gap={4} align="flex-start">
      <Group gap="xs" wrap="nowrap">
        <NativeSelect
          size="xs"
          aria-label={intl.formatMessage({ id: 'organisation.roleOf' }, { name: user.displayName })}
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
                values={{
                  name: <bdi>{user.displayName}</bdi>,
                  role: intl.formatMessage({ id: `role.${role}` }),
                }}
              />
            }
            onConfirm={() => void changeRole.run({ userId: user.id, role }).then(onChanged)}
            loading={changeRole.fetching}
          >
            <FormattedMessage id="action.save" />
          </ConfirmButton>
        )}
      </Group>
      <ActionError error={changeRole.error} onRetry={changeRole.retry} />
      {changeRole.error && (
        <Button size="xs" variant="subtle" onClick={() => setRole(user.role ?? 'viewer')}>
          <FormattedMessage id="action.cancel" />
        </Button>
      )}
    </Stack>
  );
}
