import { hubEvaluator, registerCases, type HubRequest } from '@parallax/hub-client';
import type { Fingerprinter } from '../fingerprinting/fingerprinter';
import type { ImportRecord } from '../fingerprinting/protocol';
import { hubErrorCode } from '../hub/hub-request';

/** Records per chunk at first; halved while the hub refuses a chunk for the OPRF budget. */
export const INITIAL_CHUNK = 50;

export interface ReceiptLine {
  recordId: string;
  reference: string;
  caseId: string;
  created: boolean;
}

export interface ChunkOutcome {
  /** Records registered (created or already there). */
  registered: ReceiptLine[];
  /** Records that make no key: not registered. */
  withoutKeys: ImportRecord[];
}

export interface ImportRun {
  request: HubRequest;
  fingerprinter: Fingerprinter;
  workingGroupId: string;
  epoch: number;
  groupKey: Uint8Array;
  status: string;
  situationTags: string[];
  crimeTags: string[];
  referencePrefix: string;
  defaultPhoneCountry?: string;
  /** First record to process (a resumed import continues where it stopped). */
  from: number;
  total: number;
  chunkSize?: number;
  shouldStop: () => boolean;
  /** Records fingerprinted so far in the current chunk (for the progress bar). */
  onFingerprinting?: (position: number) => void;
  onChunk: (outcome: ChunkOutcome, next: number) => void;
  onBudget?: (used: number, allowed: number) => void;
}

export interface ImportStop {
  /** The next record to process. */
  next: number;
  /** Why it stopped, if it did not finish or was not stopped by the user. */
  error: unknown;
}

/**
 * Bulk import, chunk by chunk: fingerprint a chunk in the worker (the hub
 * evaluates its blinded elements), register it, go on. The hub's daily OPRF
 * budget grows with the organisation's registered cases, so registering as
 * we go keeps an import of many records within it; a chunk refused for the
 * budget is retried smaller. Every case has an idempotency key derived from
 * its record id: an import run again (after a failure, or on purpose)
 * registers each case once.
 */
export async function runImport(run: ImportRun): Promise<ImportStop> {
  const { request, fingerprinter, workingGroupId, epoch, total } = run;
  const evaluator = hubEvaluator(request, workingGroupId, epoch, run.onBudget);
  let chunk = Math.max(1, run.chunkSize ?? INITIAL_CHUNK);
  let next = run.from;
  while (next < total) {
    if (run.shouldStop()) return { next, error: null };
    const end = Math.min(total, next + chunk);
    let records: ImportRecord[];
    try {
      const start = next;
      ({ records } = await fingerprinter.run(
        {
          kind: 'chunk',
          start,
          end,
          groupKey: run.groupKey,
          referencePrefix: run.referencePrefix,
          ...(run.defaultPhoneCountry ? { defaultPhoneCountry: run.defaultPhoneCountry } : {}),
        },
        { evaluator, onProgress: (done) => run.onFingerprinting?.(start + done) },
      ));
    } catch (error) {
      if (hubErrorCode(error) === 'RATE_LIMITED' && chunk > 1) {
        chunk = Math.max(1, Math.floor(chunk / 2));
        continue;
      }
      return { next, error };
    }
    const withKeys = records.filter((r) => r.fingerprints.length > 0);
    const withoutKeys = records.filter((r) => r.fingerprints.length === 0);
    let registered: ReceiptLine[] = [];
    if (withKeys.length > 0) {
      try {
        const done = await registerCases(
          request,
          workingGroupId,
          epoch,
          withKeys.map((r) => ({
            idempotencyKey: r.idempotencyKey,
            reference: r.reference,
            status: run.status,
            situationTags: run.situationTags,
            crimeTags: run.crimeTags,
            fingerprints: r.fingerprints,
          })),
        );
        const byKey = new Map(done.map((d) => [d.idempotencyKey, d]));
        registered = withKeys.flatMap((r) => {
          const d = byKey.get(r.idempotencyKey);
          return d
            ? [
                {
                  recordId: r.recordId,
                  reference: r.reference,
                  caseId: d.caseId,
                  created: d.created,
                },
              ]
            : [];
        });
      } catch (error) {
        return { next, error };
      }
    }
    next = end;
    run.onChunk({ registered, withoutKeys }, next);
  }
  return { next, error: null };
}
