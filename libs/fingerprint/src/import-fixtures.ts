/**
 * Import files with known problems, as bytes. The library's tests, the web
 * import's and the CLI's use the same ones, so the three are checked to
 * report the same problems for the same file (no plaintext of anyone real).
 */
import type { FileProblemCode, RowProblem } from './import-problems.js';
import type { ImportFileFormat } from './import-file.js';

export interface ImportFixture {
  readonly name: string;
  readonly format: ImportFileFormat;
  readonly bytes: Uint8Array;
  readonly problem: FileProblemCode | null;
  /** Ids of the persons read. */
  readonly ids: readonly string[];
  readonly rowProblems: readonly RowProblem[];
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** "Today" for these fixtures, so the future-date case does not age. */
export const FIXTURE_TODAY = new Date('2026-06-15T12:00:00Z');

const PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1,
]);
const ZIP = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0, 0x08, 0, 0, 0, 0x21, 0]);
const utf16NoBom = (text: string): Uint8Array => {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) out[i * 2] = text.charCodeAt(i);
  return out;
};

const DATES_CSV =
  'Record ID,Full name,Date of birth\n' +
  'P1,Олена Мельник,not-a-date\n' +
  'P2,أحمد حداد,31/02/1975\n' +
  'P3,Taras Bulba,1975-02-29\n' +
  'P4,Ivan Franko,1976-02-29\n' +
  'P5,Maria Curie,2099-01-01\n' +
  'P6,Old Person,1875\n' +
  'P7,,1970\n' +
  'P8,محمد المصري,unknown\n';

export const IMPORT_FIXTURES: readonly ImportFixture[] = [
  {
    name: 'empty',
    format: 'csv',
    bytes: new Uint8Array(0),
    problem: 'empty',
    ids: [],
    rowProblems: [],
  },
  {
    name: 'BOM and blank lines only',
    format: 'csv',
    bytes: utf8('\uFEFF \n\n'),
    problem: 'empty',
    ids: [],
    rowProblems: [],
  },
  {
    name: 'header only',
    format: 'csv',
    bytes: utf8('Full name,DOB\n'),
    problem: 'no_records',
    ids: [],
    rowProblems: [],
  },
  {
    name: 'wrong header',
    format: 'csv',
    bytes: utf8('Column A,Column B\nx,y\n'),
    problem: 'no_name_column',
    ids: [],
    rowProblems: [],
  },
  { name: 'PNG', format: 'csv', bytes: PNG, problem: 'not_text', ids: [], rowProblems: [] },
  { name: 'ZIP (xlsx)', format: 'csv', bytes: ZIP, problem: 'not_text', ids: [], rowProblems: [] },
  {
    name: 'UTF-16 without BOM',
    format: 'csv',
    bytes: utf16NoBom('name\nTaras\n'),
    problem: 'not_utf8',
    ids: [],
    rowProblems: [],
  },
  {
    name: 'Latin-1',
    format: 'csv',
    bytes: Uint8Array.from([...utf8('name\nJos'), 0xe9, 0x0a]),
    problem: 'not_utf8',
    ids: [],
    rowProblems: [],
  },
  {
    name: 'CSV read as JSON Lines',
    format: 'jsonl',
    bytes: utf8('name\nTaras\n'),
    problem: 'unknown_format',
    ids: [],
    rowProblems: [],
  },
  {
    name: 'birth dates',
    format: 'csv',
    bytes: utf8(DATES_CSV),
    problem: null,
    ids: ['P4', 'P8'],
    rowProblems: [
      { row: 1, field: 'Date of birth', code: 'invalid_birth_date', detail: 'unparseable' },
      { row: 2, field: 'Date of birth', code: 'invalid_birth_date', detail: 'impossible' },
      { row: 3, field: 'Date of birth', code: 'invalid_birth_date', detail: 'impossible' },
      { row: 5, field: 'Date of birth', code: 'invalid_birth_date', detail: 'future' },
      { row: 6, field: 'Date of birth', code: 'invalid_birth_date', detail: 'too_early' },
      { row: 7, code: 'no_name' },
    ],
  },
  {
    name: 'JSON Lines with a bad line',
    format: 'jsonl',
    bytes: utf8(
      [
        '{"id":"A","schema":"Person","properties":{"name":["Ahmad Haddad"],"birthDate":["1967"]}}',
        '{"id":"B","schema":"Person","properties":{"name":["Secretina Canarybird"]',
        '{"id":"C","schema":"Person","properties":{"name":["Olena Melnyk"],"birthDate":["31 Feb 1970"]}}',
        '{"id":"D","schema":"Company","properties":{"name":["Acme"]}}',
        '{"id":"E","schema":"Person","properties":{"birthDate":["1970"]}}',
      ].join('\n'),
    ),
    problem: null,
    ids: ['A'],
    rowProblems: [
      { row: 2, code: 'bad_json_line', detail: 'not-json' },
      { row: 3, field: 'birthDate', code: 'invalid_birth_date', detail: 'impossible' },
      { row: 5, code: 'no_name' },
    ],
  },
  {
    name: 'JSON Lines of companies only',
    format: 'jsonl',
    bytes: utf8('{"id":"D","schema":"Company","properties":{"name":["Acme"]}}\n'),
    problem: 'no_records',
    ids: [],
    rowProblems: [],
  },
];
