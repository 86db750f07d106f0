import { Button, Stack, Text } from '@mantine/core';
import { FormattedMessage, useIntl } from 'react-intl';
import { ActionError } from '../../../ui/ActionError';
import { KeyWorkIndicator } from '../../../ui/KeyWorkIndicator';
import { PasswordField } from '../../../ui/PasswordField';
import { MIN_PASSWORD_LENGTH } from '../../signup/utils/validation';
import { useChangePassword, type PasswordFormField as Field } from '../hooks/useChangePassword';

/** Changes the password; the keys are derived again on this device (see useChangePassword). */
export function ChangePasswordForm({ onChanged }: { onChanged: () => void }) {
  const intl = useIntl();
  const { values, errors, busy, deriving, error, set, submit } = useChangePassword(onChanged);

  const errorOf = (field: Field) =>
    errors[field]
      ? intl.formatMessage({ id: errors[field] }, { min: MIN_PASSWORD_LENGTH })
      : undefined;

  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="change-password-form">
      <Stack gap="md" maw={440}>
        <Text size="sm">
          <FormattedMessage id="account.passwordIntro" />
        </Text>
        <PasswordField
          label={intl.formatMessage({ id: 'account.currentPassword' })}
          autoComplete="current-password"
          value={values.currentPassword}
          onChange={set('currentPassword')}
          error={errorOf('currentPassword')}
          required
        />
        <PasswordField
          label={intl.formatMessage({ id: 'account.newPassword' })}
          description={intl.formatMessage(
            { id: 'signup.passwordHint' },
            { min: MIN_PASSWORD_LENGTH },
          )}
          autoComplete="new-password"
          value={values.password}
          onChange={set('password')}
          error={errorOf('password')}
          required
        />
        <PasswordField
          label={intl.formatMessage({ id: 'signup.confirmPassword' })}
          autoComplete="new-password"
          value={values.confirmPassword}
          onChange={set('confirmPassword')}
          error={errorOf('confirmPassword')}
          required
        />
        {deriving && <KeyWorkIndicator message="account.deriving" />}
        <ActionError error={error} onRetry={() => void submit()} />
        <Button type="submit" loading={busy} style={{ alignSelf: 'flex-start' }}>
          <FormattedMessage id="account.changePassword" />
        </Button>
      </Stack>
    </form>
  );
}
