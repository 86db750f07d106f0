import { useDirection } from '@mantine/core';
import { directionOf, type Locale } from '@parallax/domain';
import {
  createContext,
  useCallback,
  useContext,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { IntlProvider } from 'react-intl';
import { applyDocumentLocale, storeLocale } from './locale';
import { cachedMessages, loadMessages, type Messages } from './messages';

export type LocaleSwitchResult = 'switched' | 'superseded' | 'failed';

export interface LocaleContextValue {
  /** The language the interface is rendered in. */
  locale: Locale;
  /** A language being fetched after the user chose it, or null. */
  pendingLocale: Locale | null;
  /**
   * Switches the interface language, fetching its messages first if needed.
   * On 'failed' (e.g. a dropped connection) the current language stays; on
   * 'superseded' a later choice won.
   */
  setLocale: (locale: Locale) => Promise<LocaleSwitchResult>;
}

const LocaleContext = createContext<LocaleContextValue | null>(null);

export function useLocale(): LocaleContextValue {
  const value = useContext(LocaleContext);
  if (!value) throw new Error('useLocale must be used inside <I18nProvider>.');
  return value;
}

export interface I18nProviderProps {
  initialLocale: Locale;
  /** The messages of `initialLocale`, loaded before the first render. */
  initialMessages: Messages;
  children: ReactNode;
}

/**
 * Owns the interface language: react-intl's messages, Mantine's direction and
 * `<html lang dir>` always change together, and the choice is remembered.
 * Must be rendered inside Mantine's DirectionProvider.
 */
export function I18nProvider({ initialLocale, initialMessages, children }: I18nProviderProps) {
  const [current, setCurrent] = useState({ locale: initialLocale, messages: initialMessages });
  const [pendingLocale, setPendingLocale] = useState<Locale | null>(null);
  const latestRequest = useRef(0);
  const { setDirection } = useDirection();

  useLayoutEffect(() => {
    applyDocumentLocale(current.locale);
    setDirection(directionOf(current.locale));
  }, [current.locale, setDirection]);

  const setLocale = useCallback(async (locale: Locale): Promise<LocaleSwitchResult> => {
    const request = ++latestRequest.current;
    const commit = (messages: Messages) => {
      setCurrent({ locale, messages });
      setPendingLocale(null);
      storeLocale(locale);
    };
    const cached = cachedMessages(locale);
    if (cached) {
      commit(cached);
      return 'switched';
    }
    setPendingLocale(locale);
    try {
      const messages = await loadMessages(locale);
      if (request !== latestRequest.current) return 'superseded';
      commit(messages);
      return 'switched';
    } catch {
      if (request !== latestRequest.current) return 'superseded';
      setPendingLocale(null);
      return 'failed';
    }
  }, []);

  const value = useMemo<LocaleContextValue>(
    () => ({ locale: current.locale, pendingLocale, setLocale }),
    [current.locale, pendingLocale, setLocale],
  );

  return (
    <LocaleContext.Provider value={value}>
      <IntlProvider locale={current.locale} defaultLocale="en" messages={current.messages}>
        {children}
      </IntlProvider>
    </LocaleContext.Provider>
  );
}
