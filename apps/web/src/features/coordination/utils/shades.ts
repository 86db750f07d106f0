/**
 * Heat-map shades, lightest to darkest, with a text colour that keeps 4.5:1
 * contrast on each (the number is always written: colour is never the only cue).
 */
const SHADES: ReadonlyArray<{ background: string; color: string }> = [
  { background: 'var(--mantine-color-blue-1)', color: 'var(--mantine-color-black)' },
  { background: 'var(--mantine-color-blue-3)', color: 'var(--mantine-color-black)' },
  { background: 'var(--mantine-color-blue-8)', color: 'var(--mantine-color-white)' },
  { background: 'var(--mantine-color-blue-9)', color: 'var(--mantine-color-white)' },
];

export type Shade = (typeof SHADES)[number];

export function shadeOf(value: number, max: number): Shade | null {
  if (value <= 0 || max <= 0) return null;
  const index = Math.min(SHADES.length - 1, Math.ceil((value / max) * SHADES.length) - 1);
  return SHADES[index] ?? null;
}
