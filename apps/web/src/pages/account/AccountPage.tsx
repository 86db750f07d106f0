import { Stack, Title } from '@mantine/core';
import { useCallback } from 'react';
import { FormattedMessage } from 'react-intl';
import { useQuery } from 'urql';
import { UnlockKeys } from '../../features/auth/components/UnlockKeys';
import { MySessionsDocument } from '../../gql/graphql';
import { useRetryOnReconnect } from '../../graphql/network-status';
import { usePageTitle } from '../../shell/usePageTitle';
import { QueryStatus } from '../../ui/QueryStatus';
import { ChangePasswordForm } from '../../features/account/components/ChangePasswordForm';
import { ProfileCard } from '../../features/account/components/ProfileCard';
import { SessionsList } from '../../features/account/components/SessionsList';

/** The viewer's own account: profile, keys, password and sessions. */
export function AccountPage() {
  usePageTitle('nav.account');
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

      <ProfileCard />

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
