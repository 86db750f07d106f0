import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findDuplicatePersons } from '@parallax/hub-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duplicateLines } from '../src/commands/import-dry-run.js';
import { timeLeft } from '../src/commands/import-report.js';
import { runCli } from './run-cli.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parallax-dry-run-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const NAMES = ['Ahmad Haddad', 'Olena Melnyk', 'Карім Салех', 'Yevhen Bondar'];
/** 40 rows, 4 persons (written in other cases too). */
const CSV = [
  'Full name,Date of birth',
  ...Array.from({ length: 40 }, (_, row) => {
    const name = NAMES[row % 4] ?? '';
    return `${row % 2 ? name.toUpperCase() : name},${1960 + (row % 4)}`;
  }),
].join('\n');

describe('parallax fingerprint --dry-run', () => {
  it('reports records, distinct persons, repeats and an estimate, and sends nothing', async () => {
    const path = join(dir, 'people.csv');
    await writeFile(path, CSV);
    // --hub is given, yet nothing is asked of it (the address does not exist).
    const r = await runCli(['fingerprint', path, '--dry-run', '--hub', 'https://hub.invalid']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('40 records, 4 distinct persons, 36 repeats');
    expect(r.stderr).toContain('records 1 = 5, 9, 13…; 2 = 6, 10, 14…');
    expect(r.stderr).toContain(
      'importing each person once (4 records); --all-records imports all 40',
    );
    expect(r.stderr).toMatch(/estimated time: .+ for 4 records/u);
    expect(r.stderr).toContain('nothing was sent');
    const all = await runCli(['fingerprint', path, '--dry-run', '--all-records']);
    expect(all.stderr).toMatch(/estimated time: .+ for 40 records/u);
    for (const name of NAMES) expect(r.stderr + all.stderr).not.toContain(name);
  });

  it('words the repeats and the time left for people', () => {
    const { report } = findDuplicatePersons([
      { id: 'a', schema: 'Person', properties: { name: ['Ahmad Haddad'] } },
      { id: 'b', schema: 'Person', properties: { name: ['ahmad  haddad'] } },
    ]);
    expect(duplicateLines(report, false)[1]).toBe(
      '--all-records: importing all 2 records, repeats included',
    );
    const p = {
      total: 1000,
      next: 250,
      fingerprinted: 300,
      registered: 250,
      created: 250,
      existing: 0,
      noFingerprints: 0,
      evaluations: 0,
      budget: null,
    };
    expect(timeLeft(p, 10_000)).toMatch(/^\d+–\d+ s left$/u);
    expect(timeLeft({ ...p, next: 0 }, 10_000)).toBe('');
  });
});
