import type { IntlShape } from 'react-intl';

/** Deadlines as a `datetime-local` input holds them (local wall time, no zone) and as the API wants them. */

const DAY_MS = 24 * 60 * 60 * 1000;

/** A proposal gives the others two weeks unless the proposer says otherwise. */
export const DEFAULT_DEADLINE_DAYS = 14;

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DDTHH:mm` in the browser's time zone, the value of a datetime-local input. */
export function toLocalInput(date: Date): string {
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}

export function defaultDeadline(now: Date = new Date()): string {
  return toLocalInput(new Date(now.getTime() + DEFAULT_DEADLINE_DAYS * DAY_MS));
}

/** The instant a datetime-local value means here, as ISO 8601; null when it is not a date. */
export function localInputToIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/u.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** `YYYY-MM-DD` of today here: the default of a referral's date. */
export function todayLocal(now: Date = new Date()): string {
  return toLocalInput(now).slice(0, 10);
}

export type RelativeUnit = 'day' | 'hour' | 'minute';

/** How far `target` is from `now` in the largest whole unit that says it (negative when past). */
export function relativeTo(
  target: string,
  now: Date = new Date(),
): { value: number; unit: RelativeUnit } {
  const diff = Date.parse(target) - now.getTime();
  const abs = Math.abs(diff);
  if (abs >= DAY_MS) return { value: Math.round(diff / DAY_MS), unit: 'day' };
  if (abs >= 60 * 60 * 1000) return { value: Math.round(diff / (60 * 60 * 1000)), unit: 'hour' };
  return { value: Math.round(diff / 60_000), unit: 'minute' };
}

/** A date-only value (YYYY-MM-DD) in the viewer's words, the same calendar day in every time zone. */
export function formatDay(intl: IntlShape, day: string): string {
  return intl.formatDate(`${day.slice(0, 10)}T12:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' });
}
