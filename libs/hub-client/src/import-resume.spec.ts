import {
  fingerprintPersons,
  generateGroupKey,
  parsePersonsJsonl,
  type FtmPerson,
} from '@parallax/fingerprint';
import { describe, expect, it } from 'vitest';
import { importPersons } from './import.js';
import { runImport } from './import-run.js';
import {
  ImportInterrupted,
  type ChunkFingerprinter,
  type ImportCaseFields,
} from './import-types.js';
import { fakeHub } from './test/fake-hub.js';

const FIELDS: ImportCaseFields = { status: 'active', situationTags: [], crimeTags: [] };

/** An FtM JSON Lines export: some entities without an id, a company, a broken line. */
function exportFile(n: number): string[] {
  return Array.from({ length: n }, (_, i) => {
    const properties = { name: [`Person${i} Family${i % 7}`], birthDate: [`${1950 + (i % 40)}`] };
    return JSON.stringify(
      i % 3 === 0
        ? { schema: 'Person', properties }
        : { id: `ent-${i}`, schema: 'Person', properties },
    );
  });
}

/** What the web's fingerprint worker does for a chunk of the file it holds. */
function workerLikeFingerprinter(
  persons: readonly FtmPerson[],
  groupKey: Uint8Array,
): ChunkFingerprinter {
  return async (start, end, evaluator) => {
    const slice = persons.slice(start, end);
    const done = await fingerprintPersons(slice, { groupKey, evaluator, batchSize: 1000 });
    return slice.map((p, i) => ({ recordId: p.id, fingerprints: done[i]?.fingerprints ?? [] }));
  };
}

describe('an import started in the web and resumed from the CLI', () => {
  it('registers each case once, even with ids derived from content and lines added since', async () => {
    const groupKey = generateGroupKey();
    const lines = exportFile(24);
    const webFile = parsePersonsJsonl(
      [lines.slice(0, 5), '{"schema":"Company","properties":{}}', 'not json', lines.slice(5)]
        .flat()
        .join('\n'),
    );
    expect(webFile.persons).toHaveLength(24);
    expect(webFile.skippedLines).toEqual([{ line: 7, problem: 'not-json' }]);

    // The web path: the worker fingerprints, the orchestrator registers; the hub goes away.
    let down = false;
    const hub = fakeHub({ failRegister: (call) => (down ||= call === 3) });
    const stopped = await runImport({
      request: hub.request,
      workingGroupId: 'wg-1',
      epoch: 1,
      groupKey,
      fields: FIELDS,
      total: webFile.persons.length,
      fingerprintChunk: workerLikeFingerprinter(webFile.persons, groupKey),
      chunkSize: 5,
      uploadConcurrency: 1,
      retryDelayMs: 1,
    }).catch((e: unknown) => e);
    expect(stopped).toBeInstanceOf(ImportInterrupted);
    const { progress } = stopped as ImportInterrupted;
    expect(progress).toMatchObject({ created: 10, next: 10 });
    down = false;

    // The CLI path, on the same export with a line removed and a blank one added.
    const cliFile = parsePersonsJsonl(['', ...lines].join('\n'));
    expect(cliFile.persons.map((p) => p.id)).toEqual(webFile.persons.map((p) => p.id));
    const resumed = await importPersons(cliFile.persons, {
      request: hub.request,
      workingGroupId: 'wg-1',
      epoch: 1,
      groupKey,
      fields: FIELDS,
      chunkSize: 7,
    });
    expect(resumed).toMatchObject({ created: 14, existing: 10 });
    expect(hub.cases.size).toBe(24);
  });
});

describe('budget refusals', () => {
  it.each(['BUDGET_EXHAUSTED', 'RATE_LIMITED'])(
    'are recognised by their category whatever the code (%s)',
    async (budgetCode) => {
      const persons = parsePersonsJsonl(exportFile(30).join('\n')).persons;
      const hub = fakeHub({ base: 40, perCase: 0, budgetCode });
      const error = await importPersons(persons, {
        request: hub.request,
        workingGroupId: 'wg-1',
        epoch: 1,
        groupKey: generateGroupKey(),
        fields: FIELDS,
        chunkSize: 10,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportInterrupted);
      const interrupted = error as ImportInterrupted;
      expect(interrupted.code).toBe(budgetCode);
      expect(interrupted.category).toBe('RATE_LIMITED');
      // It asked for less before giving up, and kept what it registered.
      expect(interrupted.progress.registered).toBeGreaterThan(0);
      expect(interrupted.progress.registered).toBe(hub.cases.size);
    },
  );
});

describe('where an interrupted import continues', () => {
  it('is never past a record not registered, records without fingerprints included', async () => {
    const persons: FtmPerson[] = parsePersonsJsonl(exportFile(8).join('\n')).persons.map((p, i) =>
      i === 5 ? { ...p, properties: { nationality: ['sy'] } } : p,
    );
    const hub = fakeHub({ failRegister: (call) => call >= 2 });
    const error = await importPersons(persons, {
      request: hub.request,
      workingGroupId: 'wg-1',
      epoch: 1,
      groupKey: generateGroupKey(),
      fields: FIELDS,
      chunkSize: 4,
      uploadConcurrency: 1,
      retryDelayMs: 1,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportInterrupted);
    const { progress, withoutFingerprints } = error as ImportInterrupted;
    // the second chunk (records 4–7, record 5 without fingerprints) was not confirmed
    expect(progress).toMatchObject({ next: 4, registered: 4, noFingerprints: 0 });
    expect(withoutFingerprints).toEqual([]);
  });
});
