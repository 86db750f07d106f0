import type { ChunkFingerprinter } from '@parallax/hub-client';
import type { Fingerprinter } from '../../fingerprinting/utils/fingerprinter';

export interface WorkerChunkOptions {
  groupKey: Uint8Array;
  defaultPhoneCountry?: string;
  /** Only each person's first record (positions count among those). */
  distinctOnly?: boolean;
  /** The references' prefix: the worker refuses a chunk unless it read the file with this one. */
  referencePrefix?: string;
  /** Records fingerprinted so far, counted from the file's start (for the progress bar). */
  onFingerprinting?: (position: number) => void;
}

/**
 * The import orchestrator's fingerprinting step, run by the fingerprint
 * worker, which holds the file: the page receives record ids and
 * fingerprints, never the records.
 */
export function workerChunkFingerprinter(
  fingerprinter: Fingerprinter,
  {
    groupKey,
    defaultPhoneCountry,
    distinctOnly,
    referencePrefix,
    onFingerprinting,
  }: WorkerChunkOptions,
): ChunkFingerprinter {
  return async (start, end, evaluator) => {
    const { records } = await fingerprinter.run(
      {
        kind: 'chunk',
        start,
        end,
        groupKey,
        ...(defaultPhoneCountry ? { defaultPhoneCountry } : {}),
        ...(distinctOnly ? { distinctOnly } : {}),
        ...(referencePrefix !== undefined ? { referencePrefix } : {}),
      },
      { evaluator, onProgress: (done) => onFingerprinting?.(start + done) },
    );
    return records.map((r) => ({ recordId: r.recordId, fingerprints: r.fingerprints }));
  };
}
