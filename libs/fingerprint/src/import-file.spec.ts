import { describe, expect, it } from 'vitest';
import { FIXTURE_TODAY, IMPORT_FIXTURES } from './import-fixtures.js';
import { decodeImportBytes, formatOfName, readImportFile } from './import-file.js';
import { countProblems, problemReportCsv, type RowCheck } from './import-problems.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('readImportFile: one problem per unusable file, the skipped rows listed', () => {
  it.each(IMPORT_FIXTURES.map((f) => [f.name, f] as const))('%s', (_name, fixture) => {
    const read = readImportFile(fixture.bytes, { format: fixture.format, today: FIXTURE_TODAY });
    expect(read.problem).toBe(fixture.problem);
    expect(read.persons.map((p) => p.id)).toEqual(fixture.ids);
    expect(read.rowProblems).toEqual(fixture.rowProblems);
  });

  it('detects binary content before parsing: a large binary file gives one problem and no rows', () => {
    const bytes = new Uint8Array(2_000_000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
    const read = readImportFile(bytes, { format: 'csv' });
    expect(read).toMatchObject({ problem: 'not_text', persons: [], rowProblems: [], headers: [] });
  });

  it('reads UTF-16 with a byte-order mark (Excel "Unicode text"), tabs and Arabic or Cyrillic names', () => {
    const text = '\uFEFFname\tdob\nОлена Мельник\t14.10.1963\nأحمد حداد\t1976-02-29\n';
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      bytes[i * 2] = text.charCodeAt(i) & 0xff;
      bytes[i * 2 + 1] = text.charCodeAt(i) >> 8;
    }
    expect(decodeImportBytes(bytes).problem).toBeNull();
    const read = readImportFile(bytes, { format: 'csv' });
    expect(read.problem).toBeNull();
    expect(read.persons.map((p) => p.properties['name'])).toEqual([
      ['Олена Мельник'],
      ['أحمد حداد'],
    ]);
  });

  it('says JSON content is not CSV', () => {
    const read = readImportFile(utf8('{"schema":"Person","properties":{"name":["A B"]}}\n'), {
      format: 'csv',
    });
    expect(read.problem).toBe('unknown_format');
  });

  it('an explicit mapping resolves no_name_column', () => {
    const bytes = utf8('Column A,Column B\nTaras Bulba,1970\n');
    const read = readImportFile(bytes, { format: 'csv', mapping: { 'Column A': 'name' } });
    expect(read.problem).toBeNull();
    expect(read.persons).toHaveLength(1);
  });

  it('skips a row whose cells do not match the header, keeping the other rows numbered as before', () => {
    const read = readImportFile(
      utf8('name,dob\nTaras Bulba,1970\nAhmad,Haddad,1967\nOlena Melnyk,1980\n'),
      {
        format: 'csv',
      },
    );
    expect(read.rowProblems).toEqual([{ row: 2, code: 'malformed_row', detail: 'too_many_cells' }]);
    expect(read.persons.map((p) => p.id)).toEqual(['row-1', 'row-3']);
  });

  it('runs the extra row checks a feature adds, after the standard ones', () => {
    const noX: RowCheck = (fields) =>
      fields.some((f) => f.values.some((v) => v.includes('X')))
        ? [{ code: 'has_x', field: 'name' }]
        : [];
    const read = readImportFile(utf8('name\nTaras X\nOlena\n'), {
      format: 'csv',
      rowChecks: [noX],
    });
    expect(read.rowProblems).toEqual([{ row: 1, code: 'has_x', field: 'name' }]);
    expect(read.persons).toHaveLength(1);
  });

  it('keeps a record known only by an identifier; skips one with a birth date alone', () => {
    const read = readImportFile(utf8('Telegram,DOB\n@someone,\n,1970\n'), { format: 'csv' });
    expect(read.problem).toBeNull();
    expect(read.persons.map((p) => p.id)).toEqual(['row-1']);
    expect(read.rowProblems).toEqual([{ row: 2, code: 'no_name' }]);
  });

  it('suggests a format from the file name', () => {
    expect(formatOfName('people.ndjson')).toBe('jsonl');
    expect(formatOfName('people.CSV')).toBe('csv');
    expect(formatOfName('people')).toBeNull();
  });
});

describe('the problem report', () => {
  const fixture = IMPORT_FIXTURES.find((f) => f.name === 'birth dates');
  const read = readImportFile(fixture?.bytes ?? new Uint8Array(), {
    format: 'csv',
    today: FIXTURE_TODAY,
  });

  it('lists row, column, problem and detail, never a value from the file', () => {
    const report = problemReportCsv(read.rowProblems);
    expect(report.split('\r\n')[0]).toBe('row,column,problem,detail');
    expect(report).toContain('2,Date of birth,invalid_birth_date,impossible');
    for (const value of ['not-a-date', '31/02', 'Олена', 'حداد', '1875', '2099']) {
      expect(report).not.toContain(value);
    }
  });

  it('counts the problems per code', () => {
    expect(countProblems(read.rowProblems)).toEqual([
      ['invalid_birth_date', 5],
      ['no_name', 1],
    ]);
  });

  it('defuses a header a spreadsheet would run as a formula', () => {
    expect(problemReportCsv([{ row: 1, field: '=HYPERLINK("x")', code: 'no_name' }])).toContain(
      `"'=HYPERLINK(""x"")"`,
    );
  });
});
