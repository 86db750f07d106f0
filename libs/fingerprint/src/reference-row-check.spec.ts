import { describe, expect, it } from 'vitest';
import { problemReportCsv } from './import-problems.js';
import { readImportFile } from './import-file.js';
import { referenceNameCheck } from './reference-check.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

const CSV = [
  'Record ID,Full name,Alias,Date of birth',
  'r1,محمد الأحمد,,1980',
  'r2,Olena Petrenko,,1970-05-02',
  'r3,Ivan Shevchenko,Иванов,',
  'r4,Mohamed Ali,,1990',
].join('\n');

const read = (prefix: string, format: 'csv' | 'jsonl' = 'csv', text = CSV) =>
  readImportFile(utf8(text), { format, rowChecks: [referenceNameCheck(prefix)] });

describe('referenceNameCheck through readImportFile', () => {
  it('skips the rows whose names are in the shared reference, in any script, naming the column', () => {
    const r = read('MOHAMMED-');
    expect(r.persons.map((p) => p.id)).toEqual(['r2', 'r3']);
    expect(r.rowProblems).toEqual([
      { row: 1, field: 'Full name', code: 'reference_contains_name' },
      { row: 4, field: 'Full name', code: 'reference_contains_name' },
    ]);
  });

  it('reads an alias written in Cyrillic as its Latin form, and Latin names as themselves', () => {
    expect(read('IVANOV/').rowProblems).toEqual([
      { row: 3, field: 'Alias', code: 'reference_contains_name' },
    ]);
    expect(read('Petrenko ').rowProblems).toEqual([
      { row: 2, field: 'Full name', code: 'reference_contains_name' },
    ]);
  });

  it('lets every row through a prefix without a name, or an empty one', () => {
    for (const prefix of ['IMP-', 'UA-2024-', '']) {
      const r = read(prefix);
      expect(r.rowProblems).toEqual([]);
      expect(r.persons).toHaveLength(4);
    }
  });

  it('checks JSON Lines entities by property', () => {
    const jsonl = [
      { id: 'a', schema: 'Person', properties: { name: ['Олена Петренко'] } },
      { id: 'b', schema: 'Person', properties: { name: ['Karim Haddad'] } },
    ]
      .map((e) => JSON.stringify(e))
      .join('\n');
    const r = read('PETRENKO-', 'jsonl', jsonl);
    expect(r.persons.map((p) => p.id)).toEqual(['b']);
    expect(r.rowProblems).toEqual([{ row: 1, field: 'name', code: 'reference_contains_name' }]);
  });

  it('never puts a name into the problem report', () => {
    const report = problemReportCsv(read('MOHAMMED-').rowProblems);
    for (const value of ['محمد', 'Mohamed', 'MOHAMMED', 'r1', 'r4'])
      expect(report).not.toContain(value);
  });
});
