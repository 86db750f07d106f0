import type { ChunkFingerprinter } from '@parallax/hub-client';
import type { Fingerprinter } from '../../fingerprinting/utils/fingerprinter';

export interface WorkerChunkOptions {
  groupKey: Uint8Array;
  defaultPhoneCountry?: string;
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
  { groupKey, defaultPhoneCountry, onFingerprinting }: WorkerChunkOptions,
): ChunkFingerprinter {
  return async (start, end, evaluator) => {
    const { records } = await fingerprinter.run(
      {
        kind: 'chunk',
        start,
        end,
        groupKey,
        ...(defaultPhoneCountry ? { defaultPhoneCountry } : {}),
      },
      { evaluator, onProgress: (done) => onFingerprinting?.(start + done) },
    );
    return records.map((r) => ({ recordId: r.recordId, fingerprints: r.fingerprints }));
  };
}
