import type { ImportProgress } from '@parallax/hub-client';
import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../fingerprinting/utils/protocol';
import {
  importReducer,
  importTallies,
  initialImportState,
  type ImportAction,
} from './import-state';

const preview = {
  records: 10,
  duplicates: {
    records: 10,
    duplicates: 0,
    distinct: 10,
    repeatedIds: 0,
    conflictingIds: 0,
    groups: [],
  },
} as unknown as ImportPreview;
const start = (from: number, total = 10) =>
  ({ type: 'start', from, total, distinctOnly: true, at: 1000 }) as const;
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
      start(0),
      { type: 'fingerprinting', position: 3 },
      { type: 'progress', progress: progress({ next: 2, created: 2 }), at: 2000 },
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

    const actions: ImportAction[] = [
      start(4),
      {
        type: 'ended',
        progress: progress({ next: 10, created: 5, existing: 1 }),
        records: ['e', 'f', 'g', 'h', 'i', 'j'].map(record),
        withoutFingerprints: [],
      },
    ];
    const done = actions.reduce(importReducer, interrupted);
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
    const stopped = run({ type: 'read', preview }, start(0), {
      type: 'ended',
      progress: progress({ next: 5 }),
      records: [],
      withoutFingerprints: [],
      error: null,
    });
    expect(stopped).toMatchObject({ phase: 'interrupted', error: null, next: 5 });
    expect(run({ type: 'reading' }, { type: 'readFailed' })).toMatchObject({
      phase: 'choose',
      readFailed: true,
    });
  });

  it('says waiting for records not sent yet, failed only for records refused', () => {
    const withRepeats = {
      ...preview,
      records: 12,
      duplicates: { ...preview.duplicates, records: 12, duplicates: 2, distinct: 10 },
    } as ImportPreview;
    const running = run({ type: 'read', preview: withRepeats }, start(0, 10), {
      type: 'progress',
      progress: progress({ next: 4, created: 2, existing: 1, noFingerprints: 1 }),
      at: 3000,
    });
    expect(importTallies(running)).toEqual({
      created: 2,
      existing: 1,
      failed: 1,
      waiting: 6,
      skippedDuplicates: 2,
    });
    expect(running.run).toEqual({ from: 0, startedAt: 1000, lastAt: 3000 });
    const all = run(
      { type: 'read', preview: withRepeats },
      {
        ...start(0, 12),
        distinctOnly: false,
      },
    );
    expect(importTallies(all)).toMatchObject({ waiting: 12, failed: 0, skippedDuplicates: 0 });
  });

  it('restores a run saved before a reload as interrupted, nothing failed, ready to continue', () => {
    const restored = run({
      type: 'restored',
      preview,
      total: 10,
      distinctOnly: true,
      next: 6,
      counts: { created: 5, existing: 0, withoutKeys: 1 },
    });
    expect(restored).toMatchObject({ phase: 'interrupted', error: null, next: 6, restored: true });
    expect(importTallies(restored)).toMatchObject({ created: 5, failed: 1, waiting: 4 });
    const continued = importReducer(restored, start(6));
    expect(continued.counts).toEqual({ created: 5, existing: 0, withoutKeys: 1 });
    expect(continued.earlier).toEqual(continued.counts);
  });
});
