import { describe, expect, it } from 'vitest';
import { FIXTURES, runCli } from './run-cli.js';

interface LinkLine {
  left: string;
  right: string;
  score: number;
  strength: string;
  matched: string[];
}

const lines = (stdout: string): LinkLine[] =>
  stdout
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l) as LinkLine);

describe('parallax link', () => {
  it('pairs the same person written in Latin and Arabic script, and nobody else', async () => {
    const { code, stdout, stderr } = await runCli([
      'link',
      `${FIXTURES}left.jsonl`,
      `${FIXTURES}right.jsonl`,
    ]);
    expect(code).toBe(0);
    const pairs = lines(stdout);
    expect(pairs).toHaveLength(1);
    expect(pairs[0]).toMatchObject({ left: 'L1', right: 'R1' });
    expect(['strong', 'probable']).toContain(pairs[0]?.strength);
    expect(pairs[0]?.score).toBeGreaterThanOrEqual(0.8);
    expect(pairs[0]?.matched).toEqual(expect.arrayContaining(['name.part+dob']));
    // the Company entity is skipped, and said so
    expect(stderr).toContain('skipped 1 non-Person entities');
  });

  it('reads CSV with a header row, and a shared passport makes the pair strong', async () => {
    const { code, stdout } = await runCli([
      'link',
      `${FIXTURES}left.jsonl`,
      `${FIXTURES}right.csv`,
    ]);
    expect(code).toBe(0);
    const pairs = lines(stdout);
    expect(pairs.map((p) => [p.left, p.right])).toEqual([['L1', 'R1']]);
    expect(pairs[0]?.strength).toBe('strong');
    expect(pairs[0]?.matched).toContain('id.passport');
  });

  it('reports only pairs at or above --threshold', async () => {
    const { code, stdout } = await runCli([
      'link',
      `${FIXTURES}left.jsonl`,
      `${FIXTURES}right.jsonl`,
      '--threshold',
      '0.999999',
    ]);
    expect(code).toBe(0);
    expect(stdout).toBe('');
  });

  it('fails with a one-line message on a bad threshold or a missing file', async () => {
    const bad = await runCli([
      'link',
      `${FIXTURES}left.jsonl`,
      `${FIXTURES}right.jsonl`,
      '--threshold',
      '2',
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--threshold must be a number between 0 and 1');
    const missing = await runCli(['link', `${FIXTURES}left.jsonl`, `${FIXTURES}nope.jsonl`]);
    expect(missing.code).toBe(2); // bad input, as for \`parallax fingerprint\``
    expect(missing.stderr).toContain('nope.jsonl: no such file');
  });
});
