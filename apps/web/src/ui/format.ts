import type { IntlShape } from 'react-intl';

/** A date and time as people of the current language write it. */
export function formatDateTime(intl: IntlShape, value: string | Date | null | undefined): string {
  if (!value) return '—';
  return intl.formatDate(value, { dateStyle: 'medium', timeStyle: 'short' });
}
