import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canSpend, formatEpsilon, parseEpsilonMilli } from './epsilon.js';

describe('parseEpsilonMilli', () => {
  it.each([
    ['1', 1000],
    ['0.25', 250],
    ['12', 12000],
    ['0.001', 1],
    ['1.5', 1500],
    ['1.000', 1000],
    [' 2.5 ', 2500],
    ['007', 7000],
  ])('reads %j as %i thousandths', (text, milli) => {
    expect(parseEpsilonMilli(text)).toBe(milli);
  });

  it.each([
    '0',
    '0.0',
    '0.000',
    '-1',
    '1.2345',
    '0.0001',
    'abc',
    '',
    ' ',
    '1e3',
    '.5',
    '1.',
    '+1',
    'NaN',
    'Infinity',
    '1,5',
    '99999999999999999',
  ])('refuses %j', (text) => {
    expect(() => parseEpsilonMilli(text)).toThrow(RangeError);
  });
});

describe('formatEpsilon', () => {
  it.each([
    [1000, '1'],
    [250, '0.25'],
    [1, '0.001'],
    [0, '0'],
    [12000, '12'],
    [1500, '1.5'],
    [10, '0.01'],
    [-500, '-0.5'],
  ])('writes %i thousandths as %j', (milli, text) => {
    expect(formatEpsilon(milli)).toBe(text);
  });

  it('refuses fractions of a thousandth', () => {
    expect(() => formatEpsilon(0.5)).toThrow(RangeError);
    expect(() => formatEpsilon(Number.NaN)).toThrow(RangeError);
  });

  it('round-trips with parseEpsilonMilli', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000_000 }), (milli) => {
        expect(parseEpsilonMilli(formatEpsilon(milli))).toBe(milli);
      }),
    );
  });
});

describe('canSpend', () => {
  it('allows a release that exactly reaches the cap and refuses one past it', () => {
    expect(canSpend(12000, 11000, 1000)).toBe(true);
    expect(canSpend(12000, 11001, 1000)).toBe(false);
    expect(canSpend(12000, 12000, 1)).toBe(false);
    expect(canSpend(0, 0, 1)).toBe(false);
    expect(canSpend(1000, 0, 1000)).toBe(true);
  });

  it('adds up exactly where floats would drift: ten releases of 0.1 fill a cap of 1', () => {
    // In floats 0.1 added ten times is 0.9999999999999999 and an eleventh would still "fit".
    let spent = 0;
    for (let i = 0; i < 10; i++) {
      expect(canSpend(parseEpsilonMilli('1'), spent, parseEpsilonMilli('0.1'))).toBe(true);
      spent += parseEpsilonMilli('0.1');
    }
    expect(canSpend(parseEpsilonMilli('1'), spent, parseEpsilonMilli('0.1'))).toBe(false);
  });

  it('refuses amounts that are not non-negative integers', () => {
    expect(() => canSpend(12000, 0.5, 1000)).toThrow(RangeError);
    expect(() => canSpend(12000, -1, 1000)).toThrow(RangeError);
    expect(() => canSpend(Number.NaN, 0, 1000)).toThrow(RangeError);
    expect(() => canSpend(12000, 0, 1.5)).toThrow(RangeError);
  });
});
