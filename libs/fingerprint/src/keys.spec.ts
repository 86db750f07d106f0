import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extractKeys, personNames } from './keys.js';
import { toLatin } from './normalize/translit.js';
import { keyInputString } from './schema.js';
import type { FingerprintKey, FtmPerson } from './types.js';

const person = (
  properties: FtmPerson['properties'],
  extra: Partial<FtmPerson> = {},
): FtmPerson => ({
  id: 'p1',
  schema: 'Person',
  properties,
  ...extra,
});

const keyIds = (keys: readonly FingerprintKey[]): string[] =>
  keys.map((k) => `${k.kind}=${k.value}`);
const values = (keys: readonly FingerprintKey[], kind: string): string[] =>
  keys.filter((k) => k.kind === kind).map((k) => k.value);
const shared = (a: FtmPerson, b: FtmPerson, kind?: string): string[] => {
  const bs = new Set(keyIds(extractKeys(b)));
  return keyIds(extractKeys(a)).filter(
    (k) => bs.has(k) && (kind === undefined || k.startsWith(`${kind}=`)),
  );
};

describe('extractKeys', () => {
  it('makes composite name keys only: the whole name, its glued form, with birth years and dates', () => {
    const keys = extractKeys(person({ name: ['Ismail HANIYA'], birthDate: ['1962-05-29'] }));
    // a two-token name's only pair is the whole name: labelled name.full, never also name.pair
    expect(values(keys, 'name.pair')).toEqual([]);
    expect(values(keys, 'name.sub')).toEqual([]);
    expect(values(keys, 'name.pair+yob')).toEqual(['ASML HN|1962']);
    expect(values(keys, 'name.full')).toEqual(['ASML HN']);
    expect(values(keys, 'name.glued')).toEqual(['ASMLHN']);
    // the year and the date's own precision (no month level for a full date)
    expect(values(keys, 'name.full+dob')).toEqual(['ASML HN|1962', 'ASML HN|1962-05-29']);
    expect(values(keys, 'name.part+dob')).toEqual(['ASML|1962-05-29', 'HN|1962-05-29']);
  });

  it('never keys a single name token on its own', () => {
    const keys = extractKeys(
      person({ name: ['Madonna'], alias: ['Mohammed'], birthDate: ['1958'] }),
    );
    expect(keys).toEqual([]);
  });

  it('never keys weakAlias', () => {
    expect(extractKeys(person({ weakAlias: ['Abu Ali Saleh'] }))).toEqual([]);
    const withWeak = extractKeys(person({ name: ['Ahmad Saleh'], weakAlias: ['Abu Hamza Masri'] }));
    expect(withWeak).toEqual(extractKeys(person({ name: ['Ahmad Saleh'] })));
  });

  it('takes the union over names, aliases, previous names and composed name parts', () => {
    const p = person({
      name: ['Ismail Haniya'],
      alias: ['Abu al-Abd'],
      previousName: ['Ismail Abdel Salam Ahmed Haniyeh'],
      firstName: ['Ismail'],
      lastName: ['Haniyah'],
    });
    expect(personNames(p)).toEqual([
      'Ismail Haniya',
      'Abu al-Abd',
      'Ismail Abdel Salam Ahmed Haniyeh',
      'Ismail Haniyah',
    ]);
    const keys = extractKeys(p);
    // Ismail Haniya is a whole name (and a pair of the previous name): labelled name.full only
    expect(values(keys, 'name.full')).toContain('ASML HN');
    expect(values(keys, 'name.pair')).not.toContain('ASML HN');
    expect(values(keys, 'name.pair')).toContain('ABDSLM AHMD'); // from the previous name
    expect(values(keys, 'name.sub')).toContain('ABDSLM AHMD ASML'); // three of its four tokens
  });

  it('labels proper parts of longer names, so a shorter name inside a longer one meets as a whole', () => {
    const long = extractKeys(person({ name: ['Ahmad Khalil Nasser'] }));
    expect(values(long, 'name.full')).toHaveLength(1);
    expect(values(long, 'name.pair')).toHaveLength(3);
    const short = extractKeys(person({ name: ['Ahmad Nasser'] }));
    const [whole] = values(short, 'name.full');
    expect(values(long, 'name.pair')).toContain(whole);
    expect(values(long, 'name.full')).not.toContain(whole);
    // token sets share one OPRF domain whatever their label
    expect(keyInputString('name.full', 'A B')).toBe(keyInputString('name.pair', 'A B'));
    expect(keyInputString('name.sub', 'A B C')).toBe(keyInputString('name.full', 'A B C'));
    expect(keyInputString('name.glued', 'AB')).not.toBe(keyInputString('name.full', 'AB'));
  });

  it('reads a Persian compound with or without its silent -eh-', () => {
    const withHe = values(extractKeys(person({ name: ['Ahmad GHALEHBANI'] })), 'name.full');
    const without = values(extractKeys(person({ name: ['Ahmad Ghalebani'] })), 'name.full');
    expect(withHe.some((v) => without.includes(v))).toBe(true);
    // a first-syllable eh is a real h: Mehdi, Behnam keep one reading
    expect(values(extractKeys(person({ name: ['Behnam Tehrani'] })), 'name.full')).toHaveLength(1);
  });

  it('makes one key per identifier with its type', () => {
    const keys = extractKeys(
      person(
        {
          name: ['Ahmad Saleh'],
          passportNumber: ['N 0123-456'],
          idNumber: ['1234 5678 90'],
          phone: ['0151 23456789', '+44 20 7946 0958'],
          email: ['A.Saleh@Example.org'],
        },
        {
          identifiers: [
            { type: 'telegram', value: '@ASaleh' },
            { type: 'tail number', value: 'yk-abc' },
            { type: 'bogus', value: '' },
          ],
        },
      ),
      { defaultPhoneCountry: 'DE' },
    );
    expect(keys.filter((k) => !k.kind.startsWith('name.'))).toEqual([
      { kind: 'email', value: 'a.saleh@example.org' },
      { kind: 'handle.telegram', value: 'asaleh' },
      { kind: 'id.aircraft', value: 'YKABC' },
      { kind: 'id.national', value: '1234567890' },
      { kind: 'id.passport', value: 'N0123456' },
      { kind: 'phone', value: '+442079460958' },
      { kind: 'phone', value: '+4915123456789' },
    ]);
  });

  it('handles several birth dates and ranges', () => {
    const keys = extractKeys(
      person({ name: ['Ahmad Ghalebani'], birthDate: ['01 Jan 1953 to 31 Dec 1954', '1960'] }),
    );
    expect(values(keys, 'name.pair+yob')).toEqual([
      'AHMD KLBN|1953',
      'AHMD KLBN|1954',
      'AHMD KLBN|1960',
    ]);
    expect(values(keys, 'name.part+dob')).toEqual([]);
  });

  it('gives East Slavic names a reading with h as g, so Ukrainian and Russian romanisations meet', () => {
    const a = person({ name: ['Yevhen Marchuk'] });
    const b = person({ name: ['Evgeny Marchuk'] });
    const c = person({ name: ['Євген Марчук'] });
    const d = person({ name: ['Евгений Марчук'] });
    for (const other of [b, c, d]) expect(shared(a, other, 'name.full').length).toBeGreaterThan(0);
    // the h reading stays: an English-style h for х still meets kh
    expect(
      shared(person({ name: ['Ahmed Zakayev'] }), person({ name: ['Ахмед Закаев'] }), 'name.full')
        .length,
    ).toBeGreaterThan(0);
    // Arabic names get no such reading: Hasan does not meet Ghassan
    expect(
      shared(
        person({ name: ['Hasan Ali Farouk'] }),
        person({ name: ['Ghassan Ali Farouk'] }),
        'name.full',
      ),
    ).toEqual([]);
  });

  it.each([
    ['Mohammed Ali al-Houthi', 'Muhammad Ali Huthi', 'محمد علي الحوثي'],
    ['Muammar Qaddafi', 'Moammar Gadhafi', 'Muammar al-Kadhafi', 'معمر القذافي'],
    ['Abdul Rahman Zeidan', 'Abd al-Rahman Zaydan', 'Abdel Rahman ZEIDAN', 'عبد الرحمن زيدان'],
    ['Oleksandr Yanukovych', 'Aleksandr Yanukovich', 'Олександр Янукович', 'Александр Янукович'],
    ['Serhiy Kurchenko', 'Sergei Kurchenko', 'Сергій Курченко', 'Сергей Курченко'],
    ['Oleh Tsaryov', 'Oleg Tsarev', 'Олег Царьов', 'Олег Царёв'],
    ['Dimitrios Kampis', 'Dimitris Cambis', 'Δημήτρης Καμπής'],
    ['Hryhoriy Surkis', 'Grigory Surkis', 'Григорій Суркіс', 'Григорий Суркис'],
    ['Seyed Mohammad Hosseini', 'Sayyed Muhammad Husseini', 'سید محمد حسینی'],
    ['Usama bin Ladin', 'Osama Binladen', 'Usamah bin Laden', 'أسامة بن لادن'],
  ])('variants of %s share a full-name key across scripts', (...names: string[]) => {
    const [first, ...rest] = names as [string, ...string[]];
    for (const other of rest) {
      expect(
        shared(person({ name: [first] }), person({ name: [other] }), 'name.full').length,
        `${first} ~ ${other}`,
      ).toBeGreaterThan(0);
    }
  });

  it('splits glued Persian compound given names', () => {
    for (const glued of ['Mohammadreza Naqdi', 'محمدرضا نقدی', 'Mohammad-Reza Naqdi']) {
      expect(
        shared(person({ name: ['Mohammad Reza Naqdi'] }), person({ name: [glued] }), 'name.pair')
          .length,
        glued,
      ).toBeGreaterThan(0);
    }
    expect(
      shared(
        person({ name: ['Aliakbar Velayati'] }),
        person({ name: ['Ali Akbar Velayati'] }),
        'name.pair',
      ),
    ).toContain('name.pair=AKBR AL');
  });

  it('meets a glued variant through the glued form', () => {
    expect(
      shared(
        person({ name: ['Seifollah JASHN SAZ'] }),
        person({ name: ['Seyfollah JASHNSAZ'] }),
        'name.glued',
      ),
    ).toEqual(['name.glued=SFLHJXNSZ']);
  });

  it('distinguishes different people', () => {
    expect(shared(person({ name: ['Ahmad Saleh'] }), person({ name: ['Hamed Salem'] }))).toEqual(
      [],
    );
  });
});

