import { Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import type { ClusterQuery } from '../../../gql/graphql';
import { formatDateTime } from '../../../ui/format';

type Cluster = ClusterQuery['cluster'];

const ACCESS_COLOURS: Record<string, string> = {
  party: 'teal',
  former: 'gray',
  coordinator: 'indigo',
};

/** The cluster's working group, our own cases in it, and how the viewer sees it. */
export function ClusterHeader({ cluster }: { cluster: Cluster }) {
  const intl = useIntl();
  return (
    <Stack gap="xs" data-testid="cluster-header">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Title order={1}>
          <FormattedMessage
            id="clusters.pageTitle"
            values={{ group: <bdi>{cluster.workingGroupName}</bdi> }}
          />
        </Title>
        <Badge
          variant="light"
          tt="none"
          color={ACCESS_COLOURS[cluster.viewerAccess] ?? 'gray'}
          data-testid="cluster-access"
        >
          <FormattedMessage id="clusters.access" values={{ access: cluster.viewerAccess }} />
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">
        <FormattedMessage
          id="clusters.formedOn"
          values={{ date: formatDateTime(intl, cluster.createdAt) }}
        />
      </Text>
      {cluster.myCases.length > 0 && (
        <Group gap="xs" wrap="wrap" data-testid="cluster-my-cases">
          <Text size="sm" fw={600}>
            <FormattedMessage id="clusters.myCases" />
          </Text>
          {cluster.myCases.map((c) => (
            <Anchor key={c.id} component={Link} to={`/cases/${c.id}`} size="sm">
              <bdi>{c.reference}</bdi>
            </Anchor>
          ))}
        </Group>
      )}
      {cluster.viewerAccess === 'former' && (
        <Text size="sm" data-testid="cluster-former-note">
          <FormattedMessage id="clusters.formerNote" />
        </Text>
      )}
    </Stack>
  );
}
