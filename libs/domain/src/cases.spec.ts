import { describe, expect, it } from 'vitest';
import { ALWAYS_PRESENT_NAME_KINDS, fingerprintCountProblem } from './cases.js';

const counts = (entries: Array<[string, number]>) => new Map(entries);
const alwaysPresent = (n = 4): Array<[string, number]> =>
  ALWAYS_PRESENT_NAME_KINDS.map((k) => [k, n]);

describe('fingerprintCountProblem: name kinds always present', () => {
  it('accepts a case with a name kind when pair, sub and glued are all there (dummies or not)', () => {
    expect(fingerprintCountProblem(counts([['name.full', 4], ...alwaysPresent()]))).toBeNull();
    expect(fingerprintCountProblem(counts([...alwaysPresent(8), ['id.passport', 4]]))).toBeNull();
  });

  it.each(ALWAYS_PRESENT_NAME_KINDS)('refuses a case with name kinds but no %s', (missing) => {
    const entries = [['name.full', 4], ...alwaysPresent()].filter(([k]) => k !== missing) as Array<
      [string, number]
    >;
    expect(fingerprintCountProblem(counts(entries))).toBe('CASE_FINGERPRINTS_NOT_PADDED');
  });

  it('refuses a case whose only name kind is a date kind without the always-present kinds', () => {
    expect(fingerprintCountProblem(counts([['name.pair+yob', 4]]))).toBe(
      'CASE_FINGERPRINTS_NOT_PADDED',
    );
  });

  it('asks nothing of a case with no name fingerprint', () => {
    expect(
      fingerprintCountProblem(
        counts([
          ['id.passport', 4],
          ['phone', 4],
        ]),
      ),
    ).toBeNull();
  });

  it('still says too many before not padded', () => {
    expect(fingerprintCountProblem(counts([['name.full', 256]]))).toBe(
      'CASE_TOO_MANY_FINGERPRINTS',
    );
  });
});