/** Name variants that differ only by case, diacritics, particle spacing or token order. */
const baseName = fc.constantFrom(
  'Mohammed Abd al-Rahman al-Houthi',
  'Ismail Abdul Salah Haniya',
  'Oleksandr Viktorovych Yanukovych',
  'Dimitrios Alexandros Kampis',
  'Abu Bakr al-Baghdadi',
  'Usama bin Muhammad bin-Ladin',
  'محمد عبد الرحمن الحوثي',
  'Євген Вікторович Марчук',
  'Δημήτρης Καμπής',
  'Seyed Mahmoud Mohaddes',
  'Ludwig Maria Hollebrand',
  'Hatem Abu Aned',
);

const DIACRITIC = ['\u0301', '\u0300', '\u0308', '\u0327', '\u0306'];

const PARTICLE_WORDS = new Set(['abu', 'abd', 'bin', 'al', 'el', 'van', 'der', 'عبد', 'بن', 'أبو']);

/** Words of a name, a particle kept with the word it introduces ("Abu Aned", "bin Muhammad"). */
function units(name: string): string[] {
  const out: string[] = [];
  let pending = '';
  for (const w of name.split(' ')) {
    if (PARTICLE_WORDS.has(w.toLowerCase())) pending += `${w} `;
    else {
      out.push(pending + w);
      pending = '';
    }
  }
  if (pending) out.push(pending.trim());
  return out;
}

