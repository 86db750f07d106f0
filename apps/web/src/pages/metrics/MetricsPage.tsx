import { Stack } from '@mantine/core';
import { MetricsDashboard } from '../../features/metrics/components/MetricsDashboard';
import {
  useMetricsGrid,
  usePublishedMetrics,
} from '../../features/metrics/hooks/usePublishedMetrics';
import { usePageTitle } from '../../shell/usePageTitle';
import { QueryStatus } from '../../ui/QueryStatus';

/** /metrics: the published numbers of the groups the viewer funds or coordinates. */
export function MetricsPage() {
  usePageTitle('nav.metrics');
  const [metrics, refreshMetrics] = usePublishedMetrics();
  const [grid, refreshGrid] = useMetricsGrid();
  return (
    <Stack maw={1200}>
      <QueryStatus {...metrics} onRetry={refreshMetrics}>
        {({ publishedMetrics }) => (
          <QueryStatus {...grid} onRetry={refreshGrid}>
            {({ metricsGrid }) => <MetricsDashboard groups={publishedMetrics} grid={metricsGrid} />}
          </QueryStatus>
        )}
      </QueryStatus>
    </Stack>
  );
}
