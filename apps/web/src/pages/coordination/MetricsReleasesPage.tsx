import { Anchor, Group, Text, Title } from '@mantine/core';
import { FormattedMessage } from 'react-intl';
import { Link, useParams } from 'react-router';
import { RequirePermission } from '../../features/auth/components/RequireAuth';
import { MetricsReleasesView } from '../../features/metrics-releases/components/MetricsReleasesView';
import { usePageTitle } from '../../shell/usePageTitle';
import { BackIcon } from '../../ui/icons';
import { NotFoundPage } from '../NotFoundPage';

/** A working group's donor-metrics releases, for its coordinators. */
export function MetricsReleasesPage() {
  const { workingGroupId = '' } = useParams();
  // The shared policy answers first (a donor or member sees "not allowed");
  // the API decides anyway, and answers NOT_FOUND to anyone else.
  return (
    <RequirePermission
      requires={{ action: 'update', subject: 'MetricsRelease', record: { workingGroupId } }}
    >
      <MetricsReleasesContent workingGroupId={workingGroupId} />
    </RequirePermission>
  );
}

function MetricsReleasesContent({ workingGroupId }: { workingGroupId: string }) {
  usePageTitle('metricsReleases.title');
  const header = (
    <>
      <Anchor component={Link} to={`/working-groups/${workingGroupId}/dashboard`} size="sm">
        <Group gap={4} wrap="nowrap">
          <BackIcon size={16} />
          <FormattedMessage id="metricsReleases.backToDashboard" />
        </Group>
      </Anchor>
      <Title order={1}>
        <FormattedMessage id="metricsReleases.title" />
      </Title>
      <Text>
        <FormattedMessage id="metricsReleases.intro" />
      </Text>
    </>
  );
  return (
    <MetricsReleasesView
      workingGroupId={workingGroupId}
      header={header}
      notFound={<NotFoundPage />}
    />
  );
}
