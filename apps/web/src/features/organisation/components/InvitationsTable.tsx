import { Badge, Text } from '@mantine/core';
import { FormattedMessage, useIntl } from 'react-intl';
import { usePermissions } from '../../auth/hooks/permissions';
import { ConfirmButton } from '../../../ui/ConfirmButton';
import { DataTable, type Column } from '../../../ui/DataTable';
import { formatDateTime } from '../../../ui/format';
import { invitationStatus, type Invitation } from '../utils/invitation-status';

/** The organisation's invitations; a pending one may be revoked (confirmed first). */
export function InvitationsTable({
  invitations,
  onRevoke,
  revoking,
}: {
  invitations: readonly Invitation[];
  onRevoke: (invitation: Invitation) => void;
  revoking: boolean;
}) {
  const intl = useIntl();
  const can = usePermissions();
  const columns: Column<Invitation>[] = [
    {
      key: 'for',
      header: 'invitations.for',
      cell: (invitation) => (
        <>
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
        </>
      ),
    },
    {
      key: 'role',
      header: 'organisation.role',
      cell: (invitation) => intl.formatMessage({ id: `role.${invitation.role}` }),
    },
    {
      key: 'status',
      header: 'invitations.status',
      cell: (invitation) => {
        const status = invitationStatus(invitation);
        return (
          <Badge variant="light" color={status.color} tt="none">
            <FormattedMessage id={status.id} />
          </Badge>
        );
      },
    },
    {
      key: 'expiresAt',
      header: 'invitations.expiresAt',
      cell: (invitation) => formatDateTime(intl, invitation.expiresAt),
    },
    {
      key: 'actions',
      header: 'table.actions',
      cell: (invitation) =>
        invitationStatus(invitation).pending &&
        can({ action: 'delete', subject: 'Invitation', record: invitation }) ? (
          <ConfirmButton
            title={intl.formatMessage({ id: 'invitations.revokeTitle' })}
            body={intl.formatMessage({ id: 'invitations.revokeBody' })}
            onConfirm={() => onRevoke(invitation)}
            loading={revoking}
          >
            <FormattedMessage id="invitations.revoke" />
          </ConfirmButton>
        ) : (
          '—'
        ),
    },
  ];
  return (
    <DataTable
      columns={columns}
      rows={invitations}
      rowKey={(invitation) => invitation.id}
      empty="invitations.none"
      minWidth={640}
      striped={false}
    />
  );
}
