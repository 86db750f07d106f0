import { describe, expect, it } from 'vitest';
import {
  identifierKind,
  normalizeDocumentNumber,
  normalizeEmail,
  normalizeHandle,
  normalizeIdentifier,
  normalizePhone,
  normalizeWallet,
} from './identifiers.js';

describe('identifiers', () => {
  it('normalises document numbers: case, separators, labels, look-alike letters', () => {
    expect(normalizeDocumentNumber('ab 123-456/7')).toBe('AB1234567');
    expect(normalizeDocumentNumber('No. A1234567')).toBe('A1234567');
    expect(normalizeDocumentNumber('Passport: N 0123456')).toBe('N0123456');
    expect(normalizeDocumentNumber('ID1234')).toBe('ID1234'); // a label glued to the number stays
    expect(normalizeDocumentNumber('АВ 123456')).toBe(normalizeDocumentNumber('AB123456')); // Cyrillic АВ
    expect(normalizeDocumentNumber('-.')).toBeNull();
  });

  it('formats phone numbers as E.164, with a default country for national numbers', () => {
    expect(normalizePhone('+49 151 2345 6789')).toBe('+4915123456789');
    expect(normalizePhone('0049 151 23456789')).toBe('+4915123456789');
    expect(normalizePhone('0151 23456789', 'DE')).toBe('+4915123456789');
    expect(normalizePhone('0151 23456789', 'de')).toBe('+4915123456789');
    expect(normalizePhone('0151 23456789')).toBeNull();
    expect(normalizePhone('+380 (44) 123-45-67')).toBe('+380441234567');
    expect(normalizePhone('12')).toBeNull();
  });

  it('normalises e-mail addresses', () => {
    expect(normalizeEmail(' Mailto:Someone+tag@Example.ORG ')).toBe('someone@example.org');
    expect(normalizeEmail('first.last@googlemail.com')).toBe('firstlast@gmail.com');
    expect(normalizeEmail('first.last@example.com')).toBe('first.last@example.com');
    expect(normalizeEmail('not an address')).toBeNull();
  });

  it('normalises handles from URLs and @names', () => {
    expect(normalizeHandle('@SomeOne')).toBe('someone');
    expect(normalizeHandle('https://twitter.com/SomeOne?lang=en')).toBe('someone');
    expect(normalizeHandle('https://t.me/some_one/')).toBe('some_one');
    expect(normalizeHandle('two words')).toBeNull();
  });

  it('keeps base58 wallet case, lower-cases hex addresses', () => {
    expect(normalizeWallet('1BoatSLRHtKNngkdXEeobR76b53LETtpyT')).toBe(
      '1BoatSLRHtKNngkdXEeobR76b53LETtpyT',
    );
    expect(normalizeWallet('0xAbC0000000000000000000000000000000000DeF')).toBe(
      '0xabc0000000000000000000000000000000000def',
    );
  });

  it('maps identifier types to kinds', () => {
    expect(identifierKind('Twitter')).toBe('handle.twitter');
    expect(identifierKind('X')).toBe('handle.twitter');
    expect(identifierKind('telegram handle')).toBe('handle.telegram');
    expect(identifierKind('Tail number')).toBe('id.aircraft');
    expect(identifierKind('License plate')).toBe('id.plate');
    expect(identifierKind('BTC')).toBe('id.wallet');
    expect(identifierKind('passport')).toBe('id.passport');
    expect(identifierKind('WhatsApp')).toBe('phone');
    expect(identifierKind('Membership card #')).toBe('id.membershipcard');
    expect(identifierKind('---')).toBeNull();
  });

  it('dispatches by kind', () => {
    expect(normalizeIdentifier('id.plate', 'ab-12 cd')).toBe('AB12CD');
    expect(normalizeIdentifier('handle.telegram', '@Name')).toBe('name');
    expect(normalizeIdentifier('phone', '030 1234567', 'DE')).toBe('+49301234567');
  });
});
