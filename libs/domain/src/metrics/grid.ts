import { CRIME_CATEGORIES, SITUATIONS } from '../cases.js';
import { REFERRAL_STATUSES } from '../referral/status.js';
import type { Breakdown, PrivacyUnit } from './types.js';

/**
 * The fixed, public grid of donor metrics: per working group and month,
 * these cells and no others. Changing it is a new GRID_VERSION (releases
 * record the version they were made with). Sharing agreements join the
 * grid when they exist (a later version).
 */
export const GRID_VERSION = 1;

export const METRIC_IDS = [
  'cases_active',
  'cases_active_by_situation',
  'cases_active_by_crime',
  'cases_registered',
  'overlaps_detected',
  'overlaps_resolved',
  'clusters_lead_agreed',
  'days_to_lead',
  'referrals_made',
  'referral_outcomes',
  'member_organisations',
] as const;
export type MetricId = (typeof METRIC_IDS)[number];

/** Buckets of days from a cluster's first overlap to its agreed (or decided) lead. */
export const DAYS_TO_LEAD_BUCKETS = ['0_7', '8_30', '31_90', '91_plus'] as const;
export type DaysToLeadBucket = (typeof DAYS_TO_LEAD_BUCKETS)[number];

/** A case with no situation tag is counted here, so the breakdown adds up to the total. */
export const UNSPECIFIED_SITUATION = 'unspecified';

/** At most this many crime categories of one case are counted (the first ones in vocabulary order). */
export const MAX_CRIME_CATEGORIES_COUNTED = 3;

export const OVERLAP_RESOLUTIONS = ['confirmed', 'dismissed'] as const;

export interface MetricDefinition {
  id: MetricId;
  breakdown: Breakdown | null;
  /** The breakdown's keys (empty for a total). */
  keys: readonly string[];
  /** What one unit of privacy is for this metric. */
  unit: PrivacyUnit;
  /** L1 change of this metric's cells when one unit is added or removed. */
  sensitivity: number;
  /** Share of the release's ε, in thousandths; the shares add up to 1000. */
  shareMilli: number;
  /** HXL hashtag with attributes for the CSV export. */
  hxl: string;
  /** The total this breakdown adds up to exactly, if any (complementary suppression works on it). */
  sumsTo: MetricId | null;
}

/**
 * Why these numbers: every metric counts distinct units; a breakdown where
 * a unit falls in exactly one cell has sensitivity 1, and the crime
 * breakdown counts up to MAX_CRIME_CATEGORIES_COUNTED cells per case. The
 * shares give case counts (what donors ask first) the largest part of ε.
 */
export const METRICS: readonly MetricDefinition[] = [
  {
    id: 'cases_active',
    breakdown: null,
    keys: [],
    unit: 'case',
    sensitivity: 1,
    shareMilli: 150,
    hxl: '#indicator+num+cases_active',
    sumsTo: null,
  },
  {
    id: 'cases_active_by_situation',
    breakdown: 'situation',
    keys: [...SITUATIONS, UNSPECIFIED_SITUATION],
    unit: 'case',
    sensitivity: 1,
    shareMilli: 100,
    hxl: '#indicator+num+cases_active+situation',
    sumsTo: 'cases_active',
  },
  {
    id: 'cases_active_by_crime',
    breakdown: 'crime_category',
    keys: CRIME_CATEGORIES,
    unit: 'case',
    sensitivity: MAX_CRIME_CATEGORIES_COUNTED,
    shareMilli: 100,
    hxl: '#indicator+num+cases_active+crime',
    sumsTo: null,
  },
  {
    id: 'cases_registered',
    breakdown: null,
    keys: [],
    unit: 'case',
    sensitivity: 1,
    shareMilli: 100,
    hxl: '#indicator+num+cases_registered',
    sumsTo: null,
  },
  {
    id: 'overlaps_detected',
    breakdown: null,
    keys: [],
    unit: 'overlap',
    sensitivity: 1,
    shareMilli: 100,
    hxl: '#indicator+num+overlaps_detected',
    sumsTo: null,
  },
  {
    id: 'overlaps_resolved',
    breakdown: 'overlap_resolution',
    keys: OVERLAP_RESOLUTIONS,
    unit: 'overlap',
    sensitivity: 1,
    shareMilli: 100,
    hxl: '#indicator+num+overlaps_resolved',
    sumsTo: null,
  },
  {
    id: 'clusters_lead_agreed',
    breakdown: null,
    keys: [],
    unit: 'cluster',
    sensitivity: 1,
    shareMilli: 75,
    hxl: '#indicator+num+clusters_lead_agreed',
    sumsTo: null,
  },
  {
    id: 'days_to_lead',
    breakdown: 'days_to_lead',
    keys: DAYS_TO_LEAD_BUCKETS,
    unit: 'cluster',
    sensitivity: 1,
    shareMilli: 75,
    hxl: '#indicator+num+clusters_lead_agreed+days',
    sumsTo: 'clusters_lead_agreed',
  },
  {
    id: 'referrals_made',
    breakdown: null,
    keys: [],
    unit: 'referral',
    sensitivity: 1,
    shareMilli: 75,
    hxl: '#indicator+num+referrals',
    sumsTo: null,
  },
  {
    id: 'referral_outcomes',
    breakdown: 'referral_status',
    keys: REFERRAL_STATUSES.filter((s) => s !== 'referred'),
    unit: 'referral',
    sensitivity: 1,
    shareMilli: 75,
    hxl: '#indicator+num+referrals+outcome',
    sumsTo: null,
  },
  {
    id: 'member_organisations',
    breakdown: null,
    keys: [],
    unit: 'organisation',
    sensitivity: 1,
    shareMilli: 50,
    hxl: '#indicator+num+organisations',
    sumsTo: null,
  },
];

export function metricDefinition(id: MetricId): MetricDefinition {
  const found = METRICS.find((m) => m.id === id);
  if (!found) throw new Error(`Unknown metric ${id}`);
  return found;
}

/** Every cell of the grid, in a stable order (metric order, then key order). */
export function gridCells(): Array<{ metric: MetricId; key: string | null }> {
  return METRICS.flatMap((m): Array<{ metric: MetricId; key: string | null }> =>
    m.keys.length === 0
      ? [{ metric: m.id, key: null }]
      : m.keys.map((key) => ({ metric: m.id, key })),
  );
}

/** "2026-10": a release period is one calendar month (UTC). */
export const PERIOD_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;
