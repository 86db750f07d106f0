import {
  awaitsFeedback,
  leadersOf,
  roleOf,
  type PartyRole,
  type ReferralStatus,
} from '@parallax/domain';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The earliest day a referral can plausibly carry (catches a mistyped year). */
const EARLIEST_DAY = '1945-01-01';
/** The furthest time zone is UTC+14: "today" there may already be tomorrow in UTC. */
const FURTHEST_ZONE_MS = 14 * 60 * 60 * 1000;

/**
 * Why a YYYY-MM-DD value is not a day a referral event can have happened on,
 * or null: it must exist in the calendar (no 31 April) and not lie in the
 * future for anyone on Earth at `now`.
 */
export function dayProblem(day: string, now: Date): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return 'Give a day as YYYY-MM-DD';
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d)
    return 'This day does not exist';
  if (day < EARLIEST_DAY) return `A day before ${EARLIEST_DAY} is surely a typing error`;
  const latest = new Date(now.getTime() + FURTHEST_ZONE_MS).toISOString().slice(0, 10);
  if (day > latest) return 'The day is in the future';
  return null;
}

/**
 * May this organisation refer the cluster, under the roles in force? The
 * lead and co-leads may, and any party the arrangement allows (`mayRefer`).
 * With no arrangement in force nobody may: who speaks for the cluster to an
 * authority is exactly what the arrangement settles.
 */
export function mayRefer(inForce: readonly PartyRole[] | null, organisationId: string): boolean {
  const r = roleOf(inForce, organisationId);
  return r !== undefined && (r.role === 'lead' || r.role === 'co_lead' || r.mayRefer);
}

/** The organisation that recorded a referral follows it up, and so may those who lead now. */
export function mayFollowUp(
  inForce: readonly PartyRole[] | null,
  organisationId: string,
  recordedBy: string,
): boolean {
  return organisationId === recordedBy || leadersOf(inForce).includes(organisationId);
}

/** The authority's news is overdue: still awaited, and nothing recorded for `days` days. */
export function isReminderDue(
  status: ReferralStatus,
  statusChangedAt: Date,
  now: Date,
  days: number,
): boolean {
  return awaitsFeedback(status) && now.getTime() - statusChangedAt.getTime() >= days * DAY_MS;
}

/** The instant before which a referral's last news makes it due for a reminder. */
export function reminderCutoff(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}
