import { Anchor, Group, Stack } from '@mantine/core';
import { FormattedMessage } from 'react-intl';
import { Link, useParams } from 'react-router';
import { ArrangementPanel } from '../../features/clusters/components/arrangement/ArrangementPanel';
import { ClusterHeader } from '../../features/clusters/components/ClusterHeader';
import { Conversation } from '../../features/clusters/components/Conversation';
import { PartiesList } from '../../features/clusters/components/PartiesList';
import { ReferralsPanel } from '../../features/clusters/components/referrals/ReferralsPanel';
import { useCluster, type ClusterData } from '../../features/clusters/hooks/useCluster';
import { errorCode } from '../../graphql/errors';
import { usePageTitle } from '../../shell/usePageTitle';
import { BackIcon } from '../../ui/icons';
import { QueryStatus } from '../../ui/QueryStatus';
import { usePolling } from '../../ui/usePolling';
import { NotFoundPage } from '../NotFoundPage';

/** Other parties change the arrangement and referrals too: re-read now and then (messages poll on their own). */
const CLUSTER_POLL_MS = 15_000;

function ClusterBody({ cluster, onChanged }: { cluster: ClusterData; onChanged: () => void }) {
  return (
    <Stack gap="xl">
      <ClusterHeader cluster={cluster} />
      <PartiesList parties={cluster.parties} />
      <ArrangementPanel cluster={cluster} onChanged={onChanged} />
      <Conversation cluster={cluster} />
      <ReferralsPanel cluster={cluster} onChanged={onChanged} />
    </Stack>
  );
}

/**
 * One cluster (`/clusters/:clusterId`): its parties as revealed to the
 * viewer, the lead arrangement, the conversation (parties only) and the
 * referrals. Someone who may not see it gets "not found", as from the API.
 */
export function ClusterPage() {
  usePageTitle('clusters.documentTitle');
  const { clusterId = '' } = useParams();
  const { result, cluster, refresh } = useCluster(clusterId);
  usePolling(refresh, CLUSTER_POLL_MS);

  if (!result.data && errorCode(result.error) === 'NOT_FOUND') return <NotFoundPage />;
  const backTo =
    cluster?.viewerAccess === 'coordinator'
      ? `/working-groups/${cluster.workingGroupId}/dashboard`
      : '/clusters';
  return (
    <Stack gap="lg" maw={1000} data-testid="cluster-page">
      <Anchor component={Link} to={backTo} size="sm">
        <Group gap={4} wrap="nowrap">
          <BackIcon size={16} />
          <FormattedMessage
            id={
              cluster?.viewerAccess === 'coordinator' ? 'clusters.backToDashboard' : 'clusters.back'
            }
          />
        </Group>
      </Anchor>
      <QueryStatus data={cluster} fetching={result.fetching} error={result.error} onRetry={refresh}>
        {(data) => <ClusterBody cluster={data} onChanged={refresh} />}
      </QueryStatus>
    </Stack>
  );
}
