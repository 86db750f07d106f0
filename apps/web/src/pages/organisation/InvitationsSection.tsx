import { Badge, Stack, Table, Text, Title } from '@mantine/core';
import { useCallback, useMemo, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from 'urql';
import { usePermissions } from '../../auth/permissions';
import {
  OrganisationInvitationsDocument,
  RevokeInvitationDocument,
  type OrganisationInvitationsQuery,
} from '../../gql/graphql';
import { useRetryOnReconnect } from '../../graphql/network-status';
import { useAction } from '../../graphql/use-action';
import type { MessageId } from '../../i18n/messages';
import { ActionError } from '../../ui/ActionError';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { formatDateTime } from '../../ui/format';
import { OneTimeLink } from '../../ui/OneTimeLink';
import { QueryStatus } from '../../ui/QueryStatus';
import { InvitationForm } from './InvitationForm';

type Invitation = OrganisationInvitationsQuery['invitations'][number];

function statusOf(invitation: Invitation): { id: MessageId; color: string; pending: boolean } {
  if (invitation.usedAt) return { id: 'invitations.used', color: 'teal', pending: false };
  if (invitation.revokedAt) return { id: 'invitations.revoked', color: 'gray', pending: false };
  if (new Date(invitation.expiresAt).getTime() <= Date.now()) {
    return { id: 'invitations.expired', color: 'gray', pending: false };
  }
  return { id: 'invitations.pending', color: 'blue', pending: true };
}

export function InvitationsSection({ organisationId }: { organisationId: string }) {
  const intl = useIntl();
  const can = usePermissions();
  const mayCreate = can({
    action: 'create',
    subject: 'Invitation',
    record: { id: '', organisationId },
  });
  // An empty list carries no typename; name it so a new invitation refreshes it.
  const context = useMemo(() => ({ additionalTypenames: ['Invitation'] }), []);
  const [invitations, reexecute] = useQuery({
    query: OrganisationInvitationsDocument,
    variables: { organisationId },
    context,
  });
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  useRetryOnReconnect(refresh);
  const [link, setLink] = useState<string | null>(null);
  const revoke = useAction(RevokeInvitationDocument);

  return (
    <Stack gap="sm" data-testid="organisation-invitations">
      <Title order={2} size="h3">
        <FormattedMessage id="invitations.title" />
      </Title>
      {link && <OneTimeLink path={link} onDismiss={() => setLink(null)} />}
      {mayCreate && !link && <InvitationForm organisationId={organisationId} onCreated={setLink} />}
      <ActionError error={revoke.error} onRetry={revoke.retry} />
      <QueryStatus {...invitations} onRetry={refresh}>
        {({ invitations: list }) =>
          list.length === 0 ? (
            <Text size="sm" c="dimmed">
              <FormattedMessage id="invitations.none" />
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={640}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>
                      <FormattedMessage id="invitations.for" />
                    </Table.Th>
                    <Table.Th>
                      <FormattedMessage id="organisation.role" />
                    </Table.Th>
                    <Table.Th>
                      <FormattedMessage id="invitations.status" />
                    </Table.Th>
                    <Table.Th>
                      <FormattedMessage id="invitations.expiresAt" />
                    </Table.Th>
                    <Table.Th>
                      <FormattedMessage id="table.actions" />
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((invitation) => {
                    const status = statusOf(invitation);
                    const mayRevoke =
                      status.pending &&
                      can({ action: 'delete', subject: 'Invitation', record: invitation });
                    return (
                      <Table.Tr key={invitation.id}>
                        <Table.Td>
                          <Text size="sm">
                            {invitation.email ? (
                              <bdi dir="ltr">{invitation.email}</bdi>
                            ) : (
                              intl.formatMessage({ id: 'invitations.anyone' })
                            )}
                          </Text>
                          {invitation.purpose === 'reset' && (
                            <Badge variant="light" color="orange" tt="none">
                              <FormattedMessage id="invitations.reset" />
                            </Badge>
                          )}
                        </Table.Td>
                        <Table.Td>{intl.formatMessage({ id: `role.${invitation.role}` })}</Table.Td>
                        <Table.Td>
                          <Badge variant="light" color={status.color} tt="none">
                            <FormattedMessage id={status.id} />
                          </Badge>
                        </Table.Td>
                        <Table.Td>{formatDateTime(intl, invitation.expiresAt)}</Table.Td>
                        <Table.Td>
                          {mayRevoke ? (
                            <ConfirmButton
                              title={intl.formatMessage({ id: 'invitations.revokeTitle' })}
                              body={intl.formatMessage({ id: 'invitations.revokeBody' })}
                              onConfirm={() => void revoke.run({ id: invitation.id })}
                              loading={revoke.fetching}
                            >
                              <FormattedMessage id="invitations.revoke" />
                            </ConfirmButton>
                          ) : (
                            '—'
                          )}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryStatus>
    </Stack>
  );
}
