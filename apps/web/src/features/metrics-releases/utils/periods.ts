import { PERIOD_PATTERN } from '@parallax/domain';

/** How far back the month picker goes: two years of complete months. */
export const PICKABLE_MONTHS = 24;

/** 'YYYY-MM' of a UTC year and 1-based month. */
function period(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/**
 * The complete past months (UTC) a release can be computed for, newest
 * first: the current month is not over, so it is never offered (the API
 * refuses it anyway with METRICS_PERIOD_INVALID).
 */
export function completePastMonths(now: Date, count = PICKABLE_MONTHS): string[] {
  const months: string[] = [];
  let year = now.getUTCFullYear();
  let month = now.getUTCMonth(); // 0-based current month = 1-based previous month
  for (let i = 0; i < count; i += 1) {
    if (month === 0) {
      year -= 1;
      month = 12;
    }
    months.push(period(year, month));
    month -= 1;
  }
  return months;
}

/** The calendar year a period is charged to in the privacy-budget ledger. */
export function periodYear(value: string): number {
  const match = PERIOD_PATTERN.exec(value);
  if (!match) throw new Error(`Not a period: ${value}`);
  return Number(match[1]);
}
