const BULLET = '•';

/**
 * Masks a value for an on-screen sample: each word keeps its first
 * character, the rest become dots (at most six), so a preview shows the
 * shape of the data without displaying the identifiers themselves.
 */
export function maskValue(value: string): string {
  return value
    .trim()
    .split(/\s+/u)
    .filter((word) => word.length > 0)
    .map((word) => {
      const chars = Array.from(word);
      return `${chars[0] ?? ''}${BULLET.repeat(Math.min(6, Math.max(1, chars.length - 1)))}`;
    })
    .join(' ');
}
