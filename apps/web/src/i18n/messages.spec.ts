import {
  parse,
  TYPE,
  type MessageFormatElement,
  type PluralElement,
} from '@formatjs/icu-messageformat-parser';
import { ALL_ERROR_CODES, SUPPORTED_LOCALES, type Locale } from '@parallax/domain';
import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import ar from './messages/ar.json';
import en from './messages/en.json';
import es from './messages/es.json';
import fr from './messages/fr.json';
import uk from './messages/uk.json';

const catalogues: Record<Locale, Record<string, string>> = { en, fr, es, ar, uk };

/** Messages that may legitimately read the same as in English. */
const SAME_AS_ENGLISH: Partial<Record<Locale, readonly string[]>> = {
  fr: [
    'app.documentTitle',
    'nav.organisation',
    'footer.version',
    'table.actions',
    'invitations.title',
    'invitations.organisation',
    'organisation.pick',
    'groups.organisation',
    'audit.filterOrganisation',
    'cases.situations',
    'situation.afghanistan',
    'situation.mali',
    'situation.myanmar',
    'situation.palestine',
    'situation.sri_lanka',
    'situation.ukraine',
    'situation.venezuela',
    'crime.torture',
    'person.alias',
    'prop.alias',
    'strength.probable',
    'strength.possible',
    'notifications.title',
    'notification.other',
    'dashboard.organisations',
    'import.format',
  ],
  es: [
    'app.documentTitle',
    'situation.colombia',
    'situation.myanmar',
    'situation.israel',
    'situation.sri_lanka',
    'situation.venezuela',
    'situation.yemen',
    'strength.probable',
    'overlap.matchedOn',
  ],
  ar: ['app.documentTitle', 'overlap.matchedOn'],
  uk: ['app.documentTitle', 'overlap.matchedOn'],
};

function walk(
  elements: MessageFormatElement[],
  visit: (element: MessageFormatElement) => void,
): void {
  for (const element of elements) {
    visit(element);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) walk(option.value, visit);
    } else if (element.type === TYPE.tag) {
      walk(element.children, visit);
    }
  }
}

function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  walk(parse(message), (element) => {
    if (element.type !== TYPE.literal && element.type !== TYPE.pound && 'value' in element) {
      names.add(String(element.value));
    }
  });
  return [...names].sort();
}

/** A value of the right kind for every argument of a message. */
function sampleValues(message: string): Record<string, string | number | Date> {
  const values: Record<string, string | number | Date> = {};
  walk(parse(message), (element) => {
    if (element.type === TYPE.plural || element.type === TYPE.number) values[element.value] = 3;
    else if (element.type === TYPE.date || element.type === TYPE.time)
      values[element.value] = new Date();
    else if (element.type === TYPE.select) values[element.value] = 'other';
    else if (element.type === TYPE.argument) values[element.value] ??= 'X';
  });
  return values;
}

function pluralsOf(message: string): PluralElement[] {
  const plurals: PluralElement[] = [];
  walk(parse(message), (element) => {
    if (element.type === TYPE.plural) plurals.push(element);
  });
  return plurals;
}

describe('message catalogues', () => {
  it('covers every supported locale', () => {
    expect(Object.keys(catalogues).sort()).toEqual([...SUPPORTED_LOCALES].sort());
  });

  for (const locale of SUPPORTED_LOCALES.filter((l) => l !== 'en')) {
    describe(locale, () => {
      const messages = catalogues[locale];

      it('has every English key', () => {
        const missing = Object.keys(en).filter((key) => !(key in messages));
        expect(missing, `keys missing from ${locale}.json`).toEqual([]);
      });

      it('has no key that English lacks', () => {
        const extra = Object.keys(messages).filter((key) => !(key in en));
        expect(extra, `keys in ${locale}.json but not in en.json`).toEqual([]);
      });

      it('uses the same arguments as English', () => {
        for (const [key, source] of Object.entries(en)) {
          const translated = messages[key];
          if (translated === undefined) continue;
          expect(argumentsOf(translated), `${locale}: ${key}`).toEqual(argumentsOf(source));
        }
      });

      it('is translated, not copied from English', () => {
        const allowed = new Set(SAME_AS_ENGLISH[locale] ?? []);
        const copied = Object.keys(en).filter(
          (key) => !allowed.has(key) && messages[key] === en[key as keyof typeof en],
        );
        expect(copied).toEqual([]);
      });
    });
  }

  for (const locale of SUPPORTED_LOCALES) {
    it(`${locale}: every plural names each of the language's plural categories`, () => {
      const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      for (const [key, message] of Object.entries(catalogues[locale])) {
        for (const plural of pluralsOf(message)) {
          const selectors = Object.keys(plural.options);
          for (const category of categories) {
            expect(selectors, `${locale}: ${key} lacks "${category}"`).toContain(category);
          }
        }
      }
    });

    it(`${locale}: every message formats without error`, () => {
      const errors: unknown[] = [];
      const intl = createIntl({
        locale,
        messages: catalogues[locale],
        onError: (error) => errors.push(error),
      });
      for (const [key, message] of Object.entries(catalogues[locale])) {
        intl.formatMessage({ id: key as keyof typeof en }, sampleValues(message));
      }
      expect(errors).toEqual([]);
    });
  }
});

describe('ICU plurals', () => {
  const format = (locale: Locale, count: number) =>
    createIntl({ locale, messages: catalogues[locale] }).formatMessage(
      { id: 'home.languages' },
      { count },
    );

  it('renders the six Arabic forms', () => {
    expect(format('ar', 0)).toBe('يتوفّر Parallax بلا أي لغة.');
    expect(format('ar', 1)).toBe('يتوفّر Parallax بلغة واحدة.');
    expect(format('ar', 2)).toBe('يتوفّر Parallax بلغتين.');
    expect(format('ar', 5)).toBe('يتوفّر Parallax بـ5 لغات.'); // few: 3–10
    expect(format('ar', 11)).toBe('يتوفّر Parallax بـ11 لغة.'); // many: 11–99
    expect(format('ar', 100)).toBe('يتوفّر Parallax بـ100 لغة.'); // other
  });

  it('renders the Ukrainian forms', () => {
    expect(format('uk', 1)).toBe('Parallax має 1 мовну версію.'); // one
    expect(format('uk', 21)).toBe('Parallax має 21 мовну версію.'); // one
    expect(format('uk', 3)).toBe('Parallax має 3 мовні версії.'); // few
    expect(format('uk', 5)).toBe('Parallax має 5 мовних версій.'); // many
    expect(format('uk', 11)).toBe('Parallax має 11 мовних версій.'); // many
    expect(format('uk', 1.5)).toBe('Parallax має 1,5 мовної версії.'); // other
  });

  it('renders English and French', () => {
    expect(format('en', 1)).toBe('Parallax is available in 1 language.');
    expect(format('en', 5)).toBe('Parallax is available in 5 languages.');
    expect(format('fr', 0)).toBe('Parallax est disponible en 0 langue.');
    expect(format('fr', 1_000_000)).toBe(
      'Parallax est disponible en 1\u202f000\u202f000 de langues.',
    );
  });
});

describe('error code messages', () => {
  it('translate every stable error code the API may send, in every locale', () => {
    for (const locale of SUPPORTED_LOCALES) {
      const missing = ALL_ERROR_CODES.filter((code) => !catalogues[locale][`error.code.${code}`]);
      expect(missing, locale).toEqual([]);
    }
  });
});
