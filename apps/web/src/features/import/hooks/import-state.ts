import type { ImportedRecord, ImportProgress } from '@parallax/hub-client';
import type { ImportPreview } from '../../fingerprinting/utils/protocol';
import type { ReceiptLine } from '../utils/receipt';

export interface ImportCounts {
  created: number;
  existing: number;
  withoutKeys: number;
}

/**
 * The import's steps: choosing a file → reading it (the dry run, in the
 * worker) → preview → running → done, or interrupted (stopped by the user,
 * refused by the hub, the connection lost, or the page reloaded), from where
 * it may continue.
 */
export type ImportPhase = 'choose' | 'reading' | 'preview' | 'running' | 'done' | 'interrupted';

export interface ImportState {
  phase: ImportPhase;
  /** The dry run of the file read (from 'preview' on). */
  preview: ImportPreview | null;
  readFailed: boolean;
  /** Records the run sends: each person's first record, or all of them (set when it starts). */
  total: number;
  /** Whether the run leaves out repeated records of a person. */
  distinctOnly: boolean;
  /** Records fingerprinted, from the file's start (the progress shown while running). */
  position: number;
  /** The first record not confirmed yet: a continued import starts there. */
  next: number;
  counts: ImportCounts;
  /** Counts of the runs before this one (a continued import adds to them). */
  earlier: ImportCounts;
  budget: { used: number; allowed: number } | null;
  receipt: ReceiptLine[];
  /** Why it was interrupted; null when the user stopped it (or the page was reloaded). */
  error: unknown;
  /** Where this run started and when, and when a chunk was last confirmed (ms): the time left. */
  run: { from: number; startedAt: number; lastAt: number } | null;
  /** Continued from a run saved before the page was reloaded (its receipt is not kept). */
  restored: boolean;
}

export type ImportAction =
  | { type: 'reading' }
  | { type: 'read'; preview: ImportPreview }
  | { type: 'readFailed' }
  | { type: 'start'; from: number; total: number; distinctOnly: boolean; at: number }
  | { type: 'fingerprinting'; position: number }
  | { type: 'progress'; progress: ImportProgress; at: number }
  | {
      type: 'ended';
      progress: ImportProgress;
      records: readonly ImportedRecord[];
      withoutFingerprints: readonly string[];
      /** Absent when the run finished; null when the user stopped it. */
      error?: unknown;
    }
  /** The same file chosen again after a reload: continue where the saved run stopped. */
  | {
      type: 'restored';
      preview: ImportPreview;
      total: number;
      distinctOnly: boolean;
      next: number;
      counts: ImportCounts;
    }
  | { type: 'reset' };

export const NO_COUNTS: ImportCounts = { created: 0, existing: 0, withoutKeys: 0 };

export const initialImportState: ImportState = {
  phase: 'choose',
  preview: null,
  readFailed: false,
  total: 0,
  distinctOnly: true,
  position: 0,
  next: 0,
  counts: NO_COUNTS,
  earlier: NO_COUNTS,
  budget: null,
  receipt: [],
  error: null,
  run: null,
  restored: false,
};

/**
 * What the numbers on screen say. Records not reached yet are waiting, not
 * failed: only records refused (no usable name, date or identifier) are
 * "not registered". Repeats of a person skipped by choice are their own count.
 */
export interface ImportTallies {
  created: number;
  existing: number;
  failed: number;
  waiting: number;
  skippedDuplicates: number;
}

export function importTallies(state: ImportState): ImportTallies {
  const duplicates = state.preview?.duplicates.duplicates ?? 0;
  return {
    created: state.counts.created,
    existing: state.counts.existing,
    failed: state.counts.withoutKeys,
    waiting: Math.max(0, state.total - state.next),
    skippedDuplicates: state.distinctOnly ? duplicates : 0,
  };
}

function withProgress(state: ImportState, p: ImportProgress): ImportState {
  return {
    ...state,
    next: p.next,
    position: Math.max(state.position, p.next),
    budget: p.budget ?? state.budget,
    counts: {
      created: state.earlier.created + p.created,
      existing: state.earlier.existing + p.existing,
      withoutKeys: state.earlier.withoutKeys + p.noFingerprints,
    },
  };
}

export function importReducer(state: ImportState, action: ImportAction): ImportState {
  switch (action.type) {
    case 'reading':
      return { ...state, phase: 'reading', readFailed: false };
    case 'read':
      return { ...initialImportState, phase: 'preview', preview: action.preview };
    case 'readFailed':
      return { ...initialImportState, readFailed: true };
    case 'restored':
      return {
        ...initialImportState,
        phase: 'interrupted',
        preview: action.preview,
        total: action.total,
        distinctOnly: action.distinctOnly,
        position: action.next,
        next: action.next,
        counts: action.counts,
        earlier: action.counts,
        restored: true,
      };
    case 'start': {
      const fresh = action.from === 0;
      const counts = fresh ? NO_COUNTS : state.counts;
      return {
        ...state,
        phase: 'running',
        total: action.total,
        distinctOnly: action.distinctOnly,
        position: action.from,
        next: action.from,
        counts,
        earlier: counts,
        receipt: fresh ? [] : state.receipt,
        error: null,
        run: { from: action.from, startedAt: action.at, lastAt: action.at },
        restored: fresh ? false : state.restored,
      };
    }
    case 'fingerprinting':
      return state.phase === 'running' ? { ...state, position: action.position } : state;
    case 'progress': {
      if (state.phase !== 'running') return state;
      const moved = action.progress.next !== state.next;
      const next = withProgress(state, action.progress);
      return moved && state.run ? { ...next, run: { ...state.run, lastAt: action.at } } : next;
    }
    case 'ended': {
      // A run ended by a reset (or a new file) reports into a flow that has moved on.
      if (state.phase !== 'running') return state;
      const ended = withProgress(state, action.progress);
      return {
        ...ended,
        phase: action.error === undefined ? 'done' : 'interrupted',
        position: ended.next,
        error: action.error ?? null,
        run: null,
        receipt: [
          ...state.receipt,
          ...action.records,
          ...action.withoutFingerprints.map((recordId) => ({ recordId, noKeys: true as const })),
        ],
      };
    }
    case 'reset':
      return initialImportState;
  }
}
