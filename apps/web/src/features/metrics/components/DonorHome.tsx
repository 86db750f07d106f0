import { Button, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { FormattedMessage } from 'react-intl';
import { Link } from 'react-router';
import { QueryStatus } from '../../../ui/QueryStatus';
import { ChartIcon } from '../../../ui/icons';
import { usePublishedMetrics } from '../hooks/usePublishedMetrics';
import type { GroupMetricsView } from '../types';
import { cellValue, latestRelease } from '../utils/cells';
import { useMetricsFormat } from '../utils/format';

/** A donor's home: the groups they fund, each with its latest published numbers. */
export function DonorHome() {
  const [metrics, refresh] = usePublishedMetrics();
  return (
    <Stack gap="md" maw={900} data-testid="home-donor">
      <Title order={1}>
        <FormattedMessage id="home.donorTitle" />
      </Title>
      <Text size="lg">
        <FormattedMessage id="home.donorIntro" />
      </Text>
      <QueryStatus {...metrics} onRetry={refresh}>
        {({ publishedMetrics }) =>
          publishedMetrics.length === 0 ? (
            <Text c="dimmed" data-testid="home-donor-no-groups">
              <FormattedMessage id="home.donorNoGroups" />
            </Text>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {publishedMetrics.map((group) => (
                <GroupSummary key={group.workingGroupId} group={group} />
              ))}
            </SimpleGrid>
          )
        }
      </QueryStatus>
      <div>
        <Button
          component={Link}
          to="/metrics"
          leftSection={<ChartIcon size={16} />}
          data-testid="home-donor-metrics-link"
        >
          <FormattedMessage id="home.donorOpenMetrics" />
        </Button>
      </div>
    </Stack>
  );
}

function GroupSummary({ group }: { group: GroupMetricsView }) {
  const format = useMetricsFormat();
  const latest = latestRelease(group.releases);
  return (
    <Paper withBorder p="md" data-testid={`home-donor-group-${group.workingGroupId}`}>
      <Stack gap={6}>
        <Text fw={600}>
          <bdi>{group.workingGroupName}</bdi>
        </Text>
        {latest ? (
          <>
            <Text size="sm" c="dimmed">
              <FormattedMessage
                id="metrics.latestRelease"
                values={{ month: format.month(latest.period) }}
              />
            </Text>
            <Text size="sm" data-testid="home-donor-figures">
              <FormattedMessage
                id="home.donorFigures"
                values={{
                  cases: format.count(cellValue(latest, 'cases_active')),
                  overlaps: format.count(cellValue(latest, 'overlaps_detected')),
                  referrals: format.count(cellValue(latest, 'referrals_made')),
                }}
              />
            </Text>
          </>
        ) : (
          <Text size="sm" c="dimmed" data-testid="home-donor-no-release">
            <FormattedMessage id="metrics.noRelease" />
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
