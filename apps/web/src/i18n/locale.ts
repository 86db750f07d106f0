import { directionOf, isLocale, negotiateLocale, type Locale } from '@parallax/domain';

const STORAGE_KEY = 'parallax.locale';

/** Each language named in itself, so a user can find theirs whatever the current one. */
export const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = {
  en: 'English',
  fr: 'Français',
  es: 'Español',
  ar: 'العربية',
  uk: 'Українська',
};

/** The language chosen earlier on this device, if any (storage may be unavailable). */
function readStoredLocale(): Locale | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

export function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private browsing or storage disabled: the choice lasts for this visit only.
  }
}

/** The stored choice, else the best match for the browser's preferred languages. */
export function initialLocale(): Locale {
  const stored = readStoredLocale();
  if (stored) return stored;
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language];
  return negotiateLocale(preferred.filter(Boolean));
}

/** Sets `<html lang dir>`: screen readers, fonts, and every logical CSS property follow it. */
export function applyDocumentLocale(
  locale: Locale,
  root: HTMLElement = document.documentElement,
): void {
  root.lang = locale;
  root.dir = directionOf(locale);
}
