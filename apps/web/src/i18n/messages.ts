import type { Locale } from '@parallax/domain';
import en from './messages/en.json';

/** Every message id, taken from the English catalogue (the source of truth). */
export type MessageId = keyof typeof en;
export type Messages = Readonly<Record<MessageId, string>>;

declare global {
  // Makes react-intl reject unknown message ids at compile time.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace FormatjsIntl {
    interface Message {
      ids: MessageId;
    }
  }
}

export const englishMessages: Messages = en;

/**
 * English ships in the main bundle; every other catalogue is a separate chunk,
 * fetched only when that language is used. The `Messages` type makes a
 * catalogue that lacks a key a compile error.
 */
const loaders: Readonly<Record<Locale, () => Promise<Messages>>> = {
  en: () => Promise.resolve(en),
  fr: () => import('./messages/fr.json').then((module) => module.default),
  es: () => import('./messages/es.json').then((module) => module.default),
  ar: () => import('./messages/ar.json').then((module) => module.default),
  uk: () => import('./messages/uk.json').then((module) => module.default),
};

const loaded = new Map<Locale, Messages>([['en', en]]);

/** The catalogue for `locale` if it has been fetched already. */
export function cachedMessages(locale: Locale): Messages | undefined {
  return loaded.get(locale);
}

/** Fetches (once) the catalogue for `locale`; rejects if the chunk cannot be loaded. */
export async function loadMessages(locale: Locale): Promise<Messages> {
  const cached = loaded.get(locale);
  if (cached) return cached;
  const messages = await loaders[locale]();
  loaded.set(locale, messages);
  return messages;
}
