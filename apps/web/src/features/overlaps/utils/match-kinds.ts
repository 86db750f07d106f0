import type { IntlShape } from 'react-intl';
import type { MessageId } from '../../../i18n/messages';

/** Key kinds of fingerprint schema v2 and their readable names. */
const KIND_LABELS: Readonly<Record<string, MessageId>> = {
  'name.full': 'matchKind.nameFull',
  'name.pair': 'matchKind.namePair',
  'name.sub': 'matchKind.nameSub',
  'name.glued': 'matchKind.nameGlued',
  'name.pair+yob': 'matchKind.namePairYob',
  'name.full+dob': 'matchKind.nameFullDob',
  'name.part+dob': 'matchKind.namePartDob',
  'id.passport': 'matchKind.passport',
  'id.national': 'matchKind.nationalId',
  'id.tax': 'matchKind.taxId',
  'id.ssn': 'matchKind.socialSecurity',
  'id.aircraft': 'matchKind.aircraft',
  'id.plate': 'matchKind.plate',
  'id.wallet': 'matchKind.wallet',
  'id.iban': 'matchKind.iban',
  'id.imei': 'matchKind.imei',
  'id.vin': 'matchKind.vin',
  'id.driving': 'matchKind.drivingLicence',
  phone: 'matchKind.phone',
  email: 'matchKind.email',
};

/** Platforms are brand names: the same in every language. */
const PLATFORM_NAMES: Readonly<Record<string, string>> = {
  twitter: 'X (Twitter)',
  telegram: 'Telegram',
  facebook: 'Facebook',
  instagram: 'Instagram',
  tiktok: 'TikTok',
  youtube: 'YouTube',
  vk: 'VK',
  ok: 'Odnoklassniki',
  linkedin: 'LinkedIn',
  github: 'GitHub',
  skype: 'Skype',
  snapchat: 'Snapchat',
  reddit: 'Reddit',
  threads: 'Threads',
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  signal: 'Signal',
  wechat: 'WeChat',
};

/** A matched key kind as people read it: "name pair + birth year", "passport number", "Telegram account"… */
export function matchKindLabel(intl: IntlShape, kind: string): string {
  const id = KIND_LABELS[kind];
  if (id) return intl.formatMessage({ id });
  if (kind.startsWith('handle.')) {
    const platform = kind.slice('handle.'.length);
    return intl.formatMessage(
      { id: 'matchKind.handle' },
      { platform: PLATFORM_NAMES[platform] ?? platform },
    );
  }
  if (kind.startsWith('id.')) {
    return intl.formatMessage({ id: 'matchKind.otherId' }, { type: kind.slice('id.'.length) });
  }
  return intl.formatMessage({ id: 'matchKind.other' }, { kind });
}

/** The matched kinds as one phrase: "name pair, name pair + birth year and full name". */
export function matchedKindsText(intl: IntlShape, kinds: readonly string[]): string {
  const labels = [...new Set(kinds.map((k) => matchKindLabel(intl, k)))];
  return intl.formatList(labels, { type: 'conjunction' });
}
