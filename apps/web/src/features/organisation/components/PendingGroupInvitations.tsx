import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useCallback, useMemo, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from 'urql';
import { usePermissions } from '../../auth/hooks/permissions';
import { useSession, useViewer } from '../../auth/hooks/session';
import {
  PendingWorkingGroupInvitationsDocument,
  RespondToWorkingGroupInvitationDocument,
} from '../../../gql/graphql';
import { useRetryOnReconnect } from '../../../graphql/network-status';
import { useAction } from '../../../graphql/use-action';
import { ActionError } from '../../../ui/ActionError';
import { formatDateTime } from '../../../ui/format';

/**
 * Working groups inviting the viewer's organisation. Its admins answer; the
 * list is on the home page too, so an invitation is not missed.
 */
export function PendingGroupInvitations() {
  const viewer = useViewer();
  const can = usePermissions();
  const organisationId = viewer.actor.organisationId;
  const mayRespond =
    organisationId !== null &&
    can({
      action: 'respond',
      subject: 'Membership',
      record: { workingGroupId: '', organisationId },
    });
  const context = useMemo(() => ({ additionalTypenames: ['Membership'] }), []);
  const [{ data }, reexecute] = useQuery({
    query: PendingWorkingGroupInvitationsDocument,
    pause: !mayRespond,
    context,
  });
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  useRetryOnReconnect(refresh);

  const pending = data?.pendingWorkingGroupInvitations ?? [];
  if (!mayRespond || pending.length === 0) return null;
  return (
    <Paper
      withBorder
      p="lg"
      data-testid="pending-group-invitations"
      bg="var(--mantine-color-blue-light)"
    >
      <Stack gap="sm">
        <Title order={2} size="h3">
          <FormattedMessage id="groupInvitations.title" />
        </Title>
        {pending.map((invitation) => (
          <PendingInvitation
            key={invitation.workingGroupId}
            workingGroupId={invitation.workingGroupId}
            name={invitation.workingGroupName}
            invitedAt={invitation.invitedAt}
            onAnswered={refresh}
          />
        ))}
      </Stack>
    </Paper>
  );
}

function PendingInvitation({
  workingGroupId,
  name,
  invitedAt,
  onAnswered,
}: {
  workingGroupId: string;
  name: string;
  invitedAt: string;
  onAnswered: () => void;
}) {
  const intl = useIntl();
  const session = useSession();
  const respond = useAction(RespondToWorkingGroupInvitationDocument);
  const [choice, setChoice] = useState<boolean | null>(null);
  const answer = async (accept: boolean) => {
    setChoice(accept);
    const result = await respond.run({ workingGroupId, accept });
    if (result.error) return;
    // Membership changes what this user may see: reload the policy inputs.
    await session.refresh();
    onAnswered();
  };
  return (
    <Stack gap={6} data-testid="pending-group-invitation">
      <Group justify="space-between" gap="sm">
        <Stack gap={0}>
          <Text fw={600} dir="auto">
            {name}
          </Text>
          <Text size="sm" c="dimmed">
            <FormattedMessage
              id="groupInvitations.invitedAt"
              values={{ date: formatDateTime(intl, invitedAt) }}
            />
          </Text>
        </Stack>
        <Group gap="xs">
          <Button size="xs" onClick={() => void answer(true)} loading={respond.fetching}>
            <FormattedMessage id="groupInvitations.accept" />
          </Button>
          <Button
            size="xs"
            variant="default"
            onClick={() => void answer(false)}
            disabled={respond.fetching}
          >
            <FormattedMessage id="groupInvitations.decline" />
          </Button>
        </Group>
      </Group>
      <ActionError error={respond.error} onRetry={() => choice !== null && void answer(choice)} />
    </Stack>
  );
}
