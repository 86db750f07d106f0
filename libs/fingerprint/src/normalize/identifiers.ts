/**
 * Identifier normalisation (schema v1): document numbers, phone numbers
 * (E.164 via libphonenumber-js), e-mail addresses, social handles per
 * platform and free `{type, value}` identifiers.
 */
import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js';

/** Cyrillic and Greek capitals that look like Latin ones, as found in document numbers. */
// prettier-ignore
const HOMOGLYPHS: Readonly<Record<string, string>> = {
  'А': 'A', 'В': 'B', 'Е': 'E', 'К': 'K', 'М': 'M', 'Н': 'H', 'О': 'O', 'Р': 'P', 'С': 'C',
  'Т': 'T', 'У': 'Y', 'Х': 'X', 'І': 'I', 'Ј': 'J', 'Ѕ': 'S',
  'Α': 'A', 'Β': 'B', 'Ε': 'E', 'Ζ': 'Z', 'Η': 'H', 'Ι': 'I', 'Κ': 'K', 'Μ': 'M', 'Ν': 'N',
  'Ο': 'O', 'Ρ': 'P', 'Τ': 'T', 'Υ': 'Y', 'Χ': 'X',
};

/**
 * A document number (passport, national id, plate, tail number…): NFKC,
 * upper case, look-alike Cyrillic/Greek capitals folded to Latin, every
 * separator removed, and a leading "No." / "Passport" label dropped.
 * Returns null when fewer than 3 characters remain.
 */
