import { Badge, Group, Skeleton, Text } from '@mantine/core';
import { useCallback } from 'react';
import { FormattedMessage } from 'react-intl';
import { useQuery } from 'urql';
import { ServerInfoDocument } from '../gql/graphql';
import { useRetryOnReconnect } from '../graphql/network-status';

/** The hub's name and version, and a warning on demo instances. */
export function ServerInfoFooter() {
  const [{ data, fetching, error }, reexecute] = useQuery({ query: ServerInfoDocument });
  const retry = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  useRetryOnReconnect(retry);

  const info = data?.serverInfo;
  return (
    <Group h="100%" px="md" gap="sm" wrap="nowrap" data-testid="server-info">
      {info ? (
        <>
          <Text size="xs" c="dimmed" dir="auto">
            {info.name} ·{' '}
            <FormattedMessage id="footer.version" values={{ version: <bdi>{info.version}</bdi> }} />
          </Text>
          {info.demo && (
            <Badge color="red" variant="filled" size="sm" radius="sm" tt="none">
              <FormattedMessage id="footer.demo" />
            </Badge>
          )}
        </>
      ) : fetching || !error ? (
        <Skeleton height={10} width={140} radius="sm" />
      ) : (
        <Text size="xs" c="dimmed">
          <FormattedMessage id="footer.unavailable" />
        </Text>
      )}
    </Group>
  );
}
