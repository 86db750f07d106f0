import { Stack, Text, Title } from '@mantine/core';
import { FormattedMessage } from 'react-intl';
import { ClusterList, ClusterStatusFilter } from '../../features/clusters/components/ClusterList';
import { useClusterList } from '../../features/clusters/hooks/useClusterList';
import { usePageTitle } from '../../shell/usePageTitle';
import { ListFooter } from '../../ui/pagination/ListFooter';
import { QueryStatus } from '../../ui/QueryStatus';

/**
 * The clusters my organisation takes part in: the organisations that share a
 * suspect with us and agreed to be revealed to one another, who leads, and
 * how many messages wait to be read.
 */
export function ClustersPage() {
  usePageTitle('nav.clusters');
  const { list, status, setStatus } = useClusterList();
  return (
    <Stack gap="lg" maw={1100} data-testid="clusters-page">
      <Title order={1}>
        <FormattedMessage id="nav.clusters" />
      </Title>
      <Text>
        <FormattedMessage id="clusters.intro" />
      </Text>
      <ClusterStatusFilter status={status} onChange={setStatus} />
      <QueryStatus
        data={list.totalCount === null ? undefined : list.nodes}
        fetching={list.result.fetching}
        error={list.result.error}
        onRetry={list.refresh}
      >
        {(nodes) => (
          <Stack gap="sm">
            <ClusterList clusters={nodes} filtered={status !== null} />
            <ListFooter
              shown={nodes.length}
              total={list.totalCount}
              hasMore={list.hasMore}
              loadingMore={list.loadingMore}
              onMore={list.loadMore}
              data-testid="clusters-footer"
            />
          </Stack>
        )}
      </QueryStatus>
    </Stack>
  );
}
