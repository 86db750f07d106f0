import type { ImportProgress } from '@parallax/hub-client';
import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../fingerprinting/utils/protocol';
import { importReducer, initialImportState, type ImportAction } from './import-state';

const preview = { records: 10 } as ImportPreview;
const progress = (p: Partial<ImportProgress>): ImportProgress => ({
  total: 10,
  next: 0,
  fingerprinted: 0,
  registered: 0,
  created: 0,
  existing: 0,
  noFingerprints: 0,
  evaluations: 0,
  budget: null,
  ...p,
});
const record = (recordId: string) => ({
  recordId,
  reference: `IMP-${recordId}`,
  caseId: `case-${recordId}`,
  created: true,
  fingerprints: 3,
});
const run = (...actions: ImportAction[]) => actions.reduce(importReducer, initialImportState);

describe('the import flow', () => {
  it('goes from the dry run to running, is interrupted, and continues where it stopped', () => {
    const refused = new Error('budget');
    const interrupted = run(
      { type: 'reading' },
      { type: 'read', preview },
      { type: 'start', from: 0 },
      { type: 'fingerprinting', position: 3 },
      { type: 'progress', progress: progress({ next: 2, created: 2 }) },
      {
        type: 'ended',
        progress: progress({ next: 4, created: 3, noFingerprints: 1 }),
        records: ['a', 'b', 'c'].map(record),
        withoutFingerprints: ['d'],
        error: refused,
      },
    );
    expect(interrupted).toMatchObject({
      phase: 'interrupted',
      next: 4,
      position: 4,
      error: refused,
      counts: { created: 3, existing: 0, withoutKeys: 1 },
    });
    expect(interrupted.receipt).toHaveLength(4);

    const done = [
      { type: 'start', from: 4 } as const,
      {
        type: 'ended',
        progress: progress({ next: 10, created: 5, existing: 1 }),
        records: ['e', 'f', 'g', 'h', 'i', 'j'].map(record),
        withoutFingerprints: [],
      } as const,
    ].reduce(importReducer, interrupted);
    expect(done).toMatchObject({
      phase: 'done',
      next: 10,
      error: null,
      counts: { created: 8, existing: 1, withoutKeys: 1 },
    });
    expect(done.receipt).toHaveLength(10);
    expect(importReducer(done, { type: 'reset' })).toBe(initialImportState);
  });

  it('stopped by the user: interrupted without an error; a failed read goes back to choosing', () => {
    const stopped = run(
      { type: 'read', preview },
      { type: 'start', from: 0 },
      {
        type: 'ended',
        progress: progress({ next: 5 }),
        records: [],
        withoutFingerprints: [],
        error: null,
      },
    );
    expect(stopped).toMatchObject({ phase: 'interrupted', error: null, next: 5 });
    expect(run({ type: 'reading' }, { type: 'readFailed' })).toMatchObject({
      phase: 'choose',
      readFailed: true,
    });
  });
});
