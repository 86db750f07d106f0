import type { FtmPerson } from '@parallax/fingerprint';
import { describe, expect, it } from 'vitest';
import {
  derivedReferencesFollow,
  referenceRowProblem,
  screenReferences,
} from './reference-rules.js';

const person = (id: string, ...name: string[]): FtmPerson => ({
  id,
  schema: 'Person',
  properties: { name },
});

describe('reference rules shared by the web and CLI imports', () => {
  it('refuses a reference carrying a name of its record, in any script, then one off the pattern', () => {
    expect(referenceRowProblem('PETRENKO-7', person('a', 'Петренко Іван'), null)).toBe(
      'reference_contains_name',
    );
    expect(referenceRowProblem('HASSAN/2024', person('a', 'حسن علي'), null)).toBe(
      'reference_contains_name',
    );
    expect(referenceRowProblem('SYR-2024-7', person('a', 'حسن علي'), 'UA-####-#')).toBe(
      'reference_pattern_mismatch',
    );
    expect(referenceRowProblem('UA-2024-7', person('a', 'حسن علي'), 'UA-####-#')).toBeNull();
  });

  it('keeps the clean records and names the refused ones by position and id, never by value', () => {
    const persons = [
      person('r1', 'Ivan Petrenko'),
      person('r2', 'Oleh Melnyk'),
      person('r3', 'Anna Shevchenko'),
    ];
    const references = new Map([
      ['r1', 'PETRENKO-1'],
      ['r2', 'UA-2'],
      ['r3', ''],
    ]);
    const { kept, refused } = screenReferences(persons, {
      reference: (p) => references.get(p.id),
      referencePrefix: 'SHEVCHENKO-',
    });
    expect(kept.map((p) => p.id)).toEqual(['r2']);
    expect(refused).toEqual([
      { index: 0, recordId: 'r1', problem: 'reference_contains_name' },
      { index: 2, recordId: 'r3', problem: 'reference_contains_name' },
    ]);
    expect(JSON.stringify(refused)).not.toMatch(/petrenko|shevchenko/i);
  });

  it('tells whether references derived from a prefix can follow the pattern', () => {
    expect(derivedReferencesFollow('IMP-*', 'IMP-')).toBe(true);
    expect(derivedReferencesFollow(null, 'IMP-')).toBe(true);
    expect(derivedReferencesFollow('UA-####', 'UA-')).toBe(false);
  });
});
