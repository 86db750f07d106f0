import { Badge, Button, Group, NativeSelect, Stack, Table, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from 'urql';
import { usePermissions } from '../../auth/permissions';
import {
  InviteOrganisationToWorkingGroupDocument,
  OrganisationDirectoryDocument,
  RemoveOrganisationFromWorkingGroupDocument,
  type MembershipStatus,
  type WorkingGroupDetailQuery,
} from '../../gql/graphql';
import { useAction } from '../../graphql/use-action';
import { ActionError } from '../../ui/ActionError';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { formatDateTime } from '../../ui/format';

type Members = WorkingGroupDetailQuery['workingGroup']['members'];

const STATUS_COLOR: Record<MembershipStatus, string> = {
  active: 'teal',
  invited: 'blue',
  left: 'gray',
};

export function MembersSection({
  workingGroupId,
  members,
  onChanged,
}: {
  workingGroupId: string;
  members: Members;
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

  return (
    <Stack gap="sm" data-testid="group-members">
      <Title order={2} size="h3">
        <FormattedMessage id="groups.membersTitle" />
      </Title>
      {mayInvite && (
        <InviteOrganisation
          workingGroupId={workingGroupId}
          members={members}
          onInvited={onChanged}
        />
      )}
      <ActionError error={remove.error} onRetry={remove.retry} />
      <Table.ScrollContainer minWidth={560}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>
                <FormattedMessage id="groups.organisation" />
              </Table.Th>
              <Table.Th>
                <FormattedMessage id="invitations.status" />
              </Table.Th>
              <Table.Th>
                <FormattedMessage id="groups.since" />
              </Table.Th>
              <Table.Th>
                <FormattedMessage id="table.actions" />
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.map((member) => {
              const mayRemove =
                member.status !== 'left' &&
                can({
                  action: 'delete',
                  subject: 'Membership',
                  record: { workingGroupId, organisationId: member.organisation.id },
                });
              return (
                <Table.Tr
                  key={member.organisation.id}
                  data-testid="group-member"
                  data-status={member.status}
                >
                  <Table.Td dir="auto">{member.organisation.name}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={STATUS_COLOR[member.status]} tt="none">
                      {intl.formatMessage({ id: `membership.${member.status}` })}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{formatDateTime(intl, member.joinedAt ?? member.invitedAt)}</Table.Td>
                  <Table.Td>
                    {mayRemove ? (
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
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function InviteOrganisation({
  workingGroupId,
  members,
  onInvited,
}: {
  workingGroupId: string;
  members: Members;
  onInvited: () => void;
}) {
  const intl = useIntl();
  const [{ data }] = useQuery({ query: OrganisationDirectoryDocument });
  const invite = useAction(InviteOrganisationToWorkingGroupDocument);
  const [organisationId, setOrganisationId] = useState('');
  const taken = new Set(members.filter((m) => m.status !== 'left').map((m) => m.organisation.id));
  // Only civil-society organisations are members; donors are added as donors.
  const candidates = (data?.organisations ?? []).filter(
    (o) => o.kind === 'cso' && !taken.has(o.id),
  );

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!organisationId) return;
    const result = await invite.run({ workingGroupId, organisationId });
    if (!result.error) {
      setOrganisationId('');
      onInvited();
    }
  };

  return (
    <form
      onSubmit={(event) => void submit(event)}
      noValidate
      data-testid="invite-organisation-form"
    >
      <Stack gap="xs">
        <Group align="flex-end" gap="sm">
          <NativeSelect
            label={intl.formatMessage({ id: 'groups.inviteOrganisation' })}
            value={organisationId}
            onChange={(event) => setOrganisationId(event.currentTarget.value)}
            data={[
              { value: '', label: intl.formatMessage({ id: 'form.choose' }) },
              ...candidates.map((o) => ({ value: o.id, label: o.name })),
            ]}
            miw={260}
            data-testid="invite-organisation-select"
          />
          <Button type="submit" loading={invite.fetching} disabled={!organisationId}>
            <FormattedMessage id="groups.invite" />
          </Button>
        </Group>
        <ActionError error={invite.error} onRetry={() => void submit()} />
      </Stack>
    </form>
  );
}
