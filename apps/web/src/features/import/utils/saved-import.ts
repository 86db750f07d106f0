import type { FileIdentity } from '@parallax/hub-client';
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import type { ImportFormat } from '../../fingerprinting/utils/protocol';
import type { ImportCounts } from '../hooks/import-state';

/**
 * A running import, saved after each confirmed chunk so that a page reload
 * (or a closed tab) does not lose it: choosing the same file again continues
 * where it stopped. Only what the resume needs is kept — the file's identity
 * (name, size, date, a hash of its ends), the settings the user chose (column
 * headers, tags, prefix: no record content), positions and counts. Never a
 * record, a record id or a receipt line: the hub recognises the cases
 * already registered by their idempotency keys anyway.
 */
export interface SavedImport {
  version: 1;
  file: FileIdentity;
  settings: {
    groupId: string;
    format: ImportFormat;
    country: string;
    /** CSV: header → target, as the user set them. */
    mapping: Record<string, string>;
    tags: { status: string; situationTags: string[]; crimeTags: string[] };
    prefix: string;
    distinctOnly: boolean;
  };
  /** Records the run sends (each person's first record, or all). */
  total: number;
  /** The first record not confirmed. */
  next: number;
  counts: ImportCounts;
  savedAt: number;
}

/** Where the saved import lives: IndexedDB in the browser, memory in tests. */
export interface SavedImportStore {
  load(userId: string): Promise<SavedImport | undefined>;
  save(userId: string, run: SavedImport): Promise<void>;
  clear(userId: string): Promise<void>;
}

const key = (userId: string): string => `import-run:${userId}`;

export class IdbSavedImports implements SavedImportStore {
  private readonly store: UseStore = createStore('parallax-imports', 'runs');

  load(userId: string): Promise<SavedImport | undefined> {
    return get<SavedImport>(key(userId), this.store).then((v) =>
      v?.version === 1 ? v : undefined,
    );
  }

  save(userId: string, run: SavedImport): Promise<void> {
    return set(key(userId), run, this.store);
  }

  clear(userId: string): Promise<void> {
    return del(key(userId), this.store);
  }
}

export class MemorySavedImports implements SavedImportStore {
  private readonly runs = new Map<string, SavedImport>();

  load(userId: string): Promise<SavedImport | undefined> {
    const run = this.runs.get(key(userId));
    return Promise.resolve(run ? structuredClone(run) : undefined);
  }

  save(userId: string, run: SavedImport): Promise<void> {
    this.runs.set(key(userId), structuredClone(run));
    return Promise.resolve();
  }

  clear(userId: string): Promise<void> {
    this.runs.delete(key(userId));
    return Promise.resolve();
  }
}

let shared: SavedImportStore | null = null;

/**
 * The page's store: IndexedDB where there is one; else (happy-dom in tests,
 * a browser with storage disabled) memory, which still survives the
 * Importer being unmounted and mounted again.
 */
export function savedImports(): SavedImportStore {
  shared ??= typeof indexedDB === 'undefined' ? new MemorySavedImports() : new IdbSavedImports();
  return shared;
}
