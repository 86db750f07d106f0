import { Button, Divider, Stack, Text, TextInput, Title } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useNavigate } from 'react-router';
import { useSession } from '../../auth/hooks/session';
import { bytesToBase64 } from '../../../crypto/base64';
import type { NewAccountKeys } from '../../../crypto/kdf-protocol';
import { useKeyDerivation } from '../../../crypto/key-derivation';
import { useKeyStore } from '../../../crypto/key-store';
import { CompleteSignUpDocument } from '../../../gql/graphql';
import { errorField } from '../../../graphql/errors';
import { useAction } from '../../../graphql/use-action';
import { PasswordField } from '../../../ui/PasswordField';
import { ActionError } from '../../../ui/ActionError';
import { CodeInput } from '../../../ui/CodeInput';
import { KeyWorkIndicator } from '../../../ui/KeyWorkIndicator';
import { useFocusOnMount } from '../../../ui/useFocusOnMount';
import { TotpEnrolment } from './TotpEnrolment';
import {
  MIN_PASSWORD_LENGTH,
  SIGN_UP_FIELDS,
  validateSignUp,
  type SignUpErrors,
  type SignUpField,
  type SignUpValues,
} from '../utils/validation';

export interface SignUpFormProps {
  token: string;
  /** Set when the invitation is for one address: prefilled and locked. */
  invitedEmail: string | null;
  totpSecret: string;
  otpauthUri: string;
  /** Called once the account exists, before the session is refreshed. */
  onCompleted: () => void;
}

type Phase = 'editing' | 'generating' | 'sending';

/**
 * Account details, authenticator enrolment and the code that proves it
 * worked. On submit, a worker makes the key pair and derives the keys from
 * the password (about a second); the server receives only the login key, the
 * public key and the private key sealed under a key it never sees.
 */
export function SignUpForm({
  token,
  invitedEmail,
  totpSecret,
  otpauthUri,
  onCompleted,
}: SignUpFormProps) {
  const intl = useIntl();
  const navigate = useNavigate();
  const kdf = useKeyDerivation();
  const keyStore = useKeyStore();
  const session = useSession();
  const complete = useAction(CompleteSignUpDocument);
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<SignUpValues>({
    email: invitedEmail ?? '',
    displayName: '',
    password: '',
    confirmPassword: '',
    totpCode: '',
  });
  const [errors, setErrors] = useState<SignUpErrors>({});
  const [phase, setPhase] = useState<Phase>('editing');
  const [keysFailed, setKeysFailed] = useState(false);
  // Keys made for this password survive a rejected code or a dropped
  // connection, so trying again does not repeat the slow derivation.
  const made = useRef<{ password: string; keys: NewAccountKeys } | null>(null);

  const set = (field: SignUpField) => (value: string) =>
    setValues((previous) => ({ ...previous, [field]: value }));

  const focusField = (field: SignUpField) =>
    form.current?.querySelector<HTMLInputElement>(`[name="${field}"]`)?.focus();

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (phase !== 'editing') return;
    const found = validateSignUp(values);
    setErrors(found);
    const firstInvalid = SIGN_UP_FIELDS.find((field) => found[field]);
    if (firstInvalid) {
      focusField(firstInvalid);
      return;
    }
    setKeysFailed(false);
    if (made.current?.password !== values.password) {
      setPhase('generating');
      try {
        made.current = {
          password: values.password,
          keys: await kdf.createAccount(values.password),
        };
      } catch {
        setPhase('editing');
        setKeysFailed(true);
        return;
      }
    }
    const { keys } = made.current;
    setPhase('sending');
    const result = await complete.run({
      input: {
        token,
        email: values.email.trim(),
        displayName: values.displayName.trim(),
        kdfSalt: bytesToBase64(keys.kdfSalt),
        kdfParams: { ...keys.kdfParams },
        loginKey: bytesToBase64(keys.loginKey),
        publicKey: bytesToBase64(keys.publicKey),
        encryptedPrivateKey: bytesToBase64(keys.encryptedPrivateKey),
        totpCode: values.totpCode,
      },
    });
    const user = result.data?.completeSignUp.user;
    if (!user) {
      setPhase('editing');
      const field = errorField(result.error);
      if (field === 'totpCode') {
        setValues((previous) => ({ ...previous, totpCode: '' }));
        setErrors({ totpCode: 'signup.codeRejected' });
        focusField('totpCode');
      } else if (field === 'email') {
        setErrors({ email: 'signup.emailMismatch' });
        focusField('email');
      }
      return;
    }
    keyStore.set({
      userId: user.id,
      encryptionKey: keys.encryptionKey,
      privateKey: keys.privateKey,
    });
    keys.loginKey.fill(0);
    made.current = null;
    onCompleted();
    await session.refresh();
    void navigate('/', { replace: true });
  };

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
  const fieldError = complete.error && errorField(complete.error) ? undefined : complete.error;

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
        <ActionError error={fieldError} onRetry={() => void submit()} />
        {phase === 'generating' && <KeyWorkIndicator message="signup.generating" />}
        <Button type="submit" loading={phase !== 'editing'} data-testid="sign-up-submit">
          <FormattedMessage id="signup.submit" />
        </Button>
      </Stack>
    </form>
  );
}
