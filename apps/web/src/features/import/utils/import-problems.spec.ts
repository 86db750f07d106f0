import { IMPORT_FIXTURES, readImportFile } from '@parallax/fingerprint';
import { describe, expect, it } from 'vitest';
import { createInProcessFingerprinter } from '../../fingerprinting/utils/in-process';
import { startBlocker } from './start-blocker';

/** The web path: the file as a Blob, read by the fingerprint worker's engine. */
async function webRead(bytes: Uint8Array, format: 'csv' | 'jsonl') {
  const fingerprinter = createInProcessFingerprinter();
  try {
    return await fingerprinter.run({
      kind: 'parse',
      file: new Blob([Uint8Array.from(bytes)]),
      format,
    });
  } finally {
    fingerprinter.dispose();
  }
}

describe('the web import reads import files with the CLI’s rules (the CLI reads the same fixtures)', () => {
  it.each(IMPORT_FIXTURES.map((f) => [f.name, f] as const))('%s', async (_name, fixture) => {
    const preview = await webRead(fixture.bytes, fixture.format);
    expect(preview.fileProblem).toBe(fixture.problem);
    expect(preview.records).toBe(fixture.ids.length);
    expect(preview.rowProblems).toEqual(fixture.rowProblems);
    // …and exactly what the shared reader says, which the CLI calls too.
    const shared = readImportFile(fixture.bytes, { format: fixture.format });
    expect(preview.rowProblems).toEqual(shared.rowProblems);
  });

  it('reports an unusable file without any row, column or sample', async () => {
    const png = IMPORT_FIXTURES.find((f) => f.name === 'PNG');
    const preview = await webRead(png?.bytes ?? new Uint8Array(), 'csv');
    expect(preview).toMatchObject({
      fileProblem: 'not_text',
      records: 0,
      mapping: null,
      samples: [],
    });
  });
});

describe('startBlocker: why the Import button is disabled', () => {
  const ok = {
    preview: { fileProblem: null },
    records: 3,
    idsUsable: true,
    groupKeyReady: true,
    keysUnlocked: true,
    prefixValid: true,
  };

  it('gives the first reason that applies, and none when the import can start', () => {
    expect(startBlocker(ok)).toBeNull();
    expect(startBlocker({ ...ok, preview: { fileProblem: 'empty' }, records: 0 })).toBe(
      'import.blocked.file',
    );
    expect(startBlocker({ ...ok, records: 0 })).toBe('import.blocked.noRecords');
    expect(startBlocker({ ...ok, idsUsable: false })).toBe('import.blocked.ids');
    expect(startBlocker({ ...ok, keysUnlocked: false })).toBe('import.blocked.keys');
    expect(startBlocker({ ...ok, groupKeyReady: false })).toBe('import.blocked.groupKey');
    expect(startBlocker({ ...ok, prefixValid: false })).toBe('import.blocked.prefix');
  });
});
