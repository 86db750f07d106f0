import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useCallback } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { CoordinatorPictureView } from '../../features/coordination/components/CoordinatorPictureView';
import { metricsReleasesPath } from '../../features/metrics-releases/utils/paths';
import { CoordinatorPictureDocument, WorkingGroupDetailDocument } from '../../gql/graphql';
import { errorCode } from '../../graphql/errors';
import { useRetryOnReconnect } from '../../graphql/network-status';
import { usePageTitle } from '../../shell/usePageTitle';
import { BackIcon } from '../../ui/icons';
import { QueryStatus } from '../../ui/QueryStatus';
import { usePolling } from '../../ui/usePolling';
import { NotFoundPage } from '../NotFoundPage';

const REFRESH_MS = 10_000;

/** The coordinator dashboard of one working group (refreshed every 10 s). */
export function DashboardPage() {
  usePageTitle('dashboard.title');
  const intl = useIntl();
  const { id = '' } = useParams();
  const [group] = useQuery({ query: WorkingGroupDetailDocument, variables: { id } });
  const [picture, reexecute] = useQuery({
    query: CoordinatorPictureDocument,
    variables: { workingGroupId: id },
  });
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  useRetryOnReconnect(refresh);
  usePolling(refresh, REFRESH_MS);

  if (!picture.data && errorCode(picture.error) === 'NOT_FOUND') return <NotFoundPage />;
  return (
    <Stack gap="lg" maw={1100} data-testid="dashboard-page">
      <Anchor component={Link} to={`/working-groups/${id}`} size="sm">
        <Group gap={4} wrap="nowrap">
          <BackIcon size={16} />
          <bdi>
            {group.data?.workingGroup.name ?? intl.formatMessage({ id: 'nav.workingGroups' })}
          </bdi>
        </Group>
      </Anchor>
      <Title order={1}>
        <FormattedMessage id="dashboard.title" />
      </Title>
      <Text>
        <FormattedMessage id="dashboard.intro" />
      </Text>
      <Anchor component={Link} to={metricsReleasesPath(id)} data-testid="dashboard-metrics-link">
        <FormattedMessage id="metricsReleases.dashboardLink" />
      </Anchor>
      <QueryStatus {...picture} onRetry={refresh}>
        {({ coordinatorPicture: p }) => <CoordinatorPictureView picture={p} />}
      </QueryStatus>
    </Stack>
  );
}
