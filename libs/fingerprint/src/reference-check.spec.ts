import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TITLES } from './normalize/names.js';
import { referenceContainsName, referenceNameTokens } from './reference-check.js';

describe('referenceNameTokens', () => {
  it.each([
    ['IVANOV-2024', ['Sergei Ivanov'], ['ivanov']],
    ['Ivanov_01', ['Иванов'], ['ivanov']],
    ['IVANOV/7', ['Іванов Петро'], ['ivanov']],
    ['MOHAMMED-2024', ['محمد'], ['mohammed']],
    ['SYR-2024-017-HASSAN', ['حسن علي'], ['hassan']],
    ['UA.2024.Petrenko', ['Петренко Олег'], ['petrenko']],
    ['ПЕТРЕНКО-5', ['Petrenko Oleh'], ['петренко']],
    ['محمد-12', ['Mohammed al-Hassan'], ['محمد']],
    ['GR-Papadopoulos', ['Γιώργος Παπαδόπουλος'], ['papadopoulos']],
    ['Müller#3', ['Hans Mueller', 'Müller'], ['muller']],
    ['case-MULLER', ['Hans Müller'], ['muller']],
    ['MUHAMMAD-5', ['Mohammed Saleh'], ['muhammad']],
    ['案件李明2024', ['李明'], ['李明']],
  ])('refuses %s for %j', (reference, names, expected) => {
    expect(referenceNameTokens(reference, names)).toEqual(expected);
  });

  it.each([
    ['SYR-2024-017', ['Sari Haddad']],
    ['UA-2024-0042', ['Олег Петренко']],
    ['AL-2024', ['Ali al-Masri']],
    ['DE-17', ['Jean de la Fontaine']],
    ['GENERAL-4', ['General Ivanov']],
    ['ABU-17', ['Abu Bakr']],
    ['2024/17', ['Ivanov']],
    ['CASEIVANOV', ['Ivanov']],
    ['Li-2024', ['Li Ming']],
  ])('accepts %s for %j', (reference, names) => {
    expect(referenceNameTokens(reference, names)).toEqual([]);
  });

  it('ignores empty and whitespace names', () => {
    expect(referenceContainsName('IVANOV-1', ['', '  '])).toBe(false);
  });

  const letters = fc
    .array(fc.constantFrom(...'bcdfghjklmnprstvz'), { minLength: 1, maxLength: 4 })
    .chain((consonants) =>
      fc
        .array(fc.constantFrom(...'aeiou'), {
          minLength: consonants.length,
          maxLength: consonants.length,
        })
        .map((vowels) => consonants.map((c, i) => c + (vowels[i] as string)).join('')),
    )
    // Titles ("haji", "bey"…) are no name token by design: the check skips them.
    .filter((w) => w.length >= 3 && !TITLES.has(w));
  const separators = fc.stringMatching(/^[0-9\-_/. ]{1,6}$/u);

  it('refuses any name token (3+ letters) surrounded by digits and separators, in any case', () => {
    fc.assert(
      fc.property(letters, separators, separators, fc.boolean(), (word, before, after, upper) => {
        const reference = `${before}${upper ? word.toUpperCase() : word}${after}`;
        expect(referenceContainsName(reference, [`Xavier ${word}`])).toBe(true);
      }),
    );
  });

  it('never refuses a reference of digits and separators only', () => {
    fc.assert(
      fc.property(separators, fc.array(fc.string(), { maxLength: 4 }), (reference, names) => {
        expect(referenceNameTokens(reference, names)).toEqual([]);
      }),
    );
  });

  it('ignores names whose tokens are all shorter than 3 letters', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z]{1,2}$/u), { minLength: 1, maxLength: 4 }),
        fc.string(),
        (tokens, reference) => {
          expect(referenceNameTokens(reference, [tokens.join(' ')])).toEqual([]);
        },
      ),
    );
  });

  it('reports only tokens found in the reference', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.string(), { maxLength: 3 }), (reference, names) => {
        const folded = reference.normalize('NFKC').toLowerCase();
        for (const hit of referenceNameTokens(reference, names)) {
          expect(folded.normalize('NFD').replace(/\p{M}/gu, '')).toContain(hit.normalize('NFD'));
        }
      }),
    );
  });
});
