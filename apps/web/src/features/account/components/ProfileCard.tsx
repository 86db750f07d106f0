import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { FormattedMessage, useIntl } from 'react-intl';
import { useUnlockedKeys } from '../../../crypto/key-store';
import { useViewer } from '../../auth/hooks/session';

/** Who is signed in: name, address, organisation, role, and whether the keys are unlocked. */
export function ProfileCard() {
  const intl = useIntl();
  const viewer = useViewer();
  const keys = useUnlockedKeys(viewer.user.id);
  return (
    <Paper withBorder p="lg">
      <Stack gap={4}>
        <Text fw={600} dir="auto">
          {viewer.user.displayName}
        </Text>
        <Text size="sm">
          <bdi dir="ltr">{viewer.user.email}</bdi>
        </Text>
        <Group gap="xs">
          {viewer.organisation && (
            <Text size="sm" dir="auto">
              {viewer.organisation.name}
            </Text>
          )}
          {viewer.user.role && (
            <Badge variant="light" tt="none">
              {intl.formatMessage({ id: `role.${viewer.user.role}` })}
            </Badge>
          )}
          {viewer.user.isPlatformAdmin && (
            <Badge variant="light" color="grape" tt="none">
              <FormattedMessage id="role.platformAdmin" />
            </Badge>
          )}
        </Group>
        <Text size="sm" c={keys ? 'teal.9' : 'dimmed'} data-testid="keys-status">
          <FormattedMessage id={keys ? 'account.keysUnlocked' : 'account.keysLocked'} />
        </Text>
      </Stack>
    </Paper>
  );
}
