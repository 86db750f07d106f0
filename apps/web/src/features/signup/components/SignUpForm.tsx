import { Button, Divider, Stack, Text, TextInput, Title } from '@mantine/core';
import { useRef } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { ActionError } from '../../../ui/ActionError';
import { CodeInput } from '../../../ui/CodeInput';
import { KeyWorkIndicator } from '../../../ui/KeyWorkIndicator';
import { PasswordField } from '../../../ui/PasswordField';
import { useFocusOnMount } from '../../../ui/useFocusOnMount';
import { useSignUp } from '../hooks/useSignUp';
import { MIN_PASSWORD_LENGTH, type SignUpField } from '../utils/validation';
import { TotpEnrolment } from './TotpEnrolment';

interface SignUpFormProps {
  token: string;
  /** The one-time value this browser gave startSignUp. */
  signUpAttempt: string;
  /** Set when the invitation is for one address: prefilled and locked. */
  invitedEmail: string | null;
  totpSecret: string;
  otpauthUri: string;
  /** Called once the account exists, before the session is refreshed. */
  onCompleted: () => void;
}

/**
 * Account details, authenticator enrolment and the code that proves it
 * worked (the keys are made on this device: see useSignUp).
 */
export function SignUpForm({
  token,
  signUpAttempt,
  invitedEmail,
  totpSecret,
  otpauthUri,
  onCompleted,
}: SignUpFormProps) {
  const intl = useIntl();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const form = useRef<HTMLFormElement>(null);
  const { values, errors, phase, keysFailed, set, submit, otherError } = useSignUp({
    token,
    signUpAttempt,
    invitedEmail,
    onCompleted,
    form,
  });

  const errorOf = (field: SignUpField) =>
    errors[field]
      ? intl.formatMessage({ id: errors[field] }, { min: MIN_PASSWORD_LENGTH })
      : undefined;
  const field = (name: SignUpField) => ({
    name,
    value: values[name],
    error: errorOf(name),
    disabled: phase !== 'editing',
  });

  return (
    <form ref={form} onSubmit={(event) => void submit(event)} noValidate data-testid="sign-up-form">
      <Stack gap="md">
        <Title order={2} size="h3" ref={heading} tabIndex={-1}>
          <FormattedMessage id="signup.formTitle" />
        </Title>
        <TextInput
          {...field('email')}
          label={intl.formatMessage({ id: 'auth.email' })}
          description={invitedEmail ? intl.formatMessage({ id: 'signup.emailLocked' }) : undefined}
          type="email"
          autoComplete="username"
          dir="ltr"
          readOnly={invitedEmail !== null}
          onChange={(event) => set('email')(event.currentTarget.value)}
          required
        />
        <TextInput
          {...field('displayName')}
          label={intl.formatMessage({ id: 'signup.displayName' })}
          description={intl.formatMessage({ id: 'signup.displayNameHint' })}
          autoComplete="name"
          onChange={(event) => set('displayName')(event.currentTarget.value)}
          required
        />
        <PasswordField
          {...field('password')}
          label={intl.formatMessage({ id: 'auth.password' })}
          description={intl.formatMessage(
            { id: 'signup.passwordHint' },
            { min: MIN_PASSWORD_LENGTH },
          )}
          autoComplete="new-password"
          onChange={(event) => set('password')(event.currentTarget.value)}
          required
        />
        <PasswordField
          {...field('confirmPassword')}
          label={intl.formatMessage({ id: 'signup.confirmPassword' })}
          autoComplete="new-password"
          onChange={(event) => set('confirmPassword')(event.currentTarget.value)}
          required
        />
        <Divider />
        <Title order={3} size="h4">
          <FormattedMessage id="signup.totpTitle" />
        </Title>
        <TotpEnrolment secret={totpSecret} uri={otpauthUri} />
        <CodeInput {...field('totpCode')} onChange={set('totpCode')} />
        {keysFailed && (
          <Text c="red.9" size="sm" role="alert">
            <FormattedMessage id="signup.keysFailed" />
          </Text>
        )}
        <ActionError error={otherError} onRetry={() => void submit()} />
        {phase === 'generating' && <KeyWorkIndicator message="signup.generating" />}
        <Button type="submit" loading={phase !== 'editing'} data-testid="sign-up-submit">
          <FormattedMessage id="signup.submit" />
        </Button>
      </Stack>
    </form>
  );
}
