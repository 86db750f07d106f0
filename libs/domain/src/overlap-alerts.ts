import { OVERLAP_STRENGTHS, type OverlapStrength } from './cases.js';

/*
 * Alert levels (issue 13, alert fatigue). Every overlap is stored, audited
 * and listed on its cases; an organisation is *notified* only of those at
 * or above its level. Most overlaps of a large group are "possible" (often
 * namesakes): notifying each one would drown the alerts people must read.
 */

/** An organisation's alert level: the weakest overlap strength that notifies it. */
export type OverlapAlertLevel = OverlapStrength;
export const OVERLAP_ALERT_LEVELS: readonly OverlapAlertLevel[] = OVERLAP_STRENGTHS;

/** Until its admins choose otherwise: probable and strong overlaps notify, possible ones are only listed. */
export const DEFAULT_OVERLAP_ALERT_LEVEL: OverlapAlertLevel = 'probable';

/** The strengths that notify at the default level. */
export const NOTIFY_STRENGTHS_DEFAULT: readonly OverlapStrength[] = ['strong', 'probable'];

const RANK: Readonly<Record<OverlapStrength, number>> = { possible: 0, probable: 1, strong: 2 };

export function isOverlapAlertLevel(value: unknown): value is OverlapAlertLevel {
  return typeof value === 'string' && Object.hasOwn(RANK, value);
}

/** Whether an overlap of `strength` notifies an organisation at `level`. */
export function strengthNotifies(strength: OverlapStrength, level: OverlapAlertLevel): boolean {
  return RANK[strength] >= RANK[level];
}

/** The strengths that notify at `level`, strongest first. */
export function notifiedStrengths(level: OverlapAlertLevel): OverlapStrength[] {
  return OVERLAP_STRENGTHS.filter((s) => strengthNotifies(s, level));
}

/**
 * Whether a side at `level` must now hear of an overlap stored before at
 * `before` (null: not stored before) and now at `after`: when it reaches the
 * level and did not before. A side is told once per crossing, never again for
 * a rescore within the notified band.
 */
export function crossesAlertLevel(
  before: OverlapStrength | null,
  after: OverlapStrength,
  level: OverlapAlertLevel,
): boolean {
  return strengthNotifies(after, level) && (before === null || !strengthNotifies(before, level));
}
