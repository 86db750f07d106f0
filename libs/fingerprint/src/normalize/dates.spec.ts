import { describe, expect, it } from 'vitest';
import { dateLevels, parseBirthDates } from './dates.js';

describe('parseBirthDates', () => {
  it.each([
    ['1962', ['1962']],
    ['14 Oct 1963', ['1963-10-14']],
    ['1963-10-14', ['1963-10-14']],
    ['1963-10', ['1963-10']],
    ['October 14, 1963', ['1963-10-14']],
    ['Oct 1963', ['1963-10']],
    ['14.10.1963', ['1963-10-14']],
    ['14/10/1963', ['1963-10-14']],
    ['10/14/1963', ['1963-10-14']], // month-first only when the day cannot be a month
    ['1963/10/14', ['1963-10-14']],
    ['circa 1960', ['1960']],
    ['c. 1960', ['1960']],
    ['1st Jan 1970', ['1970-01-01']],
    ['١٩٦٣-١٠-١٤', ['1963-10-14']],
    ['۱۳۴۲', []], // a Persian-calendar year is out of range: never guessed
    ['01 Jan 1953 to 31 Dec 1954', ['1953', '1954']],
    ['between 1953 and 1955', ['1953', '1954', '1955']],
    ['1953-1954', ['1953', '1954']],
    ['1962 or 1963', ['1962', '1963']],
    ['14 Oct 1963; 1965', ['1963-10-14', '1965']],
    ['1940 to 1960', []], // too wide to say anything
    ['1958 (approx.)', ['1958']],
    ['1958?', ['1958']],
    ['born 12 May 1970 in Damascus', ['1970-05-12']],
    ['Born in Gaza, 1962', ['1962']],
    ['1960 and 1962 per other sources', []], // two years, no structure: not guessed
    ['unknown', []],
    ['31 Feb 1960', ['1960-02']], // the impossible day is dropped, month and year kept
    ['', []],
  ])('%s → %j', (input, expected) => {
    expect(parseBirthDates(input)).toEqual(expected);
  });
});

describe('dateLevels', () => {
  it('lists year, month and day levels', () => {
    expect(dateLevels('1963-10-14')).toEqual(['1963', '1963-10', '1963-10-14']);
    expect(dateLevels('1963')).toEqual(['1963']);
  });
});
