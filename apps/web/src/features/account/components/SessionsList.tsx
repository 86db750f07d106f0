import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { FormattedMessage, useIntl } from 'react-intl';
import type { UseQueryExecute } from 'urql';
import { useSession } from '../../auth/hooks/session';
import { RevokeSessionDocument, type MySessionsQuery } from '../../../gql/graphql';
import { useAction } from '../../../graphql/use-action';
import { ActionError } from '../../../ui/ActionError';
import { ConfirmButton } from '../../../ui/ConfirmButton';
import { DataTable, type Column } from '../../../ui/DataTable';
import { formatDateTime } from '../../../ui/format';
import { LogoutIcon } from '../../../ui/icons';

type Sessions = MySessionsQuery['mySessions'];

/** Where the account is signed in; any other session can be ended from here. */
export function SessionsList({
  sessions,
  reexecute,
}: {
  sessions: Sessions;
  reexecute: UseQueryExecute;
}) {
  const intl = useIntl();
  const revoke = useAction(RevokeSessionDocument);
  const { signOut } = useSession();

  const end = async (id: string) => {
    const result = await revoke.run({ id });
    if (!result.error) reexecute({ requestPolicy: 'network-only' });
  };

  const columns: Column<Sessions[number]>[] = [
    {
      key: 'device',
      header: 'account.device',
      cell: (session) => (
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" dir="ltr" lineClamp={2} style={{ wordBreak: 'break-word' }}>
            {session.userAgent ?? intl.formatMessage({ id: 'account.unknownDevice' })}
          </Text>
          {session.current && (
            <Badge color="teal" variant="light" tt="none" style={{ flexShrink: 0 }}>
              <FormattedMessage id="account.thisDevice" />
            </Badge>
          )}
        </Group>
      ),
    },
    {
      key: 'signedInAt',
      header: 'account.signedInAt',
      cell: (session) => formatDateTime(intl, session.createdAt),
    },
    {
      key: 'lastSeen',
      header: 'account.lastSeen',
      cell: (session) => formatDateTime(intl, session.lastSeenAt),
    },
    {
      key: 'actions',
      header: 'table.actions',
      cell: (session) =>
        session.current ? (
          <Button
            size="xs"
            variant="default"
            leftSection={<LogoutIcon size={14} />}
            onClick={() => void signOut()}
          >
            <FormattedMessage id="auth.signOut" />
          </Button>
        ) : (
          <ConfirmButton
            title={intl.formatMessage({ id: 'account.revokeTitle' })}
            body={intl.formatMessage({ id: 'account.revokeBody' })}
            onConfirm={() => void end(session.id)}
            loading={revoke.fetching}
          >
            <FormattedMessage id="account.revoke" />
          </ConfirmButton>
        ),
    },
  ];

  return (
    <Stack gap="sm">
      <ActionError error={revoke.error} onRetry={revoke.retry} />
      <DataTable
        columns={columns}
        rows={sessions}
        rowKey={(session) => session.id}
        rowAttributes={(session) => ({ 'data-current': session.current ? 'true' : undefined })}
        striped={false}
        data-testid="sessions"
      />
    </Stack>
  );
}
