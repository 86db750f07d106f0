import {
  caseFields,
  fileIdentity,
  ImportInterrupted,
  runImport,
  sameFile,
  type FileIdentity,
  type ImportProgress,
} from '@parallax/hub-client';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import {
  useFingerprinterFactory,
  type Fingerprinter,
} from '../../fingerprinting/utils/fingerprinter';
import type { ImportPreview } from '../../fingerprinting/utils/protocol';
import { useUnlockedKeys } from '../../../crypto/key-store';
import { useHubRequest } from '../../../hub/hub-request';
import { useViewer } from '../../auth/hooks/session';
import { earlierKeys } from '../utils/earlier-keys';
import type { SavedImport } from '../utils/saved-import';
import { workerChunkFingerprinter } from '../utils/worker-fingerprints';
import type { ImportRun, ReadOptions, RunOptions } from './import-run-types';
import { importReducer, initialImportState } from './import-state';
import { useSavedImport } from './useSavedImport';

/** Records per chunk: small, so the progress moves and a stop takes effect soon. */
export const WEB_IMPORT_CHUNK = 50;

const noProgress = (total: number, next: number): ImportProgress => ({
  total,
  next,
  fingerprinted: 0,
  registered: 0,
  created: 0,
  existing: 0,
  noFingerprints: 0,
  evaluations: 0,
  budget: null,
});

const runTotal = (preview: ImportPreview | null, distinctOnly: boolean): number =>
  preview === null ? 0 : distinctOnly ? preview.duplicates.distinct : preview.records;

/**
 * The bulk import's flow (see ImportPhase): the file goes to the fingerprint
 * worker for the dry run, then the shared orchestrator of @parallax/hub-client
 * (the CLI's) fingerprints it there chunk by chunk and registers the cases,
 * with the same chunking, retries, budget handling and idempotency keys. The
 * run is saved as it goes (useSavedImport), so a reload can continue it.
 */
