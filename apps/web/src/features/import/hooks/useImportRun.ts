import {
  caseFields,
  earlierGroupKeys,
  ImportInterrupted,
  runImport,
  type EarlierGroupKey,
  type HubRequest,
  type ImportProgress,
} from '@parallax/hub-client';
import { useCallback, useEffect, useReducer, useRef } from 'react';
import {
  useFingerprinterFactory,
  type Fingerprinter,
} from '../../fingerprinting/utils/fingerprinter';
import type { ImportFormat } from '../../fingerprinting/utils/protocol';
import { useUnlockedKeys } from '../../../crypto/key-store';
import { useHubRequest } from '../../../hub/hub-request';
import { useViewer } from '../../auth/hooks/session';
import { workerChunkFingerprinter } from '../utils/worker-fingerprints';
import { importReducer, initialImportState, type ImportState } from './import-state';

/** Records per chunk: small, so the progress moves and a stop takes effect soon. */
export const WEB_IMPORT_CHUNK = 50;

export interface ReadOptions {
  format: ImportFormat;
  /** CSV: header → target, for the columns the user changed. */
  mapping: Record<string, string>;
  defaultPhoneCountry: string;
}

export interface RunOptions {
  workingGroupId: string;
  epoch: number;
  groupKey: Uint8Array;
  /** Status and tags as chosen (checked against the vocabularies before anything is sent). */
  fields: { status: string; situationTags: string[]; crimeTags: string[] };
  referencePrefix: string;
  defaultPhoneCountry: string;
}

export interface ImportRun {
  state: ImportState;
  /** Whether a file was chosen (it is kept in the worker). */
  hasFile: () => boolean;
  choose: (file: File, options: ReadOptions) => void;
  /** Reads the chosen file again (another format or mapping). */
  reread: (options: ReadOptions) => void;
  /** Imports from record `from` (0, or where an interrupted import stopped). */
  start: (from: number, options: RunOptions) => Promise<void>;
  /** Stops after the chunk being registered. */
  stop: () => void;
  reset: () => void;
}

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

/**
 * The bulk import's flow (see ImportPhase): the file goes to the fingerprint
 * worker for the dry run, then the shared orchestrator of @parallax/hub-client
 * (the CLI's) fingerprints it there chunk by chunk and registers the cases,
 * with the same chunking, retries, budget handling and idempotency keys.
 */
/**
 * The group's earlier keys this user can open, so that a file imported again
 * after a key rotation updates its cases instead of doubling them; none
 * (records then recognised by their own reference only) if that fails.
 */
async function earlierKeys(
  request: HubRequest,
  workingGroupId: string,
  me: { userId: string; privateKey: Uint8Array } | null,
): Promise<EarlierGroupKey[]> {
  if (!me) return [];
  try {
    return await earlierGroupKeys(request, workingGroupId, me);
  } catch {
    return [];
  }
}

export function useImportRun(): ImportRun {
  const [state, dispatch] = useReducer(importReducer, initialImportState);
  const request = useHubRequest();
  const viewer = useViewer();
  const keys = useUnlockedKeys(viewer.user.id);
  const factory = useFingerprinterFactory();
  const fingerprinter = useRef<Fingerprinter | null>(null);
  const file = useRef<File | null>(null);
  const running = useRef<AbortController | null>(null);

  // The worker, with the file it read, ends with the page.
  useEffect(
    () => () => {
      running.current?.abort();
      fingerprinter.current?.dispose();
      fingerprinter.current = null;
    },
    [],
  );

  const worker = useCallback((): Fingerprinter => (fingerprinter.current ??= factory()), [factory]);

  const read = useCallback(
    async (chosen: File, { format, mapping, defaultPhoneCountry }: ReadOptions) => {
      dispatch({ type: 'reading' });
      try {
        const preview = await worker().run({
          kind: 'parse',
          file: chosen,
          format,
          ...(format === 'csv' && Object.keys(mapping).length > 0 ? { mapping } : {}),
          ...(defaultPhoneCountry ? { defaultPhoneCountry } : {}),
        });
        dispatch({ type: 'read', preview });
      } catch {
        dispatch({ type: 'readFailed' });
      }
    },
    [worker],
  );

  const choose = useCallback(
    (chosen: File, options: ReadOptions) => {
      file.current = chosen;
      void read(chosen, options);
    },
    [read],
  );

  const reread = useCallback(
    (options: ReadOptions) => {
      if (file.current) void read(file.current, options);
    },
    [read],
  );

  const start = useCallback(
    async (from: number, options: RunOptions) => {
      const total = state.preview?.records ?? 0;
      const controller = new AbortController();
      running.current = controller;
      dispatch({ type: 'start', from });
      const { groupKey, defaultPhoneCountry } = options;
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
            ...(defaultPhoneCountry ? { defaultPhoneCountry } : {}),
            onFingerprinting: (position) => dispatch({ type: 'fingerprinting', position }),
          }),
          onProgress: (progress) => dispatch({ type: 'progress', progress }),
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
    [request, state.preview, worker, keys],
  );

  const stop = useCallback(() => running.current?.abort(new Error('Stopped by the user')), []);

  const reset = useCallback(() => {
    running.current?.abort();
    fingerprinter.current?.dispose();
    fingerprinter.current = null;
    file.current = null;
    dispatch({ type: 'reset' });
  }, []);

  const hasFile = useCallback(() => file.current !== null, []);

  return { state, hasFile, choose, reread, start, stop, reset };
}
