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
 * refused by the hub, or the connection lost), from where it may continue.
 */
export type ImportPhase = 'choose' | 'reading' | 'preview' | 'running' | 'done' | 'interrupted';

export interface ImportState {
  phase: ImportPhase;
  /** The dry run of the file read (from 'preview' on). */
  preview: ImportPreview | null;
  readFailed: boolean;
  /** Records fingerprinted, from the file's start (the progress shown while running). */
  position: number;
  /** The first record not confirmed yet: a continued import starts there. */
  next: number;
  counts: ImportCounts;
  /** Counts of the runs before this one (a continued import adds to them). */
  earlier: ImportCounts;
  budget: { used: number; allowed: number } | null;
  receipt: ReceiptLine[];
  /** Why it was interrupted; null when the user stopped it. */
  error: unknown;
}

export type ImportAction =
  | { type: 'reading' }
  | { type: 'read'; preview: ImportPreview }
  | { type: 'readFailed' }
  | { type: 'start'; from: number }
  | { type: 'fingerprinting'; position: number }
  | { type: 'progress'; progress: ImportProgress }
  | {
      type: 'ended';
      progress: ImportProgress;
      records: readonly ImportedRecord[];
      withoutFingerprints: readonly string[];
      /** Absent when the run finished; null when the user stopped it. */
      error?: unknown;
    }
  | { type: 'reset' };

const NO_COUNTS: ImportCounts = { created: 0, existing: 0, withoutKeys: 0 };

export const initialImportState: ImportState = {
  phase: 'choose',
  preview: null,
  readFailed: false,
  position: 0,
  next: 0,
  counts: NO_COUNTS,
  earlier: NO_COUNTS,
  budget: null,
  receipt: [],
  error: null,
};

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
    case 'start': {
      const fresh = action.from === 0;
      const counts = fresh ? NO_COUNTS : state.counts;
      return {
        ...state,
        phase: 'running',
        position: action.from,
        next: action.from,
        counts,
        earlier: counts,
        receipt: fresh ? [] : state.receipt,
        error: null,
      };
    }
    case 'fingerprinting':
      return state.phase === 'running' ? { ...state, position: action.position } : state;
    case 'progress':
      return state.phase === 'running' ? withProgress(state, action.progress) : state;
    case 'ended': {
      // A run ended by a reset (or a new file) reports into a flow that has moved on.
      if (state.phase !== 'running') return state;
      const ended = withProgress(state, action.progress);
      return {
        ...ended,
        phase: action.error === undefined ? 'done' : 'interrupted',
        position: ended.next,
        error: action.error ?? null,
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
