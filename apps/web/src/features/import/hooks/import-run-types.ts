import type { ImportFormat } from '../../fingerprinting/utils/protocol';
import type { SavedImport } from '../utils/saved-import';
import type { ImportState } from './import-state';

export interface ReadOptions {
  format: ImportFormat;
  /** CSV: header → target, for the columns the user changed. */
  mapping: Record<string, string>;
  defaultPhoneCountry: string;
  /** Rows whose names are in the references' prefix are skipped (reference_contains_name). */
  referencePrefix: string;
}

export interface RunOptions {
  workingGroupId: string;
  epoch: number;
  groupKey: Uint8Array;
  /** Status and tags as chosen (checked against the vocabularies before anything is sent). */
  fields: { status: string; situationTags: string[]; crimeTags: string[] };
  referencePrefix: string;
  defaultPhoneCountry: string;
  /** Send each person's first record only (the dry run found repeats). */
  distinctOnly: boolean;
  /** What is saved for a resume after a reload (CSV: the mapping as set). */
  format: ImportFormat;
  mapping: Record<string, string>;
}

export interface ImportRun {
  state: ImportState;
  /** The chosen file's name and size (it is kept in the worker). */
  file: { name: string; size: number } | null;
  /** An import a previous page left unfinished (null if none). */
  saved: SavedImport | null;
  choose: (file: File, options: ReadOptions) => void;
  /**
   * Reads the chosen file again (another format or mapping); `quiet` keeps
   * the preview on screen meanwhile (another reference prefix).
   */
  reread: (options: ReadOptions, quiet?: boolean) => void;
  /** The saved import's file chosen again: false (nothing read) if it is another file. */
  resume: (file: File, saved: SavedImport) => Promise<boolean>;
  /** Imports from record `from` (0, or where an interrupted import stopped). */
  start: (from: number, options: RunOptions) => Promise<void>;
  /** Stops after the chunk being registered. */
  stop: () => void;
  reset: () => void;
  /** Forgets the saved import. */
  discard: () => void;
}
