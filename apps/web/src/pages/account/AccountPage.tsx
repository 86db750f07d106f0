import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useCallback } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from 'urql';
import { UnlockKeys } from '../../features/auth/components/UnlockKeys';
import { useViewer } from '../../features/auth/hooks/session';
import { useUnlockedKeys } from '../../crypto/key-store';
import { MySessionsDocument } from '../../gql/graphql';
import { useRetryOnReconnect } from '../../graphql/network-status';
import { usePageTitle } from '../../shell/usePageTitle';
import { QueryStatus } from '../../ui/QueryStatus';
import { ChangePasswordForm } from '../../features/account/components/ChangePasswordForm';
import { SessionsList } from '../../features/account/components/SessionsList';

export function AccountPage() {
  usePageTitle('nav.account');
  const intl = useIntl();
  const viewer = useViewer();
  const keys = useUnlockedKeys(viewer.user.id);
  const [sessions, reexecute] = useQuery({ query: MySessionsDocument });
  const refreshSessions = useCallback(
    () => reexecute({ requestPolicy: 'network-only' }),
    [reexecute],
  );
  useRetryOnReconnect(refreshSessions);

  return (
    <Stack gap="lg" maw={900} data-testid="account-page">
      <Title order={1}>
        <FormattedMessage id="nav.account" />
      </Title>

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

      <UnlockKeys />

      <Stack gap="sm">
        <Title order={2} size="h3">
          <FormattedMessage id="account.passwordTitle" />
        </Title>
        <ChangePasswordForm onChanged={refreshSessions} />
      </Stack>

      <Stack gap="sm">
        <Title order={2} size="h3">
          <FormattedMessage id="account.sessionsTitle" />
        </Title>
        <QueryStatus {...sessions} onRetry={refreshSessions}>
          {({ mySessions }) => <SessionsList sessions={mySessions} reexecute={reexecute} />}
        </QueryStatus>
      </Stack>
    </Stack>
  );
}
