import type { PublishedCell } from '@parallax/domain';
import type { MetricsRelease } from './models/metrics-release.model.js';
import type { LedgerRow, ReleaseRow } from './metrics.repository.js';
import type { PrivacyBudget } from './models/privacy-budget.model.js';

/** ε from thousandths, as the API shows it (1000 → 1). */
export const epsilonOf = (milli: number): number => milli / 1000;

/** Only the published fields of a cell, whatever else a caller's object carries. */
export function publishedCell(c: PublishedCell): PublishedCell {
  return {
    metric: c.metric,
    key: c.key,
    value: c.suppressed ? null : c.value,
    suppressed: c.suppressed,
  };
}

export function toRelease(r: ReleaseRow): MetricsRelease {
  return {
    id: r.id,
    workingGroupId: r.working_group_id,
    workingGroupName: r.working_group_name,
    period: r.period,
    status: r.status,
    version: r.version,
    computedAt: r.computed_at,
    publishedAt: r.published_at,
    method: {
      gridVersion: r.method.gridVersion,
      epsilon: epsilonOf(r.method.epsilonMilli),
      threshold: r.method.threshold,
      minOrganisations: r.method.minOrganisations,
      rounding: r.method.rounding,
      families: r.method.families.map((f) => ({ ...f })),
    },
    cells: r.cells.map(publishedCell),
    medianDaysToLead: r.median_days_to_lead,
  };
}

export function toBudget(
  workingGroupId: string,
  year: number,
  capMilli: number,
  rows: readonly LedgerRow[],
): PrivacyBudget {
  const spentMilli = rows.reduce((sum, e) => sum + e.epsilon_milli, 0);
  return {
    workingGroupId,
    year,
    cap: epsilonOf(capMilli),
    spent: epsilonOf(spentMilli),
    remaining: epsilonOf(Math.max(0, capMilli - spentMilli)),
    entries: rows.map((e) => ({
      releaseId: e.release_id,
      period: e.period,
      epsilon: epsilonOf(e.epsilon_milli),
      chargedAt: e.charged_at,
      byJob: e.charged_by === null,
    })),
  };
}
