import { Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { FormattedMessage } from 'react-intl';
import { Link } from 'react-router';
import type { GroupMetricsView } from '../types';
import { ACTIVITY_SERIES, OUTCOME_SERIES, latestRelease } from '../utils/cells';
import { useMetricsFormat } from '../utils/format';
import { MetricsChart } from './MetricsChart';

/** One working group's small multiples: activity over the months and what came of it. */
export function GroupMetricsCard({ group }: { group: GroupMetricsView }) {
  const format = useMetricsFormat();
  const latest = latestRelease(group.releases);
  const titleId = `metrics-group-title-${group.workingGroupId}`;
  return (
    <Stack
      gap="sm"
      component="section"
      aria-labelledby={titleId}
      data-testid={`metrics-group-${group.workingGroupId}`}
    >
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={2} size="h3" id={titleId}>
            <bdi>{group.workingGroupName}</bdi>
          </Title>
          <Text size="sm" c="dimmed">
            {latest ? (
              <FormattedMessage
                id="metrics.latestRelease"
                values={{ month: format.month(latest.period) }}
              />
            ) : (
              <FormattedMessage id="metrics.noRelease" />
            )}
          </Text>
        </Stack>
        {latest && (
          <Button
            component={Link}
            to={`/metrics/report/${group.workingGroupId}`}
            variant="default"
            size="xs"
            data-testid="metrics-report-link"
          >
            <FormattedMessage id="metrics.reportLink" />
          </Button>
        )}
      </Group>
      {latest && (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <MetricsChart
            kind="line"
            title="metrics.chart.activity"
            description="metrics.chart.activityDescription"
            series={ACTIVITY_SERIES}
            releases={group.releases}
            data-testid="metrics-chart-cases"
          />
          <MetricsChart
            kind="bar"
            title="metrics.chart.outcomes"
            description="metrics.chart.outcomesDescription"
            series={OUTCOME_SERIES}
            releases={group.releases}
            data-testid="metrics-chart-outcomes"
          />
        </SimpleGrid>
      )}
    </Stack>
  );
}
