import {
  ALWAYS_PRESENT_NAME_KINDS,
  FINGERPRINT_SIZE_CLASSES,
  MAX_NAMES_PER_CASE,
  countFingerprintsByKind,
  fingerprintCountProblem,
} from '@parallax/domain';
import { toBase64Url, type Fingerprint, type FtmPerson } from '@parallax/fingerprint';
import { describe, expect, it } from 'vitest';
import {
  assertNameLimits,
  CaseLimitError,
  dummyFingerprint,
  exceedsCaseLimits,
  nameLimitProblem,
  padFingerprints,
} from './case-limits.js';
import { validateImportInput, ImportInputError } from './import-input.js';
import { localChunkFingerprinter } from './local-fingerprints.js';

const real = (kind: string, n: number): Fingerprint[] =>
  Array.from({ length: n }, (_, i) => ({
    kind,
    fp: toBase64Url(new Uint8Array(32).fill(i + 1)),
  }));

describe('name limits: a case describes one person', () => {
  it('refuses 990 candidate names as one case, and accepts a person with a dozen names', () => {
    const dictionary: FtmPerson = {
      id: 'd',
      properties: {
        name: ['A B'],
        alias: Array.from({ length: 989 }, (_, i) => `Name${i} Family${i}`),
      },
    };
    expect(() => assertNameLimits(dictionary)).toThrow(CaseLimitError);
    expect(() => assertNameLimits(dictionary)).toThrow(
      expect.objectContaining({ code: 'CASE_TOO_MANY_NAMES' }),
    );
    const genuine: FtmPerson = {
      id: 'g',
      properties: {
        name: ['Ismail Haniya'],
        alias: Array.from({ length: MAX_NAMES_PER_CASE - 1 }, (_, i) => `Ismail Haniyya${i}`),
      },
    };
    expect(nameLimitProblem(genuine)).toBeNull();
    const one: FtmPerson = {
      id: 'o',
      properties: {
        name: ['Ismail Haniya'],
        alias: Array.from({ length: MAX_NAMES_PER_CASE }, (_, i) => `I Haniyya${i}`),
      },
    };
    expect(nameLimitProblem(one)).toMatch(/13 names/);
  });

  it('the CLI refuses such a record before signing in, and the chunk fingerprinter spends nothing on it', async () => {
    const dictionary: FtmPerson = {
      id: 'd',
      properties: { name: Array.from({ length: 40 }, (_, i) => `Name${i} Family${i}`) },
    };
    expect(() => validateImportInput([dictionary])).toThrow(ImportInputError);
    expect(() => validateImportInput([dictionary])).toThrow(/CASE_TOO_MANY_NAMES/);
    let evaluated = 0;
    const chunk = localChunkFingerprinter([dictionary], { groupKey: new Uint8Array(32) });
    const out = await chunk(0, 1, async (blinded) => {
      evaluated += blinded.length;
      return blinded;
    });
    expect(evaluated).toBe(0);
    expect(out[0]?.fingerprints).toEqual([]);
  });
});

describe('padding', () => {
  it('pads each kind present to its size class with CSPRNG dummies shaped like real fingerprints', () => {
    const input = [...real('name.pair', 5), ...real('name.pair+yob', 1), ...real('id.passport', 2)];
    const padded = padFingerprints(input);
    const counts = countFingerprintsByKind(padded);
    expect(Object.fromEntries(counts)).toEqual({
      'name.pair': 8,
      'name.pair+yob': 4,
      'id.passport': 4,
      // Always present with any name kind (dummies only here).
      'name.sub': 4,
      'name.glued': 4,
    });
    expect(fingerprintCountProblem(counts)).toBeNull();
    // Every real fingerprint is kept; no kind appears that was absent, but for the always-present name kinds.
    const keys = new Set(padded.map((f) => `${f.kind} ${f.fp}`));
    for (const f of input) expect(keys.has(`${f.kind} ${f.fp}`)).toBe(true);
    expect(keys.size).toBe(padded.length);
    for (const f of padded) expect(f.fp).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Two paddings of the same set differ (fresh randomness each time).
    const again = padFingerprints(input);
    expect(new Set(again.map((f) => f.fp))).not.toEqual(new Set(padded.map((f) => f.fp)));
  });

  it('leaves a set already at a size class unchanged in content, and an empty set empty', () => {
    const four = real('email', 4);
    expect(new Set(padFingerprints(four).map((f) => f.fp))).toEqual(new Set(four.map((f) => f.fp)));
    expect(padFingerprints([])).toEqual([]);
  });

  it('shuffles: real fingerprints do not always come first', () => {
    const input = real('email', 3);
    let firstIsReal = 0;
    for (let i = 0; i < 64; i++) {
      const p = padFingerprints(input);
      if (input.some((f) => f.fp === p[0]?.fp)) firstIsReal++;
    }
    expect(firstIsReal).toBeGreaterThan(10);
    expect(firstIsReal).toBeLessThan(64);
  });

  it('adds name.pair, name.sub and name.glued (dummies) to any case with a name kind, and only then', () => {
    for (const input of [real('name.full', 2), real('name.pair+yob', 1), real('name.glued', 5)]) {
      const counts = countFingerprintsByKind(padFingerprints(input));
      for (const kind of ALWAYS_PRESENT_NAME_KINDS)
        expect(counts.get(kind), kind).toBeGreaterThanOrEqual(FINGERPRINT_SIZE_CLASSES[0] as number);
      expect(fingerprintCountProblem(counts)).toBeNull();
    }
    // Without them the hub refuses the set: padding is what makes it acceptable.
    expect(fingerprintCountProblem(countFingerprintsByKind(real('name.full', 4)))).toBe(
      'CASE_FINGERPRINTS_NOT_PADDED',
    );
    const identifiersOnly = countFingerprintsByKind(padFingerprints(real('id.passport', 1)));
    expect([...identifiersOnly.keys()]).toEqual(['id.passport']);
  });

  it('uses the random source it is given, 32 bytes per dummy', () => {
    const sizes: number[] = [];
    const fixed = (n: number) => {
      sizes.push(n);
      return new Uint8Array(n).fill(7);
    };
    expect(dummyFingerprint(fixed)).toBe(toBase64Url(new Uint8Array(32).fill(7)));
    expect(sizes).toEqual([32]);
  });

  it('refuses more than one person yields, per kind and in all (CASE_TOO_MANY_FINGERPRINTS)', () => {
    expect(() => padFingerprints(real('name.pair', 129))).toThrow(
      expect.objectContaining({ code: 'CASE_TOO_MANY_FINGERPRINTS' }),
    );
    expect(() => padFingerprints(real('phone', 17))).toThrow(
      expect.objectContaining({ code: 'CASE_TOO_MANY_FINGERPRINTS' }),
    );
    const many = Array.from({ length: 5 }, (_, k) => real(`name.k${k}`, 100)).flat();
    expect(() => padFingerprints(many)).toThrow(
      expect.objectContaining({ code: 'CASE_TOO_MANY_FINGERPRINTS' }),
    );
    expect(FINGERPRINT_SIZE_CLASSES[0]).toBe(4);
    expect(exceedsCaseLimits(real('name.pair', 129))).toBe(true);
    expect(exceedsCaseLimits(many)).toBe(true);
    expect(exceedsCaseLimits(real('name.pair', 128))).toBe(false);
  });
});
