import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import ar from '../../../i18n/messages/ar.json';
import en from '../../../i18n/messages/en.json';
import es from '../../../i18n/messages/es.json';
import fr from '../../../i18n/messages/fr.json';
import uk from '../../../i18n/messages/uk.json';
import { matchedKindsText, matchKindLabel } from './match-kinds';

const intlFor = (locale: string, messages: Record<string, string>) =>
  createIntl({
    locale,
    messages,
    onError: (e) => {
      throw e;
    },
  });

describe('matched kinds as people read them', () => {
  const english = intlFor('en', en);

  it('names every key kind of the schema', () => {
    const labels = Object.fromEntries(
      [
        'name.full',
        'name.pair',
        'name.sub',
        'name.glued',
        'name.pair+yob',
        'name.full+dob',
        'name.part+dob',
        'id.passport',
        'id.national',
        'id.plate',
        'id.wallet',
        'phone',
        'email',
        'handle.telegram',
        'handle.twitter',
        'handle.newplatform',
        'id.boat',
        'weird.kind',
      ].map((k) => [k, matchKindLabel(english, k)]),
    );
    expect(labels).toEqual({
      'name.full': 'full name',
      'name.pair': 'name pair',
      'name.sub': 'three or more parts of the name',
      'name.glued': 'the name written joined or split',
      'name.pair+yob': 'name pair + birth year',
      'name.full+dob': 'full name + birth date',
      'name.part+dob': 'part of the name + exact birth date',
      'id.passport': 'passport number',
      'id.national': 'national ID number',
      'id.plate': 'vehicle plate',
      'id.wallet': 'crypto wallet',
      phone: 'phone number',
      email: 'e-mail address',
      'handle.telegram': 'Telegram account',
      'handle.twitter': 'X (Twitter) account',
      'handle.newplatform': 'newplatform account',
      'id.boat': 'identifier (boat)',
      'weird.kind': 'other identifier (weird.kind)',
    });
  });

  it('joins the kinds in the language’s own way, once each', () => {
    expect(matchedKindsText(english, ['name.pair', 'name.pair+yob', 'name.pair'])).toBe(
      'name pair and name pair + birth year',
    );
    expect(matchedKindsText(intlFor('fr', fr), ['name.pair+yob', 'id.passport'])).toBe(
      'paire de noms + année de naissance et numéro de passeport',
    );
    expect(matchedKindsText(intlFor('es', es), ['name.full', 'phone'])).toBe(
      'nombre completo y número de teléfono',
    );
    expect(matchKindLabel(intlFor('ar', ar), 'name.pair+yob')).toBe('زوج من الأسماء + سنة الميلاد');
    expect(matchKindLabel(intlFor('uk', uk), 'handle.telegram')).toBe('обліковий запис Telegram');
  });
});
