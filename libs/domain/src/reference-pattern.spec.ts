import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CASE_REFERENCE_PATTERN } from './cases.js';
import {
  compileReferencePattern,
  matchesReferencePattern,
  MAX_REFERENCE_PATTERN_LENGTH,
  referencePatternExample,
  referencePatternProblem,
} from './reference-pattern.js';

describe('reference patterns', () => {
  it.each([
    ['UA-####-@@', 'UA-2024-AB', true],
    ['UA-####-@@', 'UA-2024-ЖЯ', true],
    ['UA-####-@@', 'UA-202-AB', false],
    ['UA-####-@@', 'ua-2024-AB', false],
    ['UA-####-@@', 'UA-2024-AB ', true],
    ['UA-####-@@', 'XUA-2024-AB', false],
    ['UA-####-@@', 'UA-2024-ABC', false],
    ['SYR/*/##', 'SYR/Aleppo7/01', true],
    ['SYR/*/##', 'SYR//01', false],
    ['*-*', 'أ١-b2', true],
    ['A.B', 'AxB', false],
    ['A.B', 'A.B', true],
  ])('%s against %s → %s', (pattern, reference, expected) => {
    expect(matchesReferencePattern(pattern, reference)).toBe(expected);
  });

  it('lets every reference through when the organisation has no pattern', () => {
    expect(matchesReferencePattern(null, 'anything-at-all')).toBe(true);
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['A'.repeat(MAX_REFERENCE_PATTERN_LENGTH + 1), 'too_long'],
    ['UA-(##)', 'character'],
    ['UA-##+', 'character'],
    ['UA-\\d', 'character'],
    ['**', 'stars'],
    ['*#*', 'stars'],
    ['*A*', 'stars'],
    ['-UA-##', 'start'],
  ])('refuses %j (%s)', (pattern, problem) => {
    expect(referencePatternProblem(pattern)).toBe(problem);
    expect(() => compileReferencePattern(pattern)).toThrow();
  });

  it('gives an example that follows the pattern', () => {
    expect(referencePatternExample('UA-####-@@')).toBe('UA-1234-AB');
    const pattern = fc.stringMatching(/^[A-Z#@][A-Z0-9#@]{0,8}(?:[-/.][A-Z0-9#@*]{0,8}){0,3}$/u);
    fc.assert(
      fc.property(pattern, (p) => {
        fc.pre(referencePatternProblem(p) === null);
        const example = referencePatternExample(p);
        expect(matchesReferencePattern(p, example)).toBe(true);
        expect(CASE_REFERENCE_PATTERN.test(example)).toBe(true);
      }),
    );
  });

  it('compiles to an anchored expression with no nested quantifier', () => {
    const source = compileReferencePattern('UA-*-*/##@').source;
    expect(source.startsWith('^')).toBe(true);
    expect(source.endsWith('$')).toBe(true);
    expect(source).not.toMatch(/\)[+*]|\][+*][+*]/u);
  });

  it('matches in linear time the worst inputs a valid pattern can meet (no backtracking blow-up)', () => {
    const pattern = `${'*-'.repeat(31)}#`;
    expect(referencePatternProblem(pattern)).toBeNull();
    const regex = compileReferencePattern(pattern);
    // a near miss of 80 characters: would take ages with `(a+)+`-style backtracking
    expect(regex.test(`${'a-'.repeat(39)}aa`)).toBe(false);
  });

  it('never accepts a character outside what a case reference may hold', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (p) => {
        if (referencePatternProblem(p) !== null) return;
        expect(/^[\p{L}\p{N} ._/:#@*-]+$/u.test(p)).toBe(true);
      }),
    );
  });
});
