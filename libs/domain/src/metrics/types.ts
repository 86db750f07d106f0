/**
 * Donor metrics: the shapes shared by the release builder (pure), the API
 * (snapshot job, ledger) and the web (dashboard, export). A release is a
 * set of cells over the fixed public grid for one working group and month.
 */

/** What one unit of privacy is for a metric family (see docs/donor-metrics.md). */
export type PrivacyUnit = 'case' | 'overlap' | 'cluster' | 'referral' | 'organisation';

/** A breakdown over a fixed public vocabulary, or none (a single total cell). */
export type Breakdown =
  'situation' | 'crime_category' | 'overlap_resolution' | 'days_to_lead' | 'referral_status';

/** A cell's address in the grid: the metric and, for a breakdown, its key. */
export interface CellKey {
  metric: MetricId;
  /** Null for a metric without breakdown (its single cell). */
  key: string | null;
}

/**
 * A cell as the snapshot job measures it: true count and how many distinct
 * organisations feed it. Lives only in memory during the computation and
 * never leaves the API process (not stored, not logged, not returned).
 */
export interface TrueCell extends CellKey {
  value: number;
  organisations: number;
}

/**
 * A cell as published. The reason for a suppression is never published
 * (primary and complementary suppressions look the same to a reader).
 */
export interface PublishedCell extends CellKey {
  /** Noisy, rounded value; null when suppressed. */
  value: number | null;
  suppressed: boolean;
}

/** The release-wide parameters (from the hub's configuration). */
export interface ReleaseParameters {
  /** Privacy loss of the whole release, in thousandths (1000 = ε 1). */
  epsilonMilli: number;
  /** Cells whose true value is below this are suppressed (default 10). */
  threshold: number;
  /** Cells fed by fewer organisations are suppressed (default 3). */
  minOrganisations: number;
  /** Published values are rounded to a multiple of this (default 5). */
  rounding: number;
}

/** What a release records about its own method, published with it. */
export interface ReleaseMethod extends ReleaseParameters {
  gridVersion: number;
  /** Per metric: its share of ε (thousandths of the release's ε) and the discrete Laplace scale used. */
  families: Array<{ metric: MetricId; shareMilli: number; sensitivity: number; scale: number }>;
}

export interface Release {
  method: ReleaseMethod;
  cells: PublishedCell[];
  /** Median bucket of days from first overlap to agreed lead, from the noisy histogram; null when not publishable. */
  medianDaysToLead: DaysToLeadBucket | null;
}

/** A uniform source of random integers. Production: the platform CSPRNG; tests: a seeded DRBG. */
export interface RandomSource {
  /** A uniformly random integer in [0, n), n ≥ 1 (n may exceed 2^53: bigint). */
  below(n: bigint): bigint;
}

// Re-declared here so types.ts has no import cycle with grid.ts.
import type { MetricId, DaysToLeadBucket } from './grid.js';
export type { MetricId, DaysToLeadBucket };
