import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useCallback } from 'react';
import { FormattedMessage } from 'react-intl';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { WorkingGroupsDocument } from '../../gql/graphql';
import { useRetryOnReconnect } from '../../graphql/network-status';
import { usePageTitle } from '../../shell/usePageTitle';
import { QueryStatus } from '../../ui/QueryStatus';

/** The groups the viewer's organisation belongs to, coordinates or funds. */
export function WorkingGroupsPage() {
  usePageTitle('nav.workingGroups');
  const [groups, reexecute] = useQuery({ query: WorkingGroupsDocument });
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  useRetryOnReconnect(refresh);

  return (
    <Stack gap="lg" maw={1000} data-testid="working-groups-page">
      <Title order={1}>
        <FormattedMessage id="nav.workingGroups" />
      </Title>
      <QueryStatus {...groups} onRetry={refresh}>
        {({ workingGroups }) =>
          workingGroups.length === 0 ? (
            <Text c="dimmed">
              <FormattedMessage id="groups.none" />
            </Text>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {workingGroups.map((group) => {
                const active = group.members.filter((m) => m.status === 'active').length;
                return (
                  <Paper withBorder p="md" key={group.id}>
                    <Stack gap={6}>
                      <Anchor component={Link} to={`/working-groups/${group.id}`} fw={600}>
                        <bdi>{group.name}</bdi>
                      </Anchor>
                      {group.description && (
                        <Text size="sm" dir="auto">
                          {group.description}
                        </Text>
                      )}
                      <Group gap="xs">
                        <Badge variant="light" tt="none">
                          <FormattedMessage id="groups.activeMembers" values={{ count: active }} />
                        </Badge>
                      </Group>
                    </Stack>
                  </Paper>
                );
              })}
            </SimpleGrid>
          )
        }
      </QueryStatus>
    </Stack>
  );
}
