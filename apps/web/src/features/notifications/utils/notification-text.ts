import type { IntlShape } from 'react-intl';
import type { NotificationsQuery } from '../../../gql/graphql';
import type { MessageId } from '../../../i18n/messages';
import { matchedKindsText } from '../../overlaps/utils/match-kinds';

export type AppNotification = NotificationsQuery['notifications'][number];

interface Payload {
  overlapId?: string;
  caseId?: string;
  caseReference?: string;
  strength?: string;
  matched?: string[];
  organisationName?: string;
  allowed?: number;
  change?: string;
  evaluationsToday?: number;
  epoch?: number;
  userName?: string;
  reason?: string;
  role?: string;
  clusterId?: string;
  status?: string;
  granted?: boolean;
  reopened?: boolean;
}

/** The payload's known fields, checked: it is JSON from the server. */
function payloadOf(notification: AppNotification): Payload {
  const raw = notification.payload;
  if (typeof raw !== 'object' || raw === null) return {};
  const p = raw as Record<string, unknown>;
  const str = (k: string) => (typeof p[k] === 'string' ? (p[k] as string) : undefined);
  const out: Payload = {};
  for (const k of [
    'overlapId',
    'caseId',
    'caseReference',
    'strength',
    'organisationName',
    'change',
    'userName',
    'reason',
    'role',
    'clusterId',
    'status',
  ] as const) {
    const v = str(k);
    if (v !== undefined) out[k] = v;
  }
  if (Array.isArray(p['matched'])) {
    out.matched = p['matched'].filter((m): m is string => typeof m === 'string');
  }
  for (const k of ['allowed', 'evaluationsToday', 'epoch'] as const) {
    const v = p[k];
    if (typeof v === 'number') out[k] = v;
  }
  for (const k of ['granted', 'reopened'] as const) {
    const v = p[k];
    if (typeof v === 'boolean') out[k] = v;
  }
  return out;
}

const STRENGTHS = new Set(['strong', 'probable', 'possible']);

export function strengthLabel(intl: IntlShape, strength: string | undefined): string {
  return STRENGTHS.has(strength ?? '')
    ? intl.formatMessage({ id: `strength.${strength as 'strong' | 'probable' | 'possible'}` })
    : intl.formatMessage({ id: 'strength.unknown' });
}

/** A notification as a sentence in the current language. */
export function notificationText(intl: IntlShape, notification: AppNotification): string {
  const p = payloadOf(notification);
  const cluster = clusterNotificationText(intl, notification.kind, p);
  if (cluster !== null) return cluster;
  const reference = p.caseReference ?? '—';
  const organisation = p.organisationName ?? '—';
  switch (notification.kind) {
    case 'overlap.new':
      return intl.formatMessage(
        { id: 'notification.overlapNew' },
        {
          reference,
          strength: strengthLabel(intl, p.strength),
          kinds: matchedKindsText(intl, p.matched ?? []),
        },
      );
    case 'overlap.upgraded':
      // Rescored across the organisation's alert level (issue 13): it was listed, now it alerts.
      return intl.formatMessage(
        { id: 'notification.overlapUpgraded' },
        {
          reference,
          strength: strengthLabel(intl, p.strength),
          kinds: matchedKindsText(intl, p.matched ?? []),
        },
      );
    case 'overlap.contact_requested':
      return intl.formatMessage({ id: 'notification.contactRequested' }, { reference });
    case 'overlap.contact_accepted':
      return intl.formatMessage({ id: 'notification.contactAccepted' }, { reference });
    case 'overlap.contact_declined':
      return intl.formatMessage({ id: 'notification.contactDeclined' }, { reference });
    case 'oprf.budget_exceeded':
      return intl.formatMessage(
        { id: 'notification.budgetExceeded' },
        { organisation, allowed: intl.formatNumber(p.allowed ?? 0) },
      );
    case 'overlap.counterpart_changed':
      return intl.formatMessage(
        { id: 'notification.counterpartChanged' },
        { reference, change: p.change ?? 'changed' },
      );
    case 'cases.unusual_changes':
      return intl.formatMessage({ id: 'notification.unusualChanges' }, { organisation });
    case 'oprf.unusual_volume':
      return intl.formatMessage(
        { id: 'notification.unusualVolume' },
        { organisation, evaluations: intl.formatNumber(p.evaluationsToday ?? 0) },
      );
    case 'keys.rotation_recommended':
      return intl.formatMessage({ id: 'notification.rotationRecommended' }, { organisation });
    case 'keys.grant_rejected':
      return intl.formatMessage({ id: 'notification.grantRejected' }, { epoch: p.epoch ?? 0 });
    case 'keys.certified':
      return intl.formatMessage({ id: 'notification.certified' });
    case 'keys.access_requested':
      return intl.formatMessage(
        { id: 'notification.keyAccessRequested' },
        { name: p.userName ?? '—', organisation, reason: p.reason ?? 'other' },
      );
    case 'metrics.draft_ready':
      return intl.formatMessage({ id: 'notifications.metricsDraftReady' });
    default:
      return intl.formatMessage({ id: 'notification.other' }, { kind: notification.kind });
  }
}

