import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import type { CombinedError } from '@urql/core';
import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useKeyStore, useKeysRestoring, useUnlockedKeys } from '../../../crypto/key-store';
import { PasswordField } from '../../../ui/PasswordField';
import { ActionError } from '../../../ui/ActionError';
import { KeyWorkIndicator } from '../../../ui/KeyWorkIndicator';
import { LockIcon } from '../../../ui/icons';
import { usePasswordDerivation } from '../utils/password-derivation';
import { useViewer } from '../hooks/session';

/**
 * Keys locked (a new tab, "Lock keys", idle timeout, or a reload whose saved
 * copy did not restore): features that need the private key show this first.
 * While a reload's saved copy is being restored, it shows nothing.
 */
export function UnlockKeys() {
  const intl = useIntl();
  const viewer = useViewer();
  const keyStore = useKeyStore();
  const keys = useUnlockedKeys(viewer.user.id);
  const restoring = useKeysRestoring();
  const derive = usePasswordDerivation();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [wrong, setWrong] = useState(false);
  const [error, setError] = useState<CombinedError | undefined>();

  if (keys || restoring) return null;

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy || !password) return;
    setBusy(true);
    setWrong(false);
    setError(undefined);
    const derived = await derive(viewer.user.email, password);
    setBusy(false);
    if (!derived.ok) {
      if (derived.error) setError(derived.error);
      else setWrong(true);
      return;
    }
    derived.keys.loginKey.fill(0);
    try {
      keyStore.unlock(
        viewer.user.id,
        derived.keys.encryptionKey,
        viewer.encryptedPrivateKey,
        viewer.encryptedSigningKey ?? null,
      );
      setPassword('');
    } catch {
      setWrong(true);
    }
  };

  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<LockIcon />}
      title={intl.formatMessage({ id: 'unlock.title' })}
      data-testid="unlock-keys"
    >
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            <FormattedMessage id="unlock.body" />
          </Text>
          <Group align="flex-end" gap="sm">
            <PasswordField
              label={intl.formatMessage({ id: 'auth.password' })}
              autoComplete="current-password"
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              error={wrong ? intl.formatMessage({ id: 'unlock.wrongPassword' }) : undefined}
              miw={240}
            />
            <Button type="submit" loading={busy}>
              <FormattedMessage id="unlock.submit" />
            </Button>
          </Group>
          {busy && <KeyWorkIndicator message="login.deriving" />}
          <ActionError error={error} onRetry={() => void submit()} />
        </Stack>
      </form>
    </Alert>
  );
}
