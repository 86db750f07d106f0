import { evaluate, generateOprfKey } from '@parallax/fingerprint';
import {
  fileIdentity,
  fromBase64,
  runImport,
  sameFile,
  toBase64,
  type HubRequest,
  type ImportCaseFields,
} from '@parallax/hub-client';
import { describe, expect, it } from 'vitest';
import { createInProcessFingerprinter } from '../../fingerprinting/utils/in-process';
import { MemorySavedImports, type SavedImport } from './saved-import';
import { workerChunkFingerprinter } from './worker-fingerprints';

const FIELDS: ImportCaseFields = { status: 'active', situationTags: [], crimeTags: [] };
const NAMES = ['Олена Петренко', 'Карім Хаддад', 'Rami Salameh', 'محمد الأحمد', 'Yevhen Bondar'];

/** 60 rows of 20 persons (some written with other spacing or case): 40 repeats. */
function csv(persons = 20): string {
  const rows = Array.from({ length: 60 }, (_, row) => {
    const p = row % persons;
    const name = `${NAMES[p % NAMES.length]}${p >= NAMES.length ? ` Q${'x'.repeat(p)}` : ''}`;
    return `${row + 1},${row % 3 === 0 ? name.toUpperCase() : name},${1950 + p}`;
  });
  return ['Record,Full name,Date of birth', ...rows].join('\n');
}

/** A hub that evaluates the OPRF and registers idempotently, counting every case sent. */
function hub() {
  const oprfKey = generateOprfKey();
  const cases = new Set<string>();
  const sent: string[] = [];
  const request = (async (query: string, variables: Record<string, unknown> = {}) => {
    if (query.includes('evaluateOprf')) {
      const evaluated = await evaluate(oprfKey, (variables['blinded'] as string[]).map(fromBase64));
      return {
        evaluateOprf: {
          evaluatedElements: evaluated.map(toBase64),
          usedToday: 1,
          allowedToday: 1e6,
        },
      };
    }
    const input = variables['cases'] as Array<{ idempotencyKey: string }>;
    return {
      registerCases: input.map(({ idempotencyKey }) => {
        sent.push(idempotencyKey);
        const created = !cases.has(idempotencyKey);
        cases.add(idempotencyKey);
        return { idempotencyKey, caseId: `case-${idempotencyKey}`, created };
      }),
    };
  }) as HubRequest;
  return { request, cases, sent };
}

describe('an import continued after the page was reloaded', () => {
  it('resumes the same file where it stopped, sending no registered record again', async () => {
    const file = new File([csv()], 'suspects.csv', { lastModified: 1_700_000_000_000 });
    const groupKey = new Uint8Array(32).fill(9);
    const server = hub();
    const store = new MemorySavedImports();

    // The first page: the dry run finds 20 persons in 60 rows; the run stops after a chunk.
    const before = createInProcessFingerprinter();
    const preview = await before.run({ kind: 'parse', file, format: 'csv' });
    expect(preview.duplicates).toMatchObject({ records: 60, distinct: 20, duplicates: 40 });
    const stop = new AbortController();
    const base = { workingGroupId: 'wg-1', epoch: 1, groupKey, fields: FIELDS, chunkSize: 8 };
    const first = await runImport({
      ...base,
      request: server.request,
      total: preview.duplicates.distinct,
      uploadConcurrency: 1,
      signal: stop.signal,
      fingerprintChunk: workerChunkFingerprinter(before, { groupKey, distinctOnly: true }),
      onProgress: (p) => p.next > 0 && stop.abort(new Error('reload')),
    }).catch((e: { progress: { next: number; created: number } }) => e.progress);
    // Stopped between chunks (one chunk ahead may land too), short of the end.
    expect([8, 16]).toContain(first.next);
    const saved: SavedImport = {
      version: 1,
      file: await fileIdentity(file),
      settings: {
        groupId: 'wg-1',
        format: 'csv',
        country: '',
        mapping: {},
        tags: { status: 'active', situationTags: [], crimeTags: [] },
        prefix: 'IMP-',
        distinctOnly: true,
      },
      total: preview.duplicates.distinct,
      next: first.next,
      counts: { created: first.created, existing: 0, withoutKeys: 0 },
      savedAt: 1,
    };
    await store.save('user-1', saved);
    before.dispose();
    // Only positions, counts and the file's hash were kept: no name, no record id.
    const kept = JSON.stringify(await store.load('user-1'));
    for (const plain of ['Петренко', 'Haddad', 'Хаддад', 'Record', '"1"']) {
      expect(kept).not.toContain(plain);
    }

    // The reloaded page: the same file is recognised; another with the same name and size is not.
    const restored = await store.load('user-1');
    if (!restored) throw new Error('nothing saved');
    const again = new File([csv()], 'suspects.csv', { lastModified: 1_700_000_000_000 });
    expect(sameFile(await fileIdentity(again), restored.file)).toBe(true);
    const other = new File([csv().replace('1951', '1952')], 'suspects.csv', {
      lastModified: 1_700_000_000_000,
    });
    expect(other.size).toBe(again.size);
    expect(sameFile(await fileIdentity(other), restored.file)).toBe(false);

    const after = createInProcessFingerprinter();
    const reread = await after.run({ kind: 'parse', file: again, format: 'csv' });
    expect(reread.duplicates.distinct).toBe(restored.total);
    const sentBefore = server.sent.length;
    const rest = await runImport({
      ...base,
      request: server.request,
      total: restored.total,
      from: restored.next,
      fingerprintChunk: workerChunkFingerprinter(after, { groupKey, distinctOnly: true }),
    });
    expect(rest).toMatchObject({ created: 20 - first.next, existing: 0, next: 20 });
    // Each person registered once; nothing of the first page sent again.
    expect(server.cases.size).toBe(20);
    expect(server.sent.length - sentBefore).toBe(20 - first.next);
    expect(new Set(server.sent).size).toBe(server.sent.length);
  });
});