/** The sentences of the coordination after an overlap (issue 11), whose payloads hold ids only. */
const CLUSTER_TEXTS: ReadonlyMap<string, MessageId> = new Map<string, MessageId>([
  ['cluster.message', 'notifications.clusterMessage'],
  ['arrangement.proposed', 'notifications.arrangementProposed'],
  ['arrangement.countered', 'notifications.arrangementCountered'],
  ['arrangement.accepted', 'notifications.arrangementAccepted'],
  ['arrangement.rejected', 'notifications.arrangementRejected'],
  ['arrangement.agreed', 'notifications.arrangementAgreed'],
  ['arrangement.escalated', 'notifications.arrangementEscalated'],
  ['arrangement.decided', 'notifications.arrangementDecided'],
  ['arrangement.commented', 'notifications.arrangementCommented'],
  ['arrangement.reopen_requested', 'notifications.arrangementReopenRequested'],
  ['arrangement.reopen_answered', 'notifications.arrangementReopenAnswered'],
  ['arrangement.party_joined', 'notifications.arrangementPartyJoined'],
  ['arrangement.party_left', 'notifications.arrangementPartyLeft'],
  ['referral.recorded', 'notifications.referralRecorded'],
  ['referral.updated', 'notifications.referralUpdated'],
  ['referral.reminder', 'notifications.referralReminder'],
]);

function clusterNotificationText(intl: IntlShape, kind: string, p: Payload): string | null {
  const id = CLUSTER_TEXTS.get(kind);
  if (!id) return null;
  // Every select has an `other` branch: a payload without the detail still reads well.
  return intl.formatMessage(
    { id },
    {
      reason: p.reason ?? 'other',
      granted: p.granted === undefined ? 'other' : String(p.granted),
      reopened: p.reopened === undefined ? 'other' : String(p.reopened),
      status: p.status ?? 'other',
    },
  );
}

/** Alerts about an organisation's volume: they lead coordinators to the group's dashboard. */
const COORDINATOR_ALERTS: ReadonlySet<string> = new Set([
  'oprf.budget_exceeded',
  'oprf.unusual_volume',
  'cases.unusual_changes',
]);

/** Where a notification leads. */
export function notificationLink(notification: AppNotification): string | null {
  const p = payloadOf(notification);
  // Each cluster alert leads to the cluster page (conversation, arrangement, referrals).
  if (CLUSTER_TEXTS.has(notification.kind))
    return p.clusterId ? `/clusters/${encodeURIComponent(p.clusterId)}` : '/clusters';
  if (notification.kind.startsWith('overlap.'))
    return p.caseId ? `/cases/${p.caseId}` : '/overlaps';
  if (COORDINATOR_ALERTS.has(notification.kind) && notification.workingGroupId) {
    return `/working-groups/${notification.workingGroupId}/dashboard`;
  }
  if (notification.kind === 'metrics.draft_ready' && notification.workingGroupId) {
    return `/coordination/${encodeURIComponent(notification.workingGroupId)}/metrics`;
  }
  // A member's key is verified on the organisation page; admins' keys and sharing, on the group's.
  if (
    notification.kind === 'keys.access_requested' &&
    p.reason === 'uncertified' &&
    p.role !== 'org_admin'
  ) {
    return '/organisation';
  }
  if (notification.kind.startsWith('keys.') && notification.workingGroupId) {
    return `/working-groups/${notification.workingGroupId}`;
  }
  return null;
}
