import { extractKeys } from '@parallax/fingerprint';
import { describe, expect, it } from 'vitest';
import {
  emptyPerson,
  hasIdentifiers,
  isReadableBirthDate,
  isValidReference,
  personFromForm,
  referenceProblem,
} from './person-form';

describe('the person form as a FollowTheMoney Person', () => {
  it('maps several names, dates and identifiers to their FtM properties', () => {
    const person = personFromForm({
      names: ['Mohammed Mahmoud ABU TAIR', ' محمد محمود أبو طير ', ''],
      aliases: ['Abu Ahmad al-Halabi'],
      birthDates: ['1951', '1951-03-14', '  '],
      nationalities: ['SY', ''],
      passportNumbers: ['N 0123456'],
      idNumbers: ['010-203040'],
      phones: ['+963 944 123 456', '0944 123 457'],
      emails: ['abu.tair@example.org'],
      identifiers: [
        { type: 'telegram', value: '@abutair' },
        { type: 'plate', value: 'DAM 12345' },
        { type: 'telegram', value: '' },
        { type: 'telegram', value: '@abutair' },
      ],
    });
    expect(person).toEqual({
      id: 'form',
      schema: 'Person',
      properties: {
        name: ['Mohammed Mahmoud ABU TAIR', 'محمد محمود أبو طير'],
        alias: ['Abu Ahmad al-Halabi'],
        birthDate: ['1951', '1951-03-14'],
        nationality: ['SY'],
        passportNumber: ['N 0123456'],
        idNumber: ['010-203040'],
        phone: ['+963 944 123 456', '0944 123 457'],
        email: ['abu.tair@example.org'],
      },
      identifiers: [
        { type: 'telegram', value: '@abutair' },
        { type: 'plate', value: 'DAM 12345' },
      ],
    });
    // The schema reads it: names in both scripts, dates, every identifier.
    const kinds = new Set(extractKeys(person, { defaultPhoneCountry: 'SY' }).map((k) => k.kind));
    for (const kind of [
      'name.full',
      'name.pair',
      'name.pair+yob',
      'name.full+dob',
      'name.part+dob',
      'id.passport',
      'id.national',
      'phone',
      'email',
      'handle.telegram',
      'id.plate',
    ]) {
      expect(kinds, kind).toContain(kind);
    }
  });

  it('leaves out what is empty, and says whether anything can be fingerprinted', () => {
    expect(personFromForm(emptyPerson())).toEqual({ id: 'form', schema: 'Person', properties: {} });
    expect(hasIdentifiers(emptyPerson())).toBe(false);
    // Nationality alone is not keyed.
    expect(hasIdentifiers({ ...emptyPerson(), nationalities: ['UA'] })).toBe(false);
    expect(hasIdentifiers({ ...emptyPerson(), emails: ['x@example.org'] })).toBe(true);
    expect(
      hasIdentifiers({ ...emptyPerson(), identifiers: [{ type: 'telegram', value: '@x' }] }),
    ).toBe(true);
  });

  it('accepts the birth dates the schema reads, and the organisation’s labels only', () => {
    for (const ok of ['1951', '1951-03', '1951-03-14', '14.03.1951', '1950 or 1951', '', '١٩٥١']) {
      expect(isReadableBirthDate(ok), ok).toBe(true);
    }
    for (const bad of ['fifty', 'unknown', '3000'])
      expect(isReadableBirthDate(bad), bad).toBe(false);
    expect(isValidReference('SYR-2024-017')).toBe(true);
    expect(isValidReference('-x')).toBe(false);
    expect(isValidReference('x'.repeat(81))).toBe(false);
  });
});

describe('the reference, the one field sent in clear', () => {
  const withName = (name: string) => ({ ...emptyPerson(), names: [name], aliases: ['Abu Hassan'] });

  it('is refused when it carries a token of a name or an alias, in any script', () => {
    expect(referenceProblem('IVANOV-01', withName('Иванов Сергей'), null)).toBe(
      'cases.referenceContainsName',
    );
    expect(referenceProblem('MOHAMMED-17', withName('محمد الحلبي'), null)).toBe(
      'cases.referenceContainsName',
    );
    expect(referenceProblem('HASSAN-3', withName('Oleh Melnyk'), null)).toBe(
      'cases.referenceContainsName',
    );
    expect(referenceProblem('SYR-2024-017', withName('محمد الحلبي'), null)).toBeNull();
  });

  it("follows the organisation's pattern when it has one", () => {
    expect(referenceProblem('SYR-2024-017', withName('Oleh Melnyk'), 'UA-####-@@')).toBe(
      'cases.referencePatternMismatch',
    );
    expect(referenceProblem('UA-2024-AB', withName('Oleh Melnyk'), 'UA-####-@@')).toBeNull();
    expect(referenceProblem(' ', withName('Oleh Melnyk'), 'UA-####-@@')).toBe(
      'cases.referenceRequired',
    );
  });
});
