import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createLocalEvaluator,
  FINGERPRINT_SCHEMA_VERSION,
  fingerprintPersons,
  type FtmPerson,
} from '@parallax/fingerprint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHubUrl, parseList } from '../src/commands/fingerprint-online.js';
import { FIXTURES, runCli } from './run-cli.js';

interface OutLine {
  id: string;
  schemaVersion: string;
  fingerprints: Array<{ kind: string; fp: string }>;
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parallax-cli-test-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const hex = async (name: string): Promise<Uint8Array> =>
  Uint8Array.from(Buffer.from((await readFile(`${FIXTURES}${name}`, 'utf8')).trim(), 'hex'));
const read = async (path: string): Promise<OutLine[]> =>
  (await readFile(path, 'utf8'))
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as OutLine);

describe('parallax fingerprint, offline', () => {
  it('writes one JSON line per person, the same fingerprints as the library makes with these keys', async () => {
    const out = join(dir, 'left.fp.jsonl');
    const keys = [
      '--group-key-file',
      `${FIXTURES}group.key`,
      '--oprf-key-file',
      `${FIXTURES}oprf.key`,
    ];
    const { code, stderr } = await runCli([
      'fingerprint',
      `${FIXTURES}left.jsonl`,
      '--out',
      out,
      ...keys,
    ]);
    expect(code).toBe(0);
    expect(stderr).toContain('2 records');
    const lines = await read(out);
    expect(lines.map((l) => l.id)).toEqual(['L1', 'L2']);
    for (const l of lines) {
      expect(l.schemaVersion).toBe(FINGERPRINT_SCHEMA_VERSION);
      expect(l.fingerprints.length).toBeGreaterThan(2);
      for (const f of l.fingerprints) expect(f.fp).toMatch(/^[A-Za-z0-9_-]{43}$/);
    }
    const persons = (await readFile(`${FIXTURES}left.jsonl`, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as FtmPerson)
      .filter((p) => p.schema === 'Person');
    const expected = await fingerprintPersons(persons, {
      groupKey: await hex('group.key'),
      evaluator: createLocalEvaluator(await hex('oprf.key')),
    });
    expect(lines.map((l) => l.fingerprints)).toEqual(expected.map((r) => r.fingerprints));

    // the same person in another file and script meets under the same keys
    const out2 = join(dir, 'right.fp.jsonl');
    expect(
      (await runCli(['fingerprint', `${FIXTURES}right.jsonl`, '--out', out2, ...keys])).code,
    ).toBe(0);
    const [r1] = await read(out2);
    const shared =
      r1?.fingerprints.filter((f) => lines[0]?.fingerprints.some((g) => g.fp === f.fp)) ?? [];
    expect(shared.map((f) => f.kind)).toContain('name.part+dob');
  });

  it('uses throw-away keys unless given, and says so', async () => {
    const a = join(dir, 'a.jsonl');
    const b = join(dir, 'b.jsonl');
    const first = await runCli(['fingerprint', `${FIXTURES}right.csv`, '--out', a]);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('throw-away keys');
    await runCli(['fingerprint', `${FIXTURES}right.csv`, '--out', b]);
    const [x, y] = [await read(a), await read(b)];
    expect(x.map((l) => l.id)).toEqual(['R1', 'R2']);
    expect(x[0]?.fingerprints[0]?.fp).not.toBe(y[0]?.fingerprints[0]?.fp);
  });

  it('skips a bad line, naming its number and reason but not its content, like the web import', async () => {
    const { writeFile } = await import('node:fs/promises');
    const input = join(dir, 'messy.jsonl');
    await writeFile(
      input,
      [
        '{"id":"A","schema":"Person","properties":{"name":["Ahmad Haddad"],"birthDate":["1967"]}}',
        '{"id":"B","schema":"Person","properties":{"name":["Secretina Canarybird"]',
        '{"schema":"Person","properties":{"name":["Olena Melnyk"],"birthDate":["1970"]}}',
      ].join('\n'),
    );
    const out = join(dir, 'messy.fp.jsonl');
    const { code, stderr } = await runCli(['fingerprint', input, '--out', out]);
    expect(code).toBe(0);
    expect(stderr).toContain('line 2: not valid JSON, skipped');
    expect(stderr).not.toContain('Canarybird');
    const ids = (await read(out)).map((l) => l.id);
    expect(ids[0]).toBe('A');
    expect(ids[1]).toMatch(/^sha256:/);
    expect(ids).toHaveLength(2);
  });

  it('needs --out or --hub, and keeps the offline options out of the online mode', async () => {
    const none = await runCli(['fingerprint', `${FIXTURES}left.jsonl`]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Give --out FILE');
    const both = await runCli([
      'fingerprint',
      `${FIXTURES}left.jsonl`,
      '--hub',
      'https://hub.example.org',
      '--out',
      join(dir, 'x.jsonl'),
    ]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--out');
  });
});

describe('parallax fingerprint --hub, arguments checked before signing in', () => {
  const online = (extra: string[]) =>
    runCli([
      'fingerprint',
      `${FIXTURES}left.jsonl`,
      '--hub',
      'https://hub.example.org',
      '--email',
      'me@example.org',
      '--totp',
      '123456',
      ...extra,
    ]);

  it('refuses plain http to another machine, and unknown tags, with exit code 2', async () => {
    const http = await runCli([
      'fingerprint',
      `${FIXTURES}left.jsonl`,
      '--hub',
      'http://hub.example.org',
    ]);
    expect(http.code).toBe(2);
    expect(http.stderr).toContain('https://');
    const tag = await online(['--situation', 'syria,atlantis']);
    expect(tag.code).toBe(2);
    expect(tag.stderr).toContain('"atlantis"');
    const status = await online(['--status', 'finished']);
    expect(status.code).toBe(2);
  });

  it('checks the input: unique record ids, valid references', async () => {
    const dup = join(dir, 'dup.jsonl');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(
      dup,
      '{"id":"A","schema":"Person","properties":{"name":["Ahmad Haddad"]}}\n{"id":"A","schema":"Person","properties":{"name":["Olena Melnyk"]}}\n',
    );
    const r = await runCli([
      'fingerprint',
      dup,
      '--hub',
      'https://hub.example.org',
      '--email',
      'me@example.org',
      '--totp',
      '123456',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("repeat an earlier record's id");
    const field = await online(['--reference-field', 'noSuchProperty']);
    expect(field.code).toBe(2);
    expect(field.stderr).toContain('no record has the property "noSuchProperty"');
    const prefix = await online(['--reference-prefix', '#']);
    expect(prefix.code).toBe(2);
    expect(prefix.stderr).toContain('reference prefix');
  });

  it('parses the hub address and tag lists', () => {
    expect(parseHubUrl('https://hub.example.org/')).toBe('https://hub.example.org');
    expect(parseHubUrl('http://127.0.0.1:3000')).toBe('http://127.0.0.1:3000');
    expect(() => parseHubUrl('hub.example.org')).toThrow(/not a URL/);
    expect(parseList('Syria, iraq,,syria', ['syria', 'iraq'], '--situation')).toEqual([
      'syria',
      'iraq',
    ]);
    expect(parseList(undefined, ['syria'], '--situation')).toEqual([]);
  });
});
