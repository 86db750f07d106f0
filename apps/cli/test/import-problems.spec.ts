import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IMPORT_FIXTURES, type ImportFixture } from '@parallax/fingerprint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPersons } from '../src/commands/person-input.js';
import { CliError, ExitCode } from '../src/io/cli-error.js';
import { runCli } from './run-cli.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parallax-cli-problems-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let n = 0;
async function fixtureFile(fixture: Pick<ImportFixture, 'format' | 'bytes'>): Promise<string> {
  const path = join(dir, `input-${++n}.${fixture.format}`);
  await writeFile(path, fixture.bytes);
  return path;
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const FILE_PROBLEM_EXIT: Record<string, number> = {
  empty: ExitCode.NothingToDo,
  no_records: ExitCode.NothingToDo,
  not_text: ExitCode.InputUnusable,
  not_utf8: ExitCode.InputUnusable,
  no_name_column: ExitCode.InputUnusable,
  unknown_format: ExitCode.InputUnusable,
};

describe('the CLI reads import files with the shared rules (the web import reads the same fixtures)', () => {
  it.each(IMPORT_FIXTURES.map((f) => [f.name, f] as const))('%s', async (_name, fixture) => {
    const path = await fixtureFile(fixture);
    if (fixture.problem !== null) {
      const error: unknown = await readPersons(path).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CliError);
      expect((error as CliError).exitCode).toBe(FILE_PROBLEM_EXIT[fixture.problem]);
      return;
    }
    const read = await readPersons(path);
    expect(read.persons.map((p) => p.id)).toEqual(fixture.ids);
    expect(read.rowProblems).toEqual(fixture.rowProblems);
  });
});

describe('parallax fingerprint: what is wrong with the input, and exit codes', () => {
  const offline = (path: string, ...extra: string[]) =>
    runCli(['fingerprint', path, '--out', join(dir, 'out.jsonl'), ...extra]);

  it('a binary file: one line, "not a text file", exit 8, nothing parsed', async () => {
    const bytes = new Uint8Array(200_000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 131) % 256;
    const r = await offline(await fixtureFile({ format: 'csv', bytes }));
    expect(r.code).toBe(8);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('this is not a text file');
  });

  it('an empty file, or only a header: nothing to do, exit 7', async () => {
    const empty = await offline(await fixtureFile({ format: 'csv', bytes: new Uint8Array() }));
    expect(empty.code).toBe(7);
    expect(empty.stderr).toContain('this file is empty');
    const header = await offline(await fixtureFile({ format: 'csv', bytes: utf8('name,dob\n') }));
    expect(header.code).toBe(7);
  });

  it('no name column: says to choose one, exit 8; --mapping resolves it', async () => {
    const path = await fixtureFile({
      format: 'csv',
      bytes: utf8('Column A,Column B\nTaras Bulba,1970\n'),
    });
    const r = await offline(path);
    expect(r.code).toBe(8);
    expect(r.stderr).toContain('no column was recognised as a name');
    const mapping = join(dir, 'mapping.json');
    await writeFile(mapping, JSON.stringify({ 'Column A': 'name', 'Column B': 'birthDate' }));
    expect((await offline(path, '--mapping', mapping)).code).toBe(0);
  });

  it('every row skipped: exit 7, the report written', async () => {
    const path = await fixtureFile({
      format: 'csv',
      bytes: utf8('name,dob\nTaras Bulba,not-a-date\n'),
    });
    const problems = join(dir, 'problems.csv');
    const r = await offline(path, '--problems', problems);
    expect(r.code).toBe(7);
    expect(r.stderr).toContain('row 1 ("dob"): the birth date is not a date, skipped');
    expect(await readFile(problems, 'utf8')).toBe(
      'row,column,problem,detail\r\n1,dob,invalid_birth_date,unparseable\r\n',
    );
  });

  it('lists the first 20 skipped rows, then counts per problem; never a value', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => `Secret Person${i},31/02/1975`);
    const path = await fixtureFile({
      format: 'csv',
      bytes: utf8(`name,dob\n${rows.join('\n')}\nOlena Melnyk,1970\n`),
    });
    const r = await offline(path);
    expect(r.code).toBe(0);
    expect(r.stderr.match(/, skipped/gu)).toHaveLength(20);
    expect(r.stderr).toContain('50 row(s) skipped: 50 invalid_birth_date');
    expect(r.stderr).not.toContain('Secret');
    expect(r.stderr).not.toContain('31/02');
    expect(r.stderr).toContain('1 records');
  });
});
