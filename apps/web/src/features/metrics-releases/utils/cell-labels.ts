import type { IntlShape } from 'react-intl';
import type { MessageId } from '../../../i18n/messages';

/**
 * Breakdown keys that already have a name elsewhere in the app (situations,
 * crime categories, referral statuses) reuse it; the rest (unspecified,
 * resolutions, day buckets) are named in `metricsReleases.key`.
 */
const KEY_MESSAGES: Readonly<Record<string, (key: string) => MessageId>> = {
  cases_active_by_situation: (key) => `situation.${key}` as MessageId,
  cases_active_by_crime: (key) => `crime.${key}` as MessageId,
};

export function metricLabel(intl: IntlShape, metric: string): string {
  return intl.formatMessage({ id: 'metricsReleases.metric' }, { metric });
}

/** A cell's breakdown key in words; a metric without breakdown shows "Total". */
export function cellKeyLabel(intl: IntlShape, metric: string, key: string | null): string {
  if (key === null) return intl.formatMessage({ id: 'metricsReleases.total' });
  if (metric === 'referral_outcomes') {
    return intl.formatMessage({ id: 'referral.status' }, { status: key });
  }
  const messageOf = KEY_MESSAGES[metric];
  if (messageOf && key !== 'unspecified') {
    const id = messageOf(key);
    if (intl.messages[id] !== undefined) return intl.formatMessage({ id });
  }
  return intl.formatMessage({ id: 'metricsReleases.key' }, { key });
}
