import { Paper, Stack, Text, Title } from '@mantine/core';
import { useCallback, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { useQuery } from 'urql';
import { OrganisationDirectoryDocument, WorkingGroupsDocument } from '../../gql/graphql';
import { useRetryOnReconnect } from '../../graphql/network-status';
import { usePageTitle } from '../../shell/usePageTitle';
import { OneTimeLink } from '../../ui/OneTimeLink';
import { QueryStatus } from '../../ui/QueryStatus';
import { InvitationForm } from '../../features/organisation/components/InvitationForm';
import { CreateOrganisationForm } from '../../features/platform/components/CreateOrganisationForm';
import { OrganisationDirectoryTable } from '../../features/platform/components/OrganisationDirectoryTable';
import { CreateWorkingGroupForm } from '../../features/platform/components/CreateWorkingGroupForm';

/**
 * Bootstrapping the instance: organisations, working groups, and the first
 * people of each (an organisation's first admin, a group's first coordinator).
 */
export function PlatformPage() {
  usePageTitle('nav.platform');
  const [directory, reexecuteDirectory] = useQuery({ query: OrganisationDirectoryDocument });
  const [groups, reexecuteGroups] = useQuery({ query: WorkingGroupsDocument });
  const refresh = useCallback(() => {
    reexecuteDirectory({ requestPolicy: 'network-only' });
    reexecuteGroups({ requestPolicy: 'network-only' });
  }, [reexecuteDirectory, reexecuteGroups]);
  useRetryOnReconnect(refresh);
  const [link, setLink] = useState<string | null>(null);
  const [inviteTo, setInviteTo] = useState<string | null>(null);

  const organisations = directory.data?.organisations ?? [];
  const workingGroups = groups.data?.workingGroups ?? [];

  return (
    <Stack gap="lg" maw={1000} data-testid="platform-page">
      <Title order={1}>
        <FormattedMessage id="nav.platform" />
      </Title>
      <Text>
        <FormattedMessage id="platform.intro" />
      </Text>

      <Paper withBorder p="lg">
        <Stack gap="sm">
          <Title order={2} size="h3">
            <FormattedMessage id="platform.createOrganisation" />
          </Title>
          <CreateOrganisationForm
            onCreated={(id) => {
              setInviteTo(id);
              reexecuteDirectory({ requestPolicy: 'network-only' });
            }}
          />
        </Stack>
      </Paper>

      <Paper withBorder p="lg">
        <Stack gap="sm">
          <Title order={2} size="h3">
            <FormattedMessage id="platform.inviteTitle" />
          </Title>
          <Text size="sm">
            <FormattedMessage id="platform.inviteIntro" />
          </Text>
          {link ? (
            <OneTimeLink path={link} onDismiss={() => setLink(null)} />
          ) : (
            <InvitationForm
              // Remounts with the organisation just created preselected.
              key={inviteTo ?? 'none'}
              organisationId={null}
              initialOrganisationId={inviteTo}
              organisations={organisations}
              workingGroups={workingGroups}
              onCreated={setLink}
            />
          )}
        </Stack>
      </Paper>

      <Paper withBorder p="lg">
        <Stack gap="sm">
          <Title order={2} size="h3">
            <FormattedMessage id="platform.createGroup" />
          </Title>
          <CreateWorkingGroupForm
            onCreated={() => reexecuteGroups({ requestPolicy: 'network-only' })}
          />
        </Stack>
      </Paper>

      <Stack gap="sm">
        <Title order={2} size="h3">
          <FormattedMessage id="platform.directory" />
        </Title>
        <QueryStatus {...directory} onRetry={refresh}>
          {({ organisations: list }) => <OrganisationDirectoryTable organisations={list} />}
        </QueryStatus>
      </Stack>
    </Stack>
  );
}
