import { roundDuration, type DurationRange } from '@parallax/hub-client';
import type { IntlShape } from 'react-intl';

/** "30–110 minutes" in the user's language (Intl's unit names, so no plural rules of our own). */
export function formatDurationRange(intl: IntlShape, range: DurationRange): string {
  const { low, high, unit } = roundDuration(range);
  const end = intl.formatNumber(high, { style: 'unit', unit, unitDisplay: 'long' });
  return low === high ? end : `${intl.formatNumber(low)}–${end}`;
}

/** "20.4 MB" in the user's language. */
export function formatFileSize(intl: IntlShape, bytes: number): string {
  const [value, unit] =
    bytes >= 1e6
      ? [bytes / 1e6, 'megabyte']
      : bytes >= 1e3
        ? [bytes / 1e3, 'kilobyte']
        : [bytes, 'byte'];
  return intl.formatNumber(value, { style: 'unit', unit, maximumFractionDigits: 1 });
}
