import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { FormattedMessage, useIntl } from 'react-intl';
import type { UseQueryExecute } from 'urql';
import { useSession } from '../../auth/session';
import { RevokeSessionDocument, type MySessionsQuery } from '../../gql/graphql';
import { useAction } from '../../graphql/use-action';
import { ActionError } from '../../ui/ActionError';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { formatDateTime } from '../../ui/format';
import { LogoutIcon } from '../../ui/icons';

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

  return (
    <Stack gap="sm">
      <ActionError error={revoke.error} onRetry={revoke.retry} />
      <Table.ScrollContainer minWidth={560}>
        <Table data-testid="sessions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>
                <FormattedMessage id="account.device" />
              </Table.Th>
              <Table.Th>
                <FormattedMessage id="account.signedInAt" />
              </Table.Th>
              <Table.Th>
                <FormattedMessage id="account.lastSeen" />
              </Table.Th>
              <Table.Th>
                <FormattedMessage id="table.actions" />
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sessions.map((session) => (
              <Table.Tr key={session.id} data-current={session.current || undefined}>
                <Table.Td>
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
                </Table.Td>
                <Table.Td>{formatDateTime(intl, session.createdAt)}</Table.Td>
                <Table.Td>{formatDateTime(intl, session.lastSeenAt)}</Table.Td>
                <Table.Td>
                  {session.current ? (
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
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
