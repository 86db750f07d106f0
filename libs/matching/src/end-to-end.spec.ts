import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  createLocalEvaluator,
  fingerprintPersons,
  generateGroupKey,
  generateOprfKey,
  type FtmPerson,
} from '@parallax/fingerprint';
import { matchRecords } from './match.js';

const P = (
  id: string,
  name: string[],
  birthDate?: string[],
  extra: Record<string, string[]> = {},
): FtmPerson => ({
  id,
  schema: 'Person',
  properties: { name, ...(birthDate ? { birthDate } : {}), ...extra },
});

/** Hand-written alias lists across scripts (not the development set). */
const LEFT: FtmPerson[] = [
  P('L-houthi', ['Abdul-Malik Badruddin al-Houthi'], ['1979']),
  P('L-qaddafi', ['Muammar Mohammed Abu Minyar al-Qaddafi'], ['1942']),
  P('L-marchuk', ['Yevhen Kyrylovych Marchuk'], ['1941-01-28']),
  P('L-kampis', ['Dimitrios Kampis'], ['14 Oct 1963']),
  P('L-yanuk', ['Oleksandr Viktorovych Yanukovych'], ['1973']),
  P('L-rahman', ['Abd al-Rahman Mustafa al-Qaduli'], ['1957']),
  P('L-saleh', ['Hasan Saleh Hamad'], ['1960']),
  P('L-phone', ['Omar Farouk'], undefined, { phone: ['+44 20 7946 0958'] }),
];
const RIGHT: FtmPerson[] = [
  P('R-houthi', ['عبد الملك بدر الدين الحوثي'], ['1979']),
  P('R-qaddafi', ['Moammar GADHAFI', 'معمر القذافي'], ['1942']),
  P('R-marchuk', ['Евгений Кириллович Марчук'], ['28.01.1941']),
  P('R-kampis', ['Δημήτρης Καμπής'], ['1963-10-14']),
  P('R-yanuk', ['Александр Викторович Янукович'], ['1973']),
  P('R-rahman', ['Abdulrahman Qaduli'], ['1957']),
  P('R-brother', ['Fathi Saleh Hamad'], ['1966']), // shares father and family name only, other year
  P('R-other', ['Ghassan Ali Hamad'], ['1960']), // Hasan ≠ Ghassan: no name pair in common
  P('R-phone', ['Umar Faruq'], undefined, { phone: ['020 7946 0958'] }),
];

describe('end to end: fingerprints → matches across scripts', () => {
  it('finds every same-person pair and no other above the alert threshold', async () => {
    const fps = await fingerprintPersons([...LEFT, ...RIGHT], {
      groupKey: generateGroupKey(),
      evaluator: createLocalEvaluator(generateOprfKey()),
      defaultPhoneCountry: 'GB',
    });
    const records = fps.map((r, i) => ({
      recordId: r.id,
      orgId: i < LEFT.length ? 'L' : 'R',
      fingerprints: r.fingerprints,
    }));
    const pairs = matchRecords(records);
    const found = pairs.map((p) => `${p.left}~${p.right}`).sort();
    expect(found).toEqual(
      [
        'L-houthi~R-houthi',
        'L-kampis~R-kampis',
        'L-marchuk~R-marchuk',
        'L-phone~R-phone',
        'L-qaddafi~R-qaddafi',
        'L-rahman~R-rahman',
        'L-yanuk~R-yanuk',
      ].sort(),
    );
    const kampis = pairs.find((p) => p.left === 'L-kampis');
    expect(kampis?.strength).toBe('strong');
    expect(kampis?.matched).toContain('name.full+dob');
  });
});

const BASE_NAMES = [
  'Mohammed Abd al-Rahman al-Houthi',
  'Ismail Abdul Salah Haniya',
  'Oleksandr Viktorovych Yanukovych',
  'Dimitrios Alexandros Kampis',
  'محمد عبد الرحمن الحوثي',
  'Євген Вікторович Марчук',
  'Seyed Mahmoud Mohaddes',
];
const MARKS = ['\u0301', '\u0308', '\u0327'];

describe('end to end properties', () => {
  it('a record always matches itself under a variant differing only by case, diacritics, particle spacing or token order', async () => {
    const oprfKey = generateOprfKey();
    const groupKey = generateGroupKey();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...BASE_NAMES),
        fc.boolean(),
        fc.array(fc.nat({ max: 5 }), { minLength: 6, maxLength: 6 }),
        async (name, surnameFirst, seed) => {
          const words = name.split(' ');
          const ordered = surnameFirst
            ? [words[words.length - 1] as string, ...words.slice(0, -1)]
            : words;
          const variant = ordered
            .map((w, i) => {
              const s = seed[i % seed.length] ?? 0;
              let v = s === 0 ? w.toUpperCase() : s === 1 ? w.toLowerCase() : w;
              if (s === 2 && /^[a-z]/iu.test(v))
                v = v[0] + (MARKS[i % MARKS.length] as string) + v.slice(1);
              if (s === 3) v = v.replace(/-/gu, ' ');
              if (s === 4) v = v.replace(/-/gu, ' - ');
              return v;
            })
            .join(' ');
          const fps = await fingerprintPersons(
            [P('a', [name], ['1961']), P('b', [variant], ['1961'])],
            {
              groupKey,
              evaluator: createLocalEvaluator(oprfKey),
            },
          );
          const pairs = matchRecords(
            fps.map((r) => ({ recordId: r.id, orgId: r.id, fingerprints: r.fingerprints })),
          );
          expect(pairs.length, `${name} ~ ${variant}`).toBe(1);
          expect(['strong', 'probable']).toContain(pairs[0]?.strength);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('record order does not change the pairs or their scores', async () => {
    const fps = await fingerprintPersons([...LEFT, ...RIGHT], {
      groupKey: generateGroupKey(),
      evaluator: createLocalEvaluator(generateOprfKey()),
    });
    const records = fps.map((r, i) => ({
      recordId: r.id,
      orgId: i < LEFT.length ? 'L' : 'R',
      fingerprints: r.fingerprints,
    }));
    const canonical = (list: typeof records): string[] =>
      matchRecords(list, { threshold: 0 })
        .map(
          (p) =>
            `${[p.left, p.right].sort().join('~')} ${p.score.toFixed(12)} ${p.matched.join(',')}`,
        )
        .sort();
    const base = canonical(records);
    fc.assert(
      fc.property(fc.shuffledSubarray(records, { minLength: records.length }), (shuffled) => {
        expect(canonical(shuffled)).toEqual(base);
      }),
      { numRuns: 20 },
    );
  });
});
