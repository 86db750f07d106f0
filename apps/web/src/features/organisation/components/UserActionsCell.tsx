import { Group, Stack, Text } from '@mantine/core';
import { FormattedMessage, useIntl } from 'react-intl';
import { CreatePasswordResetDocument, DisableUserDocument } from '../../../gql/graphql';
import { useAction } from '../../../graphql/use-action';
import { ActionError } from '../../../ui/ActionError';
import { ConfirmButton } from '../../../ui/ConfirmButton';
import { useUserPermissions, type OrganisationUser } from '../hooks/useUserPermissions';

/** A password-reset link and disabling, each confirmed first. */
export function UserActionsCell({
  user,
  onResetLink,
  onChanged,
}: {
  user: OrganisationUser;
  onResetLink: (path: string) => void;
  onChanged: () => void;
}) {
  const intl = useIntl();
  const { mayUpdate, mayDisable } = useUserPermissions(user);
  const disable = useAction(DisableUserDocument);
  const reset = useAction(CreatePasswordResetDocument);
  const name = <bdi>{user.displayName}</bdi>;

  const createReset = async () => {
    const result = await reset.run({ userId: user.id });
    if (result.data) onResetLink(result.data.createPasswordReset.path);
  };

  return (
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
      <ActionError error={disable.error} onRetry={disable.retry} />
      <ActionError error={reset.error} onRetry={() => void createReset()} />
    </Stack>
  );
}
