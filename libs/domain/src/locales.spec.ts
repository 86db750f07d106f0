import { describe, expect, it } from 'vitest';
import { directionOf, negotiateLocale, SUPPORTED_LOCALES } from './locales.js';

describe('locales', () => {
  it('ships exactly the five product languages', () => {
    expect([...SUPPORTED_LOCALES].sort()).toEqual(['ar', 'en', 'es', 'fr', 'uk']);
  });

  it('writes Arabic right to left and the others left to right', () => {
    expect(directionOf('ar')).toBe('rtl');
    for (const l of ['en', 'fr', 'es', 'uk'] as const) expect(directionOf(l)).toBe('ltr');
  });

  it('negotiates on the primary subtag and falls back to English', () => {
    expect(negotiateLocale(['uk-UA', 'en'])).toBe('uk');
    expect(negotiateLocale(['ar-SY'])).toBe('ar');
    expect(negotiateLocale(['de-DE', 'pt'])).toBe('en');
    expect(negotiateLocale([])).toBe('en');
  });
});
