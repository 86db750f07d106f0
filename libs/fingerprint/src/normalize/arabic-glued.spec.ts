import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitGluedArabic, splitGluedArabicWord } from './arabic-glued.js';
import { ARABIC_NAME_WORDS } from './arabic-name-words.js';
import { tokenizeName } from './names.js';
import { meet } from './normalize.test-helpers.js';

/** Arabic-script name words with a standard Latin spelling (textbook forms, no person list). */
// prettier-ignore
const WORDS: readonly (readonly [string, string])[] = [
  ['محمد', 'Muhammad'], ['علي', 'Ali'], ['حسن', 'Hasan'], ['حسين', 'Husayn'], ['احمد', 'Ahmad'],
  ['عمر', 'Umar'], ['يوسف', 'Yusuf'], ['ابراهيم', 'Ibrahim'], ['خالد', 'Khalid'], ['سعيد', 'Said'],
  ['عبدالله', 'Abdullah'], ['عبدالرحمن', 'Abd al-Rahman'], ['عبدالعزيز', 'Abdulaziz'], ['نورالدين', 'Nur al-Din'],
  ['رضا', 'Rida'], ['جعفر', 'Jafar'], ['مصطفى', 'Mustafa'], ['صالح', 'Salih'], ['ابوبكر', 'Abu Bakr'],
];

describe('glued Arabic-script names', () => {
  it('splits words written without a space, keeping the as-written reading first', () => {
    expect(splitGluedArabic('محمدعلي')).toBe('محمد علي');
    expect(splitGluedArabic('عبدالرحمنمحمد الشمري')).toBe('عبدالرحمن محمد الشمري');
    expect(splitGluedArabic('نورالدين')).toBe('نور الدين');
    expect(splitGluedArabic('ابوبكر')).toBe('ابو بكر');
    expect(splitGluedArabic('محمدبنسلمان')).toBe('محمد بن سلمان');
    expect(splitGluedArabic('حسینعلی')).toBe('حسین علی'); // Persian letters kept as written
    const readings = tokenizeName('محمدعلي حسن');
    expect(readings[0]?.map((t) => t.forms[0])).toEqual(['mhmdaly', 'hsn']);
  });

  it('meets the spaced and the Latin forms', () => {
    expect(meet('محمدعلي', 'محمد علي')).toBe(true);
    expect(meet('محمدعلي', 'Mohammed Ali')).toBe(true);
    expect(meet('عبدالرحمنمحمد', 'Abdul Rahman Mohamed')).toBe(true);
    expect(meet('نورالدين حسن', 'Nur al-Din Hasan')).toBe(true);
    expect(meet('نورالدين حسن', 'Noureddine Hassan')).toBe(true);
    expect(meet('ابوبكر البغدادي', 'Abu Bakr al-Baghdadi')).toBe(true);
  });

  it('never cuts a listed word, a compound the transliteration reads, or a word it cannot cover', () => {
    for (const word of [
      'عبدالله',
      'حسنين',
      'محمد',
      'عمران',
      'سلمان',
      'عبدالرحمن',
      'الشمري',
      'شاهين',
    ]) {
      expect(splitGluedArabicWord(word), word).toBeNull();
    }
    expect(splitGluedArabic('Mohammed Ali')).toBeNull();
  });

  it('glued and spaced dictionary words meet, and a split text has nothing left to split (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...WORDS), { minLength: 2, maxLength: 3 }),
        (words) => {
          const glued = words.map(([a]) => a).join('');
          const spaced = words.map(([a]) => a).join(' ');
          const latin = words.map(([, l]) => l).join(' ');
          expect(meet(glued, spaced), `${glued} ~ ${spaced}`).toBe(true);
          expect(meet(glued, latin), `${glued} ~ ${latin}`).toBe(true);
          const split = splitGluedArabic(glued);
          expect(split).not.toBeNull();
          expect(splitGluedArabic(split as string)).toBeNull();
        },
      ),
      { numRuns: 150 },
    );
  });

  it('no dictionary word is split (property)', () => {
    const words = ARABIC_NAME_WORDS.map((line) => line.split(' ')[0] as string);
    fc.assert(
      fc.property(fc.constantFrom(...words), (word) => {
        expect(splitGluedArabicWord(word)).toBeNull();
      }),
    );
  });
});