export function normalizeDocumentNumber(value: string): string | null {
  let s = value.normalize('NFKC').toUpperCase().trim();
  s = s.replace(/^(?:(?:PASSPORT|NATIONAL|ID|NO|NR|NUM|NUMBER|N°)[\s.:#°-]+)+(?=.*\d)/u, '');
  let out = '';
  for (const ch of s) {
    const mapped = HOMOGLYPHS[ch] ?? ch;
    if (/[\p{L}\p{N}]/u.test(mapped)) out += mapped.normalize('NFD').replace(/\p{M}/gu, '');
  }
  return out.length >= 3 ? out : null;
}

/**
 * A phone number in E.164 ("+4915123456789"). Numbers without an
 * international prefix need `defaultCountry` (ISO 3166 alpha-2). Returns null
 * when the number cannot be a phone number.
 */
export function normalizePhone(value: string, defaultCountry?: string): string | null {
  const text = value
    .normalize('NFKC')
    .trim()
    .replace(/^00(?=\d)/u, '+');
  const country =
    defaultCountry !== undefined && isSupportedCountry(defaultCountry.toUpperCase())
      ? defaultCountry.toUpperCase()
      : undefined;
  const parsed =
    country !== undefined
      ? parsePhoneNumberFromString(
          text,
          country as Parameters<typeof parsePhoneNumberFromString>[1] & string,
        )
      : parsePhoneNumberFromString(text);
  if (parsed?.isPossible()) return parsed.number;
  // an international number the metadata does not know the plan of: keep its digits as written
  const digits = text.replace(/[\s().\-/]/gu, '');
  return /^\+[1-9]\d{6,14}$/u.test(digits) ? digits : null;
}

const GMAIL_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

/**
 * An e-mail address: trimmed, "mailto:" removed, lower-cased, "+tag"
 * sub-addresses removed; Gmail dots ignored. Returns null when not an address.
 */
export function normalizeEmail(value: string): string | null {
  const s = value
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/^mailto:/u, '');
  const m = /^([^@\s]+)@([^@\s]+\.[^@\s]+)$/u.exec(s);
  if (!m) return null;
  let local = (m[1] as string).replace(/\+.*$/u, '');
  let domain = m[2] as string;
  if (GMAIL_DOMAINS.has(domain)) {
    local = local.replace(/\./gu, '');
    domain = 'gmail.com';
  }
  return local.length > 0 ? `${local}@${domain}` : null;
}

/** Social platforms and the host names their profile URLs use. */
// prettier-ignore
const PLATFORMS: Readonly<Record<string, readonly string[]>> = {
  twitter: ['twitter', 'x', 'xcom', 'tw'],
  telegram: ['telegram', 'tg', 'tme'],
  facebook: ['facebook', 'fb'],
  instagram: ['instagram', 'ig', 'insta'],
  tiktok: ['tiktok'],
  youtube: ['youtube', 'yt'],
  vk: ['vk', 'vkontakte'],
  ok: ['ok', 'odnoklassniki'],
  linkedin: ['linkedin'],
  github: ['github'],
  skype: ['skype'],
  snapchat: ['snapchat'],
  reddit: ['reddit'],
  threads: ['threads'],
  mastodon: ['mastodon'],
  bluesky: ['bluesky', 'bsky'],
  signal: ['signal'],
  wechat: ['wechat', 'weixin'],
};

const PLATFORM_BY_ALIAS: ReadonlyMap<string, string> = new Map(
  Object.entries(PLATFORMS).flatMap(([platform, aliases]) =>
    aliases.map((a) => [a, platform] as const),
  ),
);

/** Identifier types that are not handles, by the names users give them. */
// prettier-ignore
const TYPE_ALIASES: Readonly<Record<string, string>> = {
  passport: 'id.passport', passportnumber: 'id.passport',
  national: 'id.national', nationalid: 'id.national', idnumber: 'id.national', id: 'id.national',
  nationalidnumber: 'id.national', idcard: 'id.national',
  tax: 'id.tax', taxnumber: 'id.tax', taxid: 'id.tax', inn: 'id.tax', inncode: 'id.tax', tin: 'id.tax',
  ssn: 'id.ssn', socialsecuritynumber: 'id.ssn',
  phone: 'phone', telephone: 'phone', tel: 'phone', mobile: 'phone', whatsapp: 'phone', cell: 'phone',
  email: 'email', mail: 'email', emailaddress: 'email',
  aircraft: 'id.aircraft', tail: 'id.aircraft', tailnumber: 'id.aircraft', aircraftregistration: 'id.aircraft',
  plate: 'id.plate', licenseplate: 'id.plate', licenceplate: 'id.plate', numberplate: 'id.plate',
  vehicleplate: 'id.plate', vehicle: 'id.plate', registrationplate: 'id.plate',
  wallet: 'id.wallet', cryptowallet: 'id.wallet', btc: 'id.wallet', bitcoin: 'id.wallet', eth: 'id.wallet',
  ethereum: 'id.wallet', usdt: 'id.wallet', tron: 'id.wallet', trx: 'id.wallet', xmr: 'id.wallet',
  iban: 'id.iban', imo: 'id.imo', imei: 'id.imei', mmsi: 'id.mmsi', vin: 'id.vin', swift: 'id.swift',
  driverslicense: 'id.driving', drivinglicence: 'id.driving', drivinglicense: 'id.driving',
};

/**
 * The key kind for a free identifier type: "handle.<platform>" for social
 * platforms, "phone", "email", "id.passport", "id.national", or
 * "id.<type>" (lower-case letters and digits, at most 32) for the rest.
 */
export function identifierKind(type: string): string | null {
  const t = type
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^handle[.:]/u, '')
    .replace(/^id[.:]/u, '')
    .replace(/[^a-z0-9]/gu, '');
  if (t.length === 0) return null;
  const platform =
    PLATFORM_BY_ALIAS.get(t) ??
    PLATFORM_BY_ALIAS.get(t.replace(/(handle|account|username|user|profile)$/u, ''));
  if (platform !== undefined) return `handle.${platform}`;
  return TYPE_ALIASES[t] ?? `id.${t.slice(0, 32)}`;
}

/** A social handle: profile URL and "@" removed, lower-cased. */
export function normalizeHandle(value: string): string | null {
  let s = value.normalize('NFKC').trim().toLowerCase();
  s = s
    .replace(/^https?:\/\//u, '')
    .replace(/^www\./u, '')
    .replace(/^m\./u, '');
  // drop a host part (twitter.com/, t.me/, vk.com/...)
  s = s.replace(/^[a-z0-9-]+(?:\.[a-z0-9-]+)+\/(?:#!\/)?/u, '');
  s = s
    .replace(/[?#].*$/u, '')
    .replace(/\/+$/u, '')
    .replace(/^@+/u, '')
    .trim();
  return s.length > 0 && !/\s/u.test(s) ? s : null;
}

/** A crypto wallet address: whitespace removed; hex (0x…) addresses lower-cased, others kept (base58 is case-sensitive). */
export function normalizeWallet(value: string): string | null {
  const s = value.normalize('NFKC').replace(/\s+/gu, '');
  if (s.length < 8) return null;
  return /^0x[0-9a-f]+$/iu.test(s) ? s.toLowerCase() : s;
}

/** Normalises the value of an identifier of the given kind; null when unusable. */
export function normalizeIdentifier(
  kind: string,
  value: string,
  defaultPhoneCountry?: string,
): string | null {
  if (kind === 'phone') return normalizePhone(value, defaultPhoneCountry);
  if (kind === 'email') return normalizeEmail(value);
  if (kind.startsWith('handle.')) return normalizeHandle(value);
  if (kind === 'id.wallet') return normalizeWallet(value);
  return normalizeDocumentNumber(value);
}
