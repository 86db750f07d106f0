import { describe, expect, it } from 'vitest';
import { birthDateProblem } from './birth-date-check.js';

const today = new Date('2026-06-15T12:00:00Z');

describe('birthDateProblem', () => {
  it.each([
    ['not-a-date', 'unparseable'],
    ['31/02/1975', 'impossible'],
    ['1975-02-29', 'impossible'],
    ['31 Feb 1960', 'impossible'],
    ['February 30, 1960', 'impossible'],
    ['13/13/1980', 'impossible'], // no 13th month, whichever way it is read
    ['2031', 'future'],
    ['2026-07-01', 'future'],
    ['1875', 'too_early'],
    ['1800', 'too_early'], // outside what the parser reads at all
    ['3000', 'future'],
  ])('%s → %s', (value, expected) => {
    expect(birthDateProblem(value, today)).toBe(expected);
  });

  it.each([
    '1976-02-29',
    '14 Oct 1963',
    '14.10.1963',
    '10/14/1963',
    '1962 or 1963',
    '١٩٦٣-١٠-١٤',
    'circa 1960',
    '1940 to 1960', // too wide to mean anything: ignored by the fingerprinting, not refused
    '2026-06',
    '',
    'unknown',
    'невідомо',
    'غير معروف',
  ])('%s is usable (or says it is unknown)', (value) => {
    expect(birthDateProblem(value, today)).toBeNull();
  });
});
