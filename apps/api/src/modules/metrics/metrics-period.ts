import { PERIOD_PATTERN } from '@parallax/domain';

/** A release period: one calendar month in UTC, [start, end). */
export interface PeriodBounds {
  period: string;
  year: number;
  start: Date;
  end: Date;
}

/** The bounds of a 'YYYY-MM' period, or null when it is not one. */
export function periodBounds(period: string): PeriodBounds | null {
  const match = PERIOD_PATTERN.exec(period);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]) - 1;
  return {
    period,
    year,
    start: new Date(Date.UTC(year, month, 1)),
    end: new Date(Date.UTC(year, month + 1, 1)),
  };
}

/** The 'YYYY-MM' month (UTC) that holds `at`. */
export function monthOf(at: Date): string {
  return `${String(at.getUTCFullYear()).padStart(4, '0')}-${String(at.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** `period` moved by `months` (negative: back). */
export function shiftMonth(period: string, months: number): string {
  const b = periodBounds(period);
  if (!b) throw new Error(`Not a period: ${period}`);
  return monthOf(new Date(Date.UTC(b.year, b.start.getUTCMonth() + months, 1)));
}

/** The last month that is over at `now` (UTC). */
export function lastCompleteMonth(now: Date): string {
  return shiftMonth(monthOf(now), -1);
}

/**
 * A release is made for a month that is over (its data can no longer
 * change under it) and in which the group existed: not the current month,
 * not a future one, not one before the group's creation month.
 */
export function releasablePeriod(
  period: string,
  now: Date,
  groupCreatedAt: Date,
): PeriodBounds | null {
  const b = periodBounds(period);
  if (!b) return null;
  if (b.end.getTime() > now.getTime()) return null;
  if (period < monthOf(groupCreatedAt)) return null;
  return b;
}
