import { Can } from '@casl/react';
import { subject, type AppAbility } from '@parallax/authz';
import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useCallback } from 'react';
import { FormattedMessage } from 'react-intl';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { useViewer } from '../../features/auth/hooks/session';
import { WorkingGroupDetailDocument } from '../../gql/graphql';
import { errorCode } from '../../graphql/errors';
import { useRetryOnReconnect } from '../../graphql/network-status';
import { NotFoundPage } from '../NotFoundPage';
import { usePageTitle } from '../../shell/usePageTitle';
import { BackIcon, ChartIcon } from '../../ui/icons';
import { QueryStatus } from '../../ui/QueryStatus';
import { CoordinatorsSection } from '../../features/working-groups/components/CoordinatorsSection';
import { DonorsSection } from '../../features/working-groups/components/DonorsSection';
import { GroupKeySection } from '../../features/working-groups/components/GroupKeySection';
import { GroupVerificationSection } from '../../features/key-verification/components/GroupVerificationSection';
import { MembersSection } from '../../features/working-groups/components/MembersSection';

/** One working group: its members, coordinators and donors; coordinators manage them. */
export function WorkingGroupPage() {
  usePageTitle('nav.workingGroups');
  const { id = '' } = useParams();
  const viewer = useViewer();
  const [group, reexecute] = useQuery({ query: WorkingGroupDetailDocument, variables: { id } });
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  useRetryOnReconnect(refresh);

  // The API answers "not found" for groups the viewer may not see.
  if (!group.data && errorCode(group.error) === 'NOT_FOUND') return <NotFoundPage />;
  return (
    <Stack gap="lg" maw={1000} data-testid="working-group-page">
      <Anchor component={Link} to="/working-groups" size="sm">
        <Group gap={4} wrap="nowrap">
          <BackIcon size={16} />
          <FormattedMessage id="groups.back" />
        </Group>
      </Anchor>
      <QueryStatus {...group} onRetry={refresh}>
        {({ workingGroup }) => (
          <Stack gap="xl">
            <Group justify="space-between" align="flex-start">
              <Stack gap={4}>
                <Title order={1}>
                  <bdi>{workingGroup.name}</bdi>
                </Title>
                {workingGroup.description && <Text dir="auto">{workingGroup.description}</Text>}
              </Stack>
              {viewer.actor.coordinatorOf.includes(workingGroup.id) && (
                <Button
                  component={Link}
                  to={`/working-groups/${workingGroup.id}/dashboard`}
                  variant="default"
                  leftSection={<ChartIcon size={16} />}
                  data-testid="coordinator-dashboard-link"
                >
                  <FormattedMessage id="dashboard.title" />
                </Button>
              )}
            </Group>
            <GroupKeySection workingGroupId={workingGroup.id} />
            {/* Coordinators (who may update the group) verify its admins' and co-coordinators' keys. */}
            <Can<AppAbility> I="update" this={subject('WorkingGroup', { id: workingGroup.id })}>
              <GroupVerificationSection workingGroupId={workingGroup.id} />
            </Can>
            <MembersSection
              workingGroupId={workingGroup.id}
              members={workingGroup.members}
              onChanged={refresh}
            />
            <CoordinatorsSection
              workingGroupId={workingGroup.id}
              coordinators={workingGroup.coordinators}
              onChanged={refresh}
            />
            <Can<AppAbility>
              I="read"
              this={subject('Donor', { workingGroupId: workingGroup.id, organisationId: '' })}
            >
              <DonorsSection
                workingGroupId={workingGroup.id}
                donors={workingGroup.donors}
                onChanged={refresh}
              />
            </Can>
          </Stack>
        )}
      </QueryStatus>
    </Stack>
  );
}
