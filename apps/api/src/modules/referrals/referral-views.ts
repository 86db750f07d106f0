import { nextReferralStatuses } from '@parallax/domain';
import type { Referral } from './models/referral.model.js';
import type { ReferralAuthorities } from './referral-authorities.js';
import { isReminderDue } from './referral-rules.js';
import type { ReferralEventRow, ReferralRow } from './referrals.repository.js';

export interface ReferralViewContext {
  authorities: ReferralAuthorities;
  now: Date;
  reminderDays: number;
  /** Whether the viewer may move this referral on (its nextStatuses are empty otherwise). */
  mayUpdate: (row: ReferralRow) => boolean;
}

/** The GraphQL shape of stored referrals, with their histories (oldest first). */
export function toReferrals(
  rows: readonly ReferralRow[],
  events: readonly ReferralEventRow[],
  ctx: ReferralViewContext,
): Referral[] {
  const byReferral = new Map<string, ReferralEventRow[]>();
  for (const e of events) {
    const list = byReferral.get(e.referral_id) ?? [];
    list.push(e);
    byReferral.set(e.referral_id, list);
  }
  return rows.map((r) => ({
    id: r.id,
    clusterId: r.cluster_id,
    organisationId: r.organisation_id,
    authorityId: r.authority_id,
    authorityName: ctx.authorities.nameOf(r.authority_id, r.authority_name),
    referredOn: r.referred_on,
    categories: r.categories,
    status: r.status,
    statusOn: r.status_on,
    version: r.version,
    nextStatuses: ctx.mayUpdate(r) ? nextReferralStatuses(r.status) : [],
    history: (byReferral.get(r.id) ?? []).map((e) => ({
      version: e.version,
      status: e.status,
      statusOn: e.status_on,
      at: e.created_at,
      actorOrganisationId: e.actor_organisation_id,
      noteMessageId: e.note_message_id,
    })),
    reminderDue: isReminderDue(r.status, r.status_changed_at, ctx.now, ctx.reminderDays),
  }));
}
