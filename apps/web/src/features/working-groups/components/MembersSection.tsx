import { Badge, Stack, Title } from '@mantine/core';
import { FormattedMessage, useIntl } from 'react-intl';
import {
  InviteOrganisationToWorkingGroupDocument,
  RemoveOrganisationFromWorkingGroupDocument,
  type MembershipStatus,
  type WorkingGroupDetailQuery,
} from '../../../gql/graphql';
import { useAction } from '../../../graphql/use-action';
import { ActionError } from '../../../ui/ActionError';
import { ConfirmButton } from '../../../ui/ConfirmButton';
import { DataTable, type Column } from '../../../ui/DataTable';
import { formatDateTime } from '../../../ui/format';
import { usePermissions } from '../../auth/hooks/permissions';
import { AddOrganisationForm } from './AddOrganisationForm';

type Member = WorkingGroupDetailQuery['workingGroup']['members'][number];

const STATUS_COLOR: Record<MembershipStatus, string> = {
  active: 'teal',
  invited: 'blue',
  left: 'gray',
};

/** The group's member organisations: invited, active or gone. */
export function MembersSection({
  workingGroupId,
  members,
  onChanged,
}: {
  workingGroupId: string;
  members: readonly Member[];
  onChanged: () => void;
}) {
  const intl = useIntl();
  const can = usePermissions();
  const mayInvite = can({
    action: 'invite',
    subject: 'Membership',
    record: { workingGroupId, organisationId: '' },
  });
  const remove = useAction(RemoveOrganisationFromWorkingGroupDocument);
  const invite = useAction(InviteOrganisationToWorkingGroupDocument);
  const mayRemove = (member: Member) =>
    member.status !== 'left' &&
    can({
      action: 'delete',
      subject: 'Membership',
      record: { workingGroupId, organisationId: member.organisation.id },
    });

  const columns: Column<Member>[] = [
    {
      key: 'organisation',
      header: 'groups.organisation',
      cell: (member) => <bdi>{member.organisation.name}</bdi>,
    },
    {
      key: 'status',
      header: 'invitations.status',
      cell: (member) => (
        <Badge variant="light" color={STATUS_COLOR[member.status]} tt="none">
          {intl.formatMessage({ id: `membership.${member.status}` })}
        </Badge>
      ),
    },
    {
      key: 'since',
      header: 'groups.since',
      cell: (member) => formatDateTime(intl, member.joinedAt ?? member.invitedAt),
    },
    {
      key: 'actions',
      header: 'table.actions',
      cell: (member) =>
        mayRemove(member) ? (
          <ConfirmButton
            title={intl.formatMessage({ id: 'groups.removeMemberTitle' })}
            body={
              <FormattedMessage
                id="groups.removeMemberBody"
                values={{ name: <bdi>{member.organisation.name}</bdi> }}
              />
            }
            onConfirm={() =>
              void remove
                .run({ workingGroupId, organisationId: member.organisation.id })
                .then((r) => !r.error && onChanged())
            }
            loading={remove.fetching}
          >
            <FormattedMessage id="action.remove" />
          </ConfirmButton>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <Stack gap="sm" data-testid="group-members">
      <Title order={2} size="h3">
        <FormattedMessage id="groups.membersTitle" />
      </Title>
      {mayInvite && (
        <AddOrganisationForm
          workingGroupId={workingGroupId}
          // Only civil-society organisations are members; donors are added as donors.
          kind="cso"
          exclude={
            new Set(members.filter((m) => m.status !== 'left').map((m) => m.organisation.id))
          }
          action={invite}
          label="groups.inviteOrganisation"
          submitLabel="groups.invite"
          onAdded={onChanged}
          testId="invite-organisation"
        />
      )}
      <ActionError error={remove.error} onRetry={remove.retry} />
      <DataTable
        columns={columns}
        rows={members}
        rowKey={(member) => member.organisation.id}
        rowTestId={() => 'group-member'}
        rowAttributes={(member) => ({ 'data-status': member.status })}
        striped={false}
      />
    </Stack>
  );
}
