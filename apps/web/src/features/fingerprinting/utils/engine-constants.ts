/** Identifier types offered as CSV column targets (any other may be typed in the file's header). */
export const CSV_IDENTIFIER_TYPES = [
  'telegram',
  'twitter',
  'facebook',
  'instagram',
  'tiktok',
  'youtube',
  'vk',
  'linkedin',
  'signal',
  'whatsapp',
  'plate',
  'aircraft',
  'wallet',
  'iban',
  'imei',
  'vin',
] as const;
