import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { FormattedMessage } from 'react-intl';
import type { GroupMetricsView, MetricsGridView } from '../types';
import { downloadCsv, metricsCsv, metricsFileName } from '../utils/metrics-csv';
import { GroupMetricsCard } from './GroupMetricsCard';
import { ProtectionExplainer } from './ProtectionExplainer';
import { SuppressionLegend } from './SuppressionLegend';

/** The donor dashboard: every group the viewer funds or coordinates, side by side. */
export function MetricsDashboard({
  groups,
  grid,
}: {
  groups: readonly GroupMetricsView[];
  grid: MetricsGridView;
}) {
  const published = groups.some((g) => g.releases.length > 0);
  return (
    <Stack gap="lg" data-testid="metrics-dashboard">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4} maw={760}>
          <Title order={1}>
            <FormattedMessage id="metrics.title" />
          </Title>
          <Text>
            <FormattedMessage id="metrics.intro" />
          </Text>
        </Stack>
        {published && (
          <Button
            variant="default"
            onClick={() => downloadCsv(metricsCsv(groups), metricsFileName(new Date()))}
            data-testid="metrics-export-csv"
          >
            <FormattedMessage id="metrics.exportCsv" />
          </Button>
        )}
      </Group>
      <SuppressionLegend />
      {groups.length === 0 ? (
        <Text c="dimmed" data-testid="metrics-no-groups">
          <FormattedMessage id="metrics.noGroups" />
        </Text>
      ) : (
        groups.map((group) => <GroupMetricsCard key={group.workingGroupId} group={group} />)
      )}
      <ProtectionExplainer parameters={grid} />
    </Stack>
  );
}
