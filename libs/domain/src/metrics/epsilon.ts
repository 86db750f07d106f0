/*
 * ε is handled in thousandths (integers) everywhere it is added up or
 * compared — the ledger, the cap, the shares — so that twelve releases of
 * 1 make exactly 12 and a cap check never depends on float rounding.
 */

const EPSILON_TEXT = /^(\d+)(?:\.(\d{1,3}))?$/;

/** "1" → 1000, "0.25" → 250, "12" → 12000. Throws on ≤ 0, more than 3 decimals, or anything not a plain decimal. */
export function parseEpsilonMilli(text: string): number {
  const match = EPSILON_TEXT.exec(text.trim());
  if (!match) {
    throw new RangeError(`ε must be a positive decimal with at most 3 decimals, got "${text}"`);
  }
  const whole = match[1] as string;
  const fraction = (match[2] ?? '').padEnd(3, '0');
  const milli = Number(whole) * 1000 + Number(fraction);
  if (!Number.isSafeInteger(milli)) throw new RangeError(`ε is too large: "${text}"`);
  if (milli <= 0) throw new RangeError(`ε must be greater than 0, got "${text}"`);
  return milli;
}

/** 1000 → "1", 250 → "0.25", 1 → "0.001", 0 → "0" (what is left of a spent budget). */
export function formatEpsilon(milli: number): string {
  if (!Number.isSafeInteger(milli))
    throw new RangeError(`ε in thousandths must be an integer, got ${milli}`);
  const sign = milli < 0 ? '-' : '';
  const abs = Math.abs(milli);
  const whole = Math.floor(abs / 1000);
  const fraction = String(abs % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** Whether a release of `releaseMilli` fits: spent + release ≤ cap (all thousandths). */
export function canSpend(capMilli: number, spentMilli: number, releaseMilli: number): boolean {
  for (const [name, value] of [
    ['cap', capMilli],
    ['spent', spentMilli],
    ['release', releaseMilli],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new RangeError(`ε ${name} must be a non-negative integer in thousandths, got ${value}`);
    }
  }
  return spentMilli + releaseMilli <= capMilli;
}
