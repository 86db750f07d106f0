import { extractKeys, type FtmPerson } from '@parallax/fingerprint';
import { describe, expect, it } from 'vitest';
import { Hash16Set } from './hash16-set.js';
import {
  DUPLICATE_GROUPS_LISTED,
  DuplicateDetector,
  findDuplicatePersons,
  idsUsable,
} from './import-duplicates.js';

const person = (id: string, properties: Record<string, string[]>): FtmPerson => ({
  id,
  schema: 'Person',
  properties,
});

describe('duplicate records in an import', () => {
  it('finds records of the same person written differently only by normalisation', () => {
    const persons = [
      person('a', { name: ['Олена Петренко'], birthDate: ['1970-05-02'] }),
      person('b', { name: ['ОЛЕНА  ПЕТРЕНКО'], birthDate: ['1970-05-02'] }),
      person('c', { name: ['مُحَمَّد الأَحْمَد'], passportNumber: ['N 123-456'] }),
      person('d', { name: ['محمد الاحمد'], passportNumber: ['n123456'] }),
      person('e', { name: ['Олена Петренко'], birthDate: ['1970-05-02'] }),
    ];
    const { report, distinct } = findDuplicatePersons(persons);
    expect(distinct.map((p) => p.id)).toEqual(['a', 'c']);
    expect(report).toMatchObject({ records: 5, duplicates: 3, distinct: 2, repeatedIds: 0 });
    expect(report.groups).toEqual([
      { first: 1, repeats: [2, 5], count: 2 },
      { first: 3, repeats: [4], count: 1 },
    ]);
  });

  it('keeps persons apart when a birth date or an identifier differs', () => {
    const { report } = findDuplicatePersons([
      person('a', { name: ['Olena Petrenko'], birthDate: ['1970-05-02'] }),
      person('b', { name: ['Olena Petrenko'], birthDate: ['1971-05-02'] }),
      person('c', {
        name: ['Olena Petrenko'],
        birthDate: ['1970-05-02'],
        phone: ['+380441234567'],
      }),
    ]);
    expect(report).toMatchObject({ duplicates: 0, distinct: 3 });
  });

  it('never counts records without keys as duplicates, and tells repeated ids apart', () => {
    const { report, distinct } = findDuplicatePersons([
      person('x', { nationality: ['sy'] }),
      person('y', { nationality: ['ua'] }),
      person('a', { name: ['Karim Haddad'], birthDate: ['1980'] }),
      // the same id and the same person: skipped as a duplicate, nothing to tell apart
      person('a', { name: ['Karim Haddad'], birthDate: ['1980'] }),
      // the same id, another person: an import cannot tell the two apart
      person('a', { name: ['Rami Haddad'], birthDate: ['1980'] }),
    ]);
    expect(distinct.map((p) => p.id)).toEqual(['x', 'y', 'a', 'a']);
    expect(report).toMatchObject({ duplicates: 1, repeatedIds: 2, conflictingIds: 1 });
    expect(idsUsable(report, true)).toBe(false);
    expect(
      idsUsable(
        findDuplicatePersons([
          person('a', { name: ['Karim Haddad'] }),
          person('a', { name: ['Karim Haddad'] }),
        ]).report,
        true,
      ),
    ).toBe(true);
  });

  it('lists a few groups but counts them all, for files of a few persons repeated', () => {
    const detector = new DuplicateDetector();
    const people = Array.from({ length: 30 }, (_, i) =>
      extractKeys(person(`p${i}`, { name: ['Karim Haddad'], birthDate: [`${1950 + i}`] })),
    );
    for (let row = 0; row < 3000; row++) detector.add(`row-${row + 1}`, people[row % 30] ?? []);
    const report = detector.report();
    expect(report).toMatchObject({ records: 3000, distinct: 30, duplicates: 2970, repeatedIds: 0 });
    expect(report.groups).toHaveLength(DUPLICATE_GROUPS_LISTED);
    expect(report.groups[0]).toEqual({ first: 1, repeats: [31, 61, 91], count: 99 });
  });
});

describe('the 16-byte hash set', () => {
  it('keeps the first value of each hash across growth', () => {
    const set = new Hash16Set(4);
    const hash = (i: number) => {
      const h = new Uint8Array(16);
      new DataView(h.buffer).setUint32(0, Math.imul(i, 2654435761) >>> 0);
      new DataView(h.buffer).setUint32(12, i);
      return h;
    };
    for (let i = 0; i < 5000; i++) expect(set.getOrAdd(hash(i), i)).toBeUndefined();
    for (let i = 0; i < 5000; i++) expect(set.getOrAdd(hash(i), 0)).toBe(i);
    expect(set.size).toBe(5000);
    // 20 bytes a slot, at least half of them empty
    expect(set.byteLength).toBeLessThanOrEqual(5000 * 80);
  });
});
