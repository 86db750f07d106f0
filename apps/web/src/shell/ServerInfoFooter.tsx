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
    // Wraps on phones (the footer is taller there): the demo warning must stay whole.
    <Group
      h="100%"
      px="md"
      gap="sm"
      wrap="wrap"
      style={{ rowGap: 2, alignContent: 'center' }}
      data-testid="server-info"
    >
      {info ? (
        <>
          <Text size="xs" c="dimmed" dir="auto">
            {info.name} ·{' '}
            <FormattedMessage id="footer.version" values={{ version: <bdi>{info.version}</bdi> }} />
          </Text>
          {info.demo && (
            // The warning wraps rather than be cut short (French needs two lines on a phone).
            <Badge
              color="red"
              variant="filled"
              size="sm"
              radius="sm"
              tt="none"
              h="auto"
              maw="100%"
              styles={{ root: { paddingBlock: 2 }, label: { whiteSpace: 'normal' } }}
            >
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
