import { ActionIcon, Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useKeyStore, useUnlockedKeys } from '../crypto/key-store';
import { useSession } from '../features/auth/hooks/session';
import { LockIcon, LogoutIcon } from '../ui/icons';
import { usePhoneLayout } from './usePhoneLayout';

/**
 * Who is signed in, locking the keys, and the way out; nothing while signed out. On a phone
 * the way out is an icon with the same accessible name, so that the header
 * fits 390 px in every language.
 */
export function UserMenu() {
  const intl = useIntl();
  const { viewer, signOut } = useSession();
  const keyStore = useKeyStore();
  const keys = useUnlockedKeys(viewer?.user.id);
  const [busy, setBusy] = useState(false);
  const phone = usePhoneLayout();
  if (!viewer) return null;

  // Keys survive a reload of this tab; this locks them, and deletes the tab's saved copy, now.
  const lockKeys = () => {
    void keyStore.lock().then(() =>
      notifications.show({
        id: 'keys-locked',
        color: 'blue',
        message: intl.formatMessage({ id: 'keys.locked' }),
      }),
    );
  };

  const leave = async () => {
    setBusy(true);
    const result = await signOut();
    setBusy(false);
    if (result.error) {
      notifications.show({
        id: 'sign-out-failed',
        color: 'red',
        message: intl.formatMessage({ id: 'auth.signOutFailed' }),
      });
    }
  };

  return (
    <Group gap={phone ? 6 : 'sm'} wrap="nowrap">
      <Text size="sm" visibleFrom="sm" dir="auto" data-testid="viewer-name" truncate maw={200}>
        {viewer.user.displayName}
      </Text>
      {keys &&
        (phone ? (
          <ActionIcon
            variant="subtle"
            size="lg"
            aria-label={intl.formatMessage({ id: 'keys.lock' })}
            onClick={lockKeys}
            data-testid="lock-keys"
          >
            <LockIcon size={16} />
          </ActionIcon>
        ) : (
          <Button
            size="xs"
            variant="subtle"
            leftSection={<LockIcon size={14} />}
            onClick={lockKeys}
            data-testid="lock-keys"
          >
            <FormattedMessage id="keys.lock" />
          </Button>
        ))}
      {phone ? (
        <ActionIcon
          variant="default"
          size="lg"
          aria-label={intl.formatMessage({ id: 'auth.signOut' })}
          onClick={() => void leave()}
          loading={busy}
          data-testid="sign-out"
        >
          <LogoutIcon size={16} />
        </ActionIcon>
      ) : (
        <Button
          size="xs"
          variant="default"
          leftSection={<LogoutIcon size={14} />}
          onClick={() => void leave()}
          loading={busy}
          data-testid="sign-out"
        >
          <FormattedMessage id="auth.signOut" />
        </Button>
      )}
    </Group>
  );
}