export function useImportRun(): ImportRun {
  const [state, dispatch] = useReducer(importReducer, initialImportState);
  const request = useHubRequest();
  const viewer = useViewer();
  const keys = useUnlockedKeys(viewer.user.id);
  const factory = useFingerprinterFactory();
  const fingerprinter = useRef<Fingerprinter | null>(null);
  const file = useRef<File | null>(null);
  const identity = useRef<Promise<FileIdentity> | null>(null);
  const [fileInfo, setFileInfo] = useState<ImportRun['file']>(null);
  const running = useRef<AbortController | null>(null);
  const { saved, track, discard } = useSavedImport(viewer.user.id, state);

  // The worker, with the file it read, ends with the page.
  useEffect(
    () => () => {
      running.current?.abort();
      fingerprinter.current?.dispose();
      fingerprinter.current = null;
    },
    [],
  );

  // Leaving the page stops the import (it can continue later): say so first.
  useEffect(() => {
    if (state.phase !== 'running') return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [state.phase]);

  const worker = useCallback((): Fingerprinter => (fingerprinter.current ??= factory()), [factory]);

  const read = useCallback(
    async (
      chosen: File,
      { format, mapping, defaultPhoneCountry, referencePrefix }: ReadOptions,
      quiet = false,
    ) => {
      if (!quiet) dispatch({ type: 'reading' });
      try {
        const preview = await worker().run({
          kind: 'parse',
          file: chosen,
          format,
          ...(format === 'csv' && Object.keys(mapping).length > 0 ? { mapping } : {}),
          ...(defaultPhoneCountry ? { defaultPhoneCountry } : {}),
          referencePrefix,
        });
        return preview;
      } catch {
        dispatch({ type: 'readFailed' });
        return null;
      }
    },
    [worker],
  );

  const keep = useCallback((chosen: File) => {
    file.current = chosen;
    identity.current = fileIdentity(chosen);
    setFileInfo({ name: chosen.name, size: chosen.size });
  }, []);

  const choose = useCallback(
    (chosen: File, options: ReadOptions) => {
      keep(chosen);
      void read(chosen, options).then((preview) => preview && dispatch({ type: 'read', preview }));
    },
    [keep, read],
  );

  const reread = useCallback(
    (options: ReadOptions, quiet = false) => {
      if (file.current)
        void read(file.current, options, quiet).then(
          (p) => p && dispatch({ type: 'read', preview: p }),
        );
    },
    [read],
  );

  const resume = useCallback(
    async (chosen: File, run: SavedImport) => {
      if (!sameFile(await fileIdentity(chosen), run.file)) return false;
      keep(chosen);
      const { format, mapping, country, distinctOnly, prefix } = run.settings;
      const preview = await read(chosen, {
        format,
        mapping,
        defaultPhoneCountry: country,
        referencePrefix: prefix,
      });
      if (!preview) return true;
      // Read the same way, the same file gives the same records: else it is not safe to skip any.
      if (runTotal(preview, distinctOnly) !== run.total) {
        dispatch({ type: 'read', preview });
        return false;
      }
      track({ file: run.file, settings: run.settings, total: run.total });
      dispatch({
        type: 'restored',
        preview,
        total: run.total,
        distinctOnly,
        next: run.next,
        counts: run.counts,
      });
      return true;
    },
    [keep, read, track],
  );

  const start = useCallback(
    async (from: number, options: RunOptions) => {
      const { distinctOnly, groupKey, defaultPhoneCountry } = options;
      const total = runTotal(state.preview, distinctOnly);
      const controller = new AbortController();
      running.current = controller;
      dispatch({ type: 'start', from, total, distinctOnly, at: Date.now() });
      if (identity.current) {
        track({
          file: await identity.current,
          total,
          settings: {
            groupId: options.workingGroupId,
            format: options.format,
            country: defaultPhoneCountry,
            mapping: options.mapping,
            tags: options.fields,
            prefix: options.referencePrefix,
            distinctOnly,
          },
        });
      }
      const earlier = await earlierKeys(
        request,
        options.workingGroupId,
        keys ? { userId: keys.userId, privateKey: keys.privateKey } : null,
      );
      try {
        const result = await runImport({
          request,
          workingGroupId: options.workingGroupId,
          epoch: options.epoch,
          groupKey,
          earlierGroupKeys: earlier,
          fields: caseFields(options.fields),
          referencePrefix: options.referencePrefix,
          total,
          from,
          chunkSize: WEB_IMPORT_CHUNK,
          signal: controller.signal,
          fingerprintChunk: workerChunkFingerprinter(worker(), {
            groupKey,
            distinctOnly,
            referencePrefix: options.referencePrefix,
            ...(defaultPhoneCountry ? { defaultPhoneCountry } : {}),
            onFingerprinting: (position) => dispatch({ type: 'fingerprinting', position }),
          }),
          onProgress: (progress) => dispatch({ type: 'progress', progress, at: Date.now() }),
        });
        dispatch({ type: 'ended', progress: result, ...result });
      } catch (error) {
        const stopped = controller.signal.aborted;
        if (error instanceof ImportInterrupted) {
          dispatch({
            type: 'ended',
            progress: error.progress,
            records: error.records,
            withoutFingerprints: error.withoutFingerprints,
            error: stopped ? null : error.reason,
          });
        } else {
          const progress = noProgress(total, from);
          dispatch({ type: 'ended', progress, records: [], withoutFingerprints: [], error });
        }
      } finally {
        for (const k of earlier) k.groupKey.fill(0);
        if (running.current === controller) running.current = null;
      }
    },
    [request, state.preview, worker, keys, track],
  );

  const stop = useCallback(() => running.current?.abort(new Error('Stopped by the user')), []);

  const reset = useCallback(() => {
    running.current?.abort();
    fingerprinter.current?.dispose();
    fingerprinter.current = null;
    file.current = null;
    identity.current = null;
    setFileInfo(null);
    discard();
    dispatch({ type: 'reset' });
  }, [discard]);

  return { state, file: fileInfo, saved, choose, reread, resume, start, stop, reset, discard };
}
