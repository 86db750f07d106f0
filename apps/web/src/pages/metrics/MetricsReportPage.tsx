import { useParams } from 'react-router';
import { MetricsReport } from '../../features/metrics/components/MetricsReport';
import {
  useMetricsGrid,
  usePublishedMetrics,
} from '../../features/metrics/hooks/usePublishedMetrics';
import { usePageTitle } from '../../shell/usePageTitle';
import { QueryStatus } from '../../ui/QueryStatus';
import { NotFoundPage } from '../NotFoundPage';

/** /metrics/report/:workingGroupId: one group's latest numbers on one printable A4 page. */
export function MetricsReportPage() {
  usePageTitle('metrics.report.title');
  const { workingGroupId = '' } = useParams();
  const [metrics, refresh] = usePublishedMetrics();
  const [grid] = useMetricsGrid();
  return (
    <QueryStatus {...metrics} onRetry={refresh}>
      {({ publishedMetrics }) => {
        // Only groups the viewer funds or coordinates are answered; any other id is not found.
        const group = publishedMetrics.find((g) => g.workingGroupId === workingGroupId);
        if (!group) return <NotFoundPage />;
        const cap = grid.data?.metricsGrid.epsilonCapPerYear;
        return (
          <MetricsReport group={group} {...(cap === undefined ? {} : { epsilonCapPerYear: cap })} />
        );
      }}
    </QueryStatus>
  );
}
