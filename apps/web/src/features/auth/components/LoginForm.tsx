import { Button, Stack, Text, TextInput } from '@mantine/core';
import type { CombinedError } from '@urql/core';
import { useRef, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useClient } from 'urql';
import { bytesToBase64 } from '../../../crypto/base64';
import { useKeyStore } from '../../../crypto/key-store';
import { LoginDocument } from '../../../gql/graphql';
import type { MessageId } from '../../../i18n/messages';
import { PasswordField } from '../../../ui/PasswordField';
import { ActionError } from '../../../ui/ActionError';
import { CodeInput, isSixDigitCode } from '../../../ui/CodeInput';
import { KeyWorkIndicator } from '../../../ui/KeyWorkIndicator';
import { usePasswordDerivation } from '../utils/password-derivation';
import { useSession } from '../hooks/session';

type Phase = 'idle' | 'deriving' | 'sending';
type Field = 'email' | 'password' | 'totpCode';

/**
 * E-mail, password and authenticator code. The password never leaves the
 * device: a worker derives the login key (sent) and the encryption key (kept
 * in memory to open the user's private key).
 */
export function LoginForm() {
  const intl = useIntl();
  const client = useClient();
  const keyStore = useKeyStore();
  const session = useSession();
  const derive = usePasswordDerivation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totpCode, setTotpCode] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, MessageId>>>({});
  const [phase, setPhase] = useState<Phase>('idle');
  const [error, setError] = useState<CombinedError | undefined>();
  const [failed, setFailed] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (phase !== 'idle') return;
    const found: Partial<Record<Field, MessageId>> = {};
    if (!email.trim()) found.email = 'auth.emailRequired';
    if (!password) found.password = 'auth.passwordRequired';
    if (!isSixDigitCode(totpCode)) found.totpCode = 'auth.codeFormat';
    setFieldErrors(found);
    if (Object.keys(found).length > 0) {
      form.current?.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    setError(undefined);
    setFailed(false);
    setPhase('deriving');
    const derived = await derive(email.trim(), password);
    if (!derived.ok) {
      setPhase('idle');
      if (derived.error) setError(derived.error);
      else setFailed(true);
      return;
    }
    setPhase('sending');
    const result = await client
      .mutation(LoginDocument, {
        input: { email: email.trim(), loginKey: bytesToBase64(derived.keys.loginKey), totpCode },
      })
      .toPromise();
    derived.keys.loginKey.fill(0);
    const login = result.data?.login;
    if (!login) {
      setPhase('idle');
      setError(result.error);
      // Each code works once; a rejected attempt may have used it.
      if (!result.error?.networkError) setTotpCode('');
      return;
    }
    try {
      keyStore.unlock(login.user.id, derived.keys.encryptionKey, login.encryptedPrivateKey);
    } catch {
      // A blob that does not open stays locked; the account page offers to unlock it.
    }
    await session.refresh();
    setPhase('idle');
    // The page behind the form replaces it at the same address: announce it.
    document.getElementById('main')?.focus();
  };

  const errorOf = (field: Field) =>
    fieldErrors[field] ? intl.formatMessage({ id: fieldErrors[field] }) : undefined;

  return (
    <form ref={form} onSubmit={(event) => void submit(event)} noValidate data-testid="login-form">
      <Stack gap="md">
        <TextInput
          label={intl.formatMessage({ id: 'auth.email' })}
          type="email"
          autoComplete="username"
          dir="ltr"
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={errorOf('email')}
          required
        />
        <PasswordField
          label={intl.formatMessage({ id: 'auth.password' })}
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={errorOf('password')}
          required
        />
        <CodeInput value={totpCode} onChange={setTotpCode} error={errorOf('totpCode')} />
        {failed && (
          <Text c="red.9" size="sm" role="alert">
            <FormattedMessage id="login.failed" />
          </Text>
        )}
        <ActionError
          error={error}
          onRetry={() => void submit()}
          messages={{ UNAUTHENTICATED: 'login.failed' }}
        />
        {phase === 'deriving' && <KeyWorkIndicator message="login.deriving" />}
        <Button type="submit" loading={phase !== 'idle'}>
          <FormattedMessage id="login.submit" />
        </Button>
      </Stack>
    </form>
  );
}