function variant(name: string, seed: number[]): string {
  const tokens = units(name);
  let out = tokens;
  // reorder: surname first ("HANIYA Ismail")
  if ((seed[0] ?? 0) % 2 === 1 && tokens.length > 1)
    out = [tokens[tokens.length - 1] as string, ...tokens.slice(0, -1)];
  return out
    .map((t, i) => {
      const s = seed[(i + 1) % seed.length] ?? 0;
      let w = s % 3 === 0 ? t.toUpperCase() : s % 3 === 1 ? t.toLowerCase() : t;
      if (s % 5 === 0 && /^[a-z]/iu.test(w))
        w = w[0] + (DIACRITIC[s % DIACRITIC.length] as string) + w.slice(1);
      // particle spacing: "al-Houthi" ↔ "al Houthi", "Abd al-Rahman" ↔ "Abd al - Rahman"
      if (s % 7 === 0) w = w.replace(/-/gu, ' ');
      else if (s % 7 === 1) w = w.replace(/-/gu, ' - ');
      return w;
    })
    .join(s(seed) ? '  ' : ' ');
}
const s = (seed: number[]): boolean => (seed[0] ?? 0) % 4 === 0;

describe('extractKeys properties', () => {
  it('normalisation (toLatin) is idempotent on names', () => {
    fc.assert(
      fc.property(baseName, fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), (name, seed) => {
        const once = toLatin(variant(name, seed));
        expect(toLatin(once)).toBe(once);
      }),
    );
  });

  it('does not depend on property order, value order or duplicates', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(['Ahmad Ali Saleh', 'Abu Hamza', 'Ahmed Aly Salih', 'أحمد علي صالح'], {
          minLength: 1,
        }),
        (names) => {
          const a = person({
            name: names,
            birthDate: ['1962', '14 Oct 1963'],
            phone: ['+441234567890'],
          });
          const reversed = person({
            phone: ['+441234567890'],
            birthDate: ['14 Oct 1963', '1962'],
            name: [...names].reverse().concat(names),
          });
          expect(extractKeys(reversed)).toEqual(extractKeys(a));
        },
      ),
    );
  });

  it('a record always meets itself under a variant differing only by case, diacritics, particle spacing or token order', () => {
    fc.assert(
      fc.property(baseName, fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), (name, seed) => {
        const a = person({ name: [name], birthDate: ['1961'] });
        const b = person({ name: [variant(name, seed)], birthDate: ['1961'] });
        expect(shared(a, b, 'name.full').length).toBeGreaterThan(0);
        expect(shared(a, b, 'name.pair+yob').length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('keys are sorted and unique', () => {
    const keys = extractKeys(
      person({
        name: ['Mohammed Ahmad Mohammed Saleh', 'Muhammad Ahmed Salih'],
        birthDate: ['1960', '1961'],
      }),
    );
    const ids = keyIds(keys);
    expect(new Set(ids).size).toBe(ids.length);
    const byKindThenValue = [...keys].sort((a, b) =>
      a.kind < b.kind
        ? -1
        : a.kind > b.kind
          ? 1
          : a.value < b.value
            ? -1
            : a.value > b.value
              ? 1
              : 0,
    );
    expect(byKindThenValue).toEqual(keys);
  });
});
