import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useSession } from '../features/auth/hooks/session';
import { LogoutIcon } from '../ui/icons';

/** Who is signed in, and the way out; nothing while signed out. */
export function UserMenu() {
  const intl = useIntl();
  const { viewer, signOut } = useSession();
  const [busy, setBusy] = useState(false);
  if (!viewer) return null;

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
    <Group gap="sm" wrap="nowrap">
      <Text size="sm" visibleFrom="sm" dir="auto" data-testid="viewer-name" truncate maw={200}>
        {viewer.user.displayName}
      </Text>
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
    </Group>
  );
}
