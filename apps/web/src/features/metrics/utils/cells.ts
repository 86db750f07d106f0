import type { MetricId } from '@parallax/domain';
import type { MessageId } from '../../../i18n/messages';
import type { MetricCellView, MetricsReleaseView } from '../types';

/** One line or bar of a chart: one cell of the grid followed over the months. */
export interface SeriesDef {
  /** The row field and table column; also the chart's series name. */
  id: string;
  metric: MetricId;
  key: string | null;
  label: MessageId;
  color: string;
  /** A second visual cue besides colour (dashed line, or hatched in print). */
  dashed?: boolean;
}

/** Cases active and overlaps detected, month by month (the line chart). */
export const ACTIVITY_SERIES: readonly SeriesDef[] = [
  {
    id: 'cases_active',
    metric: 'cases_active',
    key: null,
    label: 'metrics.series.casesActive',
    color: 'blue.7',
  },
  {
    id: 'overlaps_detected',
    metric: 'overlaps_detected',
    key: null,
    label: 'metrics.series.overlapsDetected',
    color: 'orange.8',
    dashed: true,
  },
];

/** What came of the work: referrals made and overlaps resolved (the bar chart). */
export const OUTCOME_SERIES: readonly SeriesDef[] = [
  {
    id: 'referrals_made',
    metric: 'referrals_made',
    key: null,
    label: 'metrics.series.referralsMade',
    color: 'teal.8',
  },
  {
    id: 'overlaps_confirmed',
    metric: 'overlaps_resolved',
    key: 'confirmed',
    label: 'metrics.series.overlapsConfirmed',
    color: 'grape.7',
    dashed: true,
  },
  {
    id: 'overlaps_dismissed',
    metric: 'overlaps_resolved',
    key: 'dismissed',
    label: 'metrics.series.overlapsDismissed',
    color: 'gray.7',
    dashed: true,
  },
];

function findCell(
  release: MetricsReleaseView,
  metric: string,
  key: string | null,
): MetricCellView | undefined {
  return release.cells.find((c) => c.metric === metric && (c.key ?? null) === key);
}

/**
 * A published number, or null when it was suppressed (or is absent): a gap
 * in a chart and "—" in a table, never a zero.
 */
export function cellValue(
  release: MetricsReleaseView,
  metric: string,
  key: string | null = null,
): number | null {
  const cell = findCell(release, metric, key);
  if (!cell || cell.suppressed || cell.value === null || cell.value === undefined) return null;
  return cell.value;
}

/** One row per month: the period and each series' value (null = suppressed). */
export type ChartRow = { period: string } & Record<string, number | null | string>;

export function chartRows(
  releases: readonly MetricsReleaseView[],
  series: readonly SeriesDef[],
): ChartRow[] {
  return [...releases]
    .sort((a, b) => a.period.localeCompare(b.period))
    .map((release) => {
      const row: ChartRow = { period: release.period };
      for (const s of series) row[s.id] = cellValue(release, s.metric, s.key);
      return row;
    });
}

/** Whether any value of these rows was suppressed (the legend says what "—" means). */
export function hasSuppressed(rows: readonly ChartRow[], series: readonly SeriesDef[]): boolean {
  return rows.some((row) => series.some((s) => row[s.id] === null));
}

/** The newest release (releases arrive period ascending, but do not rely on it). */
export function latestRelease(
  releases: readonly MetricsReleaseView[],
): MetricsReleaseView | undefined {
  return [...releases].sort((a, b) => b.period.localeCompare(a.period))[0];
}
