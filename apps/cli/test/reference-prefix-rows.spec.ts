import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const CSV = ['Record ID,Full name', 'a1,محمد الأحمد', 'a2,Олена Петренко', 'a3,Karim Haddad'].join(
  '\n',
);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parallax-cli-prefix-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Up to the sign-in, refused (no code given): the rows are read, checked and reported before it. */
async function importWith(extra: string[]) {
  const input = join(dir, 'people.csv');
  const problems = join(dir, `problems-${extra.join('_').replace(/\W/gu, '')}.csv`);
  await writeFile(input, CSV);
  const run = await runCli([
    'fingerprint',
    input,
    '--hub',
    'https://hub.example.org',
    '--email',
    'me@example.org',
    '--problems',
    problems,
    ...extra,
  ]);
  return { ...run, report: await readFile(problems, 'utf8').catch(() => '') };
}

describe('the CLI import skips rows whose names are in the reference prefix, as the web import does', () => {
  it('lists them with the other row problems, by row and column, never by value', async () => {
    const { code, stderr, report } = await importWith(['--reference-prefix', 'MOHAMMED-']);
    expect(stderr).toContain('--totp is required');
    expect(code).toBe(2);
    expect(report).toBe('row,column,problem,detail\r\n1,Full name,reference_contains_name,\r\n');
    expect(stderr).toContain(
      'row 1 ("Full name"): a name of this record is in the reference prefix',
    );
    for (const value of ['محمد', 'الأحمد', 'a1']) expect(stderr + report).not.toContain(value);
  });

  it('checks the default prefix too, and lets the rows of a clean prefix through', async () => {
    const { stderr } = await importWith(['--reference-prefix', 'UA-2024-']);
    expect(stderr).not.toContain('reference_contains_name');
    expect(stderr).not.toContain('reference prefix');
  });
});
