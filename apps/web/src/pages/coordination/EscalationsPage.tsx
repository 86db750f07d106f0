import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useCallback } from 'react';
import { FormattedMessage } from 'react-intl';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { EscalationsList } from '../../features/coordination/components/EscalationsList';
import { ClusterEscalationsDocument } from '../../gql/graphql';
import { errorCode } from '../../graphql/errors';
import { useRetryOnReconnect } from '../../graphql/network-status';
import { usePageTitle } from '../../shell/usePageTitle';
import { BackIcon } from '../../ui/icons';
import { QueryStatus } from '../../ui/QueryStatus';
import { usePolling } from '../../ui/usePolling';
import { NotFoundPage } from '../NotFoundPage';

const REFRESH_MS = 10_000;

/**
 * A working group's escalations, for its coordinators: which lead
 * arrangements wait on them. Commenting, deciding and answering a reopening
 * happen on the cluster page, where the arrangement's history is.
 */
export function EscalationsPage() {
  usePageTitle('escalations.title');
  const { workingGroupId = '' } = useParams();
  const [result, reexecute] = useQuery({
    query: ClusterEscalationsDocument,
    variables: { workingGroupId },
  });
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  useRetryOnReconnect(refresh);
  usePolling(refresh, REFRESH_MS);

  if (!result.data && errorCode(result.error) === 'NOT_FOUND') return <NotFoundPage />;
  return (
    <Stack gap="lg" maw={1100} data-testid="escalations-page">
      <Anchor component={Link} to={`/working-groups/${workingGroupId}/dashboard`} size="sm">
        <Group gap={4} wrap="nowrap">
          <BackIcon size={16} />
          <FormattedMessage id="escalations.backToDashboard" />
        </Group>
      </Anchor>
      <Title order={1}>
        <FormattedMessage id="escalations.title" />
      </Title>
      <Text>
        <FormattedMessage id="escalations.intro" />
      </Text>
      <QueryStatus {...result} onRetry={refresh}>
        {({ clusterEscalations }) => <EscalationsList clusters={clusterEscalations} />}
      </QueryStatus>
    </Stack>
  );
}
