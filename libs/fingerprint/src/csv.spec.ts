import { describe, expect, it } from 'vitest';
import { guessCsvTarget, parsePersonsCsv } from './csv.js';
import { extractKeys } from './keys.js';
import type { FtmPerson } from './types.js';

describe('CSV import', () => {
  it('guesses FtM properties from common headers', () => {
    expect(guessCsvTarget('Full name')).toBe('name');
    expect(guessCsvTarget('birthDate')).toBe('birthDate');
    expect(guessCsvTarget('Date of birth')).toBe('birthDate');
    expect(guessCsvTarget('Surname')).toBe('lastName');
    expect(guessCsvTarget('Passport')).toBe('passportNumber');
    expect(guessCsvTarget('identifier: tail number')).toBe('identifier:tail number');
    expect(guessCsvTarget('Telegram')).toBe('identifier:telegram');
    expect(guessCsvTarget('Notes')).toBe('ignore');
  });

  it('turns rows into persons, with multi-value cells and typed identifiers', () => {
    const csv =
      '\uFEFFRef,Full name,Aliases,DOB,Phone,Telegram,Notes\n' +
      'R1,Ismail HANIYA,"Ismaeel Haniyya; Abu al-Abd",1962,+972 59 123 4567,@haniya,secret\n' +
      ',,,,,,\n' +
      'R2,"Dimitris Kampis",,14 Oct 1963,,,\n';
    const result = parsePersonsCsv(csv);
    expect(result.ignored).toEqual(['Notes']);
    expect(result.persons).toEqual([
      {
        id: 'R1',
        schema: 'Person',
        properties: {
          name: ['Ismail HANIYA'],
          alias: ['Ismaeel Haniyya', 'Abu al-Abd'],
          birthDate: ['1962'],
          phone: ['+972 59 123 4567'],
        },
        identifiers: [{ type: 'telegram', value: '@haniya' }],
      },
      {
        id: 'R2',
        schema: 'Person',
        properties: { name: ['Dimitris Kampis'], birthDate: ['14 Oct 1963'] },
      },
    ]);
    expect(
      extractKeys(result.persons[0] as FtmPerson).some(
        (k) => k.kind === 'handle.telegram' && k.value === 'haniya',
      ),
    ).toBe(true);
  });

  it('uses an explicit mapping, numbers rows without an id, and rejects unknown targets', () => {
    const csv = 'A,B\nHasan Yousef,X9\n';
    const { persons } = parsePersonsCsv(csv, { mapping: { A: 'name', B: 'identifier:plate' } });
    expect(persons).toEqual([
      {
        id: 'row-1',
        schema: 'Person',
        properties: { name: ['Hasan Yousef'] },
        identifiers: [{ type: 'plate', value: 'X9' }],
      },
    ]);
    expect(() => parsePersonsCsv(csv, { mapping: { A: 'shoeSize' } })).toThrow(/unknown target/u);
  });
});
