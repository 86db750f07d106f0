import { createTheme, type CSSVariablesResolver } from '@mantine/core';

/**
 * System fonts only (no font CDN, nothing to download on a slow connection),
 * chosen so Latin, Cyrillic and Arabic all render with a native face.
 */
const FONT_STACK = [
  'system-ui',
  '-apple-system',
  '"Segoe UI"',
  'Roboto',
  '"Noto Sans"',
  '"Noto Sans Arabic"',
  '"Noto Naskh Arabic"',
  '"Geeza Pro"',
  'Tahoma',
  '"Helvetica Neue"',
  'Arial',
  'sans-serif',
].join(', ');

export const theme = createTheme({
  primaryColor: 'blue',
  // Shade 9 keeps white-on-primary and primary-on-light above WCAG AA (4.5:1).
  primaryShade: { light: 9, dark: 4 },
  fontFamily: FONT_STACK,
  headings: { fontFamily: FONT_STACK },
  focusRing: 'auto',
  defaultRadius: 'sm',
});

/** Mantine's muted greys, error red and some tinted colours fall below 4.5:1; darken them. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
    // Text of "light" badges and alerts: even shade 9 of these colours stays
    // under 4.5:1 on their tinted background, so darker custom shades.
    '--mantine-color-teal-light-color': '#06694b',
    '--mantine-color-green-light-color': '#1f6b30',
    '--mantine-color-yellow-light-color': '#8a4500',
    '--mantine-color-orange-light-color': '#9c3d0a',
    // Red badges (strong overlaps) also sit on striped rows and grey cards.
    '--mantine-color-red-light-color': '#a51d1d',
  },
  dark: {},
});
