import { useCallback, useEffect, useRef, useState } from 'react';
import { savedImports, type SavedImport, type SavedImportStore } from '../utils/saved-import';
import type { ImportState } from './import-state';

/** What a run needs saved besides its positions: set when it starts (or is restored). */
export type SavedRunBase = Omit<SavedImport, 'version' | 'next' | 'counts' | 'savedAt'>;

/**
 * Keeps the running import saved (utils/saved-import.ts): after each
 * confirmed chunk and when it stops; forgotten when it completes or the user
 * starts over. Also loads what an earlier page left, for the resume banner.
 * Storage failures are ignored: the import itself does not depend on them.
 */
export function useSavedImport(
  userId: string,
  state: ImportState,
  store: SavedImportStore = savedImports(),
) {
  const [saved, setSaved] = useState<SavedImport | null>(null);
  const base = useRef<SavedRunBase | null>(null);

  useEffect(() => {
    let live = true;
    store
      .load(userId)
      .then((run) => live && setSaved(run ?? null))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [store, userId]);

  const { phase, next, total, counts } = state;
  useEffect(() => {
    const run = base.current;
    if (!run) return;
    if (phase === 'done') {
      base.current = null;
      setSaved(null);
      void store.clear(userId).catch(() => undefined);
    } else if (phase === 'running' || phase === 'interrupted') {
      const entry: SavedImport = { version: 1, ...run, total, next, counts, savedAt: Date.now() };
      void store.save(userId, entry).catch(() => undefined);
    }
  }, [store, userId, phase, next, total, counts]);

  /** Saves from now on (a run starts, or continues a restored one). */
  const track = useCallback((run: SavedRunBase) => {
    base.current = run;
    setSaved(null);
  }, []);

  /** Forgets the saved run (the user discards it, or starts over). */
  const discard = useCallback(() => {
    base.current = null;
    setSaved(null);
    void store.clear(userId).catch(() => undefined);
  }, [store, userId]);

  return { saved, track, discard };
}
