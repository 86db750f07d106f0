/**
 * The follow-up of a referral of a cluster to an authority. A referral starts
 * `referred`; the authority acknowledges it, opens an investigation or
 * declines; an investigation may lead to outcomes, recorded as the furthest
 * stage reached (arrest, then charges, then trial — a stage may be skipped:
 * charges without an arrest, an arrest warrant tried in absentia); anything
 * ends `closed`.
 *
 *   referred             -> acknowledged | investigation_opened | declined | closed
 *   acknowledged         -> investigation_opened | declined | closed
 *   investigation_opened -> arrest | charges | trial | closed
 *   arrest               -> charges | trial | closed
 *   charges              -> trial | closed
 *   trial                -> closed
 *   declined             -> closed
 *   closed               (final)
 *
 * The graph is acyclic (a status never comes back), so "the number of
 * referrals that reached charges" is a plain count of histories.
 */
export const REFERRAL_STATUSES = [
  'referred',
  'acknowledged',
  'investigation_opened',
  'declined',
  'arrest',
  'charges',
  'trial',
  'closed',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** The outcomes an investigation can reach, in the order they usually come. */
export const REFERRAL_OUTCOMES = [
  'arrest',
  'charges',
  'trial',
] as const satisfies readonly ReferralStatus[];

const NEXT: Readonly<Record<ReferralStatus, readonly ReferralStatus[]>> = {
  // An authority may open an investigation without a formal acknowledgement.
  referred: ['acknowledged', 'investigation_opened', 'declined', 'closed'],
  acknowledged: ['investigation_opened', 'declined', 'closed'],
  investigation_opened: ['arrest', 'charges', 'trial', 'closed'],
  arrest: ['charges', 'trial', 'closed'],
  charges: ['trial', 'closed'],
  trial: ['closed'],
  declined: ['closed'],
  closed: [],
};

/** The statuses a referral may move to from `status` (none once closed). */
export function nextReferralStatuses(status: ReferralStatus): ReferralStatus[] {
  return [...NEXT[status]];
}

export function isReferralStatus(value: unknown): value is ReferralStatus {
  return typeof value === 'string' && (REFERRAL_STATUSES as readonly string[]).includes(value);
}

export function canMoveReferral(from: ReferralStatus, to: ReferralStatus): boolean {
  return NEXT[from].includes(to);
}

/**
 * Whether the parties still wait for news from the authority: then they are
 * reminded to record feedback. A declined or closed referral needs no more.
 */
export function awaitsFeedback(status: ReferralStatus): boolean {
  return status !== 'closed' && status !== 'declined';
}
