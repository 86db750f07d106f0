/**
 * What the metrics components read, shaped like the PublishedMetrics and
 * MetricsGrid query results (contract §3) so generated types fit them.
 */
export interface MetricCellView {
  metric: string;
  key?: string | null;
  /** Null when suppressed: a suppressed cell has no number, not zero. */
  value?: number | null;
  suppressed: boolean;
}

export interface MetricsMethodView {
  epsilon: number;
  threshold: number;
  minOrganisations: number;
  rounding: number;
}

export interface MetricsReleaseView {
  id: string;
  workingGroupId: string;
  workingGroupName: string;
  /** 'YYYY-MM', a calendar month in UTC. */
  period: string;
  medianDaysToLead?: string | null;
  method: MetricsMethodView;
  cells: readonly MetricCellView[];
}

export interface GroupMetricsView {
  workingGroupId: string;
  workingGroupName: string;
  /** Published releases, period ascending. */
  releases: readonly MetricsReleaseView[];
}

export interface MetricsGridView {
  epsilonPerRelease: number;
  epsilonCapPerYear: number;
  threshold: number;
  minOrganisations: number;
  rounding: number;
  metrics: ReadonlyArray<{ id: string; hxl: string }>;
}
