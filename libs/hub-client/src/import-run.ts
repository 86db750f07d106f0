/**
 * The import orchestrator, shared by the CLI (`parallax fingerprint --hub`)
 * and the web bulk import: fingerprint the input chunk by chunk through the
 * hub's OPRF and register one case per record. Platform-neutral; where the
 * records are fingerprinted is the caller's (a {@link ChunkFingerprinter}).
 *
 * Why chunks: the hub's daily OPRF budget grows with the organisation's
 * registered cases, so an import registers each chunk before it needs much
 * more budget. The next chunk is fingerprinted while the previous one is
 * being registered (one chunk ahead). Should the hub refuse for the budget
 * (category RATE_LIMITED), the import waits for the registration in flight
 * and asks again, else asks again with half the chunk.
 *
 * Every case has an idempotency key and a reference derived from its record
 * id (import-keys.ts): an import run again, after a failure or on purpose,
 * from the web or the CLI, registers each case once — also after a key
 * rotation, when the earlier epochs' keys are given (`earlierGroupKeys`):
 * each record then names its earlier idempotency keys (`supersedes`) and the
 * hub re-fingerprints that case in place.
 */
import { MAX_CASES_PER_CALL } from '@parallax/domain';
import type { OprfEvaluator } from '@parallax/fingerprint';
import { exceedsCaseLimits } from './case-limits.js';
import { registerCases, type CaseUpload } from './cases.js';
import { checkReferencePrefix } from './import-input.js';
import { importIdempotencyKey, importReference } from './import-keys.js';
import {
  ImportInterrupted,
  type FingerprintedRecord,
  type ImportedRecord,
  type ImportProgress,
  type ImportResult,
  type RunImportOptions,
} from './import-types.js';
import { hubEvaluator } from './oprf.js';
import { HubError, isRateLimited, withNetworkRetry } from './request.js';

/** Records per chunk unless told otherwise. */
export const DEFAULT_IMPORT_CHUNK = 250;
/** Registration calls side by side. */
export const DEFAULT_UPLOAD_CONCURRENCY = 3;

type Budget = { used: number; allowed: number };

/**
 * Runs an import (see the module comment). Returns what was registered;
 * throws ImportInputError before contacting the hub if the reference prefix
 * is unusable, and {@link ImportInterrupted} if it stops part-way.
 */
export async function runImport(options: RunImportOptions): Promise<ImportResult> {
  checkReferencePrefix(options.referencePrefix);
  const { groupKey, workingGroupId, epoch, total, fields } = options;
  const earlier = (options.earlierGroupKeys ?? []).filter((k) => k.epoch < epoch);
  const from = Math.max(0, options.from ?? 0);
  let size = Math.min(MAX_CASES_PER_CALL, Math.max(1, options.chunkSize ?? DEFAULT_IMPORT_CHUNK));
  const concurrency = Math.max(
    1,
    Math.min(8, options.uploadConcurrency ?? DEFAULT_UPLOAD_CONCURRENCY),
  );
  const request = withNetworkRetry(options.request, {
    signal: options.signal,
    ...(options.retryDelayMs !== undefined ? { baseDelayMs: options.retryDelayMs } : {}),
  });

  let budget: Budget | null = null;
  const timings = { clientMs: 0, oprfMs: 0, registerMs: 0 };
  const now = (): number => globalThis.performance.now();
  const hub = hubEvaluator(request, workingGroupId, epoch, (used, allowed) => {
    budget = { used, allowed };
  });
  const records: ImportedRecord[] = [];
  const withoutFingerprints: string[] = [];
  let fingerprinted = 0;
  let evaluations = 0;
  let created = 0;
  let existing = 0;
  const progress = (): ImportProgress => ({
    total,
    next: from + records.length + withoutFingerprints.length,
    fingerprinted,
    registered: records.length + withoutFingerprints.length,
    created,
    existing,
    noFingerprints: withoutFingerprints.length,
    evaluations,
    budget,
  });
  const report = (): void => options.onProgress?.(progress());

  let registering: Promise<void> | null = null;
  const settle = async (): Promise<void> => {
    if (registering) {
      const pending = registering;
      registering = null;
      await pending;
    }
  };

  // Time spent here but not on this device, during the current chunk's fingerprinting.
  let waitedMs = 0;
  // Ahead of a registration still in flight, ask only for what the budget
  // last reported surely allows; else let the registration land first.
  const evaluator: OprfEvaluator = async (blinded) => {
    const last = budget as Budget | null;
    const waitStart = now();
    if (registering && (last === null || last.used + blinded.length > last.allowed)) await settle();
    const asked = now();
    const evaluated = await hub(blinded);
    timings.oprfMs += now() - asked;
    waitedMs += now() - waitStart;
    if (evaluated.length !== blinded.length) {
      throw new HubError(
        'INTERNAL',
        `The hub returned ${evaluated.length} evaluations for ${blinded.length}`,
      );
    }
    evaluations += blinded.length;
    return evaluated;
  };

  const fingerprint = async (
    start: number,
    end: number,
  ): Promise<readonly FingerprintedRecord[]> => {
    waitedMs = 0;
    const started = now();
    const out = await options.fingerprintChunk(start, end, evaluator);
    timings.clientMs += Math.max(0, now() - started - waitedMs);
    if (out.length !== end - start)
      throw new HubError('INTERNAL', 'A chunk was not fingerprinted whole');
    return out;
  };

  const register = async (chunk: readonly FingerprintedRecord[]): Promise<void> => {
    const uploads: Array<CaseUpload & { recordId: string }> = [];
    // Counted once the chunk is confirmed, so `next` never passes a record not registered.
    const unusable: string[] = [];
    for (const r of chunk) {
      // No fingerprints, or more than one person yields (the hub would refuse the case): not registered.
      if (r.fingerprints.length === 0 || exceedsCaseLimits(r.fingerprints)) {
        unusable.push(r.recordId);
        continue;
      }
      const own = r.reference?.trim();
      uploads.push({
        recordId: r.recordId,
        idempotencyKey: importIdempotencyKey(groupKey, r.recordId),
        reference:
          own !== undefined && own.length > 0
            ? own
            : importReference(groupKey, r.recordId, options.referencePrefix),
        status: fields.status,
        situationTags: [...fields.situationTags],
        crimeTags: [...fields.crimeTags],
        fingerprints: r.fingerprints,
        // The same record's keys under earlier epochs: after a rotation its case is updated, not doubled.
        supersedes: earlier.map((k) => importIdempotencyKey(k.groupKey, r.recordId)),
      });
    }
    if (uploads.length === 0) {
      withoutFingerprints.push(...unusable);
      return;
    }
    const asked = now();
    const parts = Math.min(concurrency, uploads.length);
    const per = Math.ceil(uploads.length / parts);
    const done = (
      await Promise.all(
        Array.from({ length: parts }, (_, i) =>
          registerCases(request, workingGroupId, epoch, uploads.slice(i * per, (i + 1) * per)),
        ),
      )
    ).flat();
    timings.registerMs += now() - asked;
    const byKey = new Map(done.map((d) => [d.idempotencyKey, d]));
    const confirmed = uploads.map((u): ImportedRecord => {
      const d = byKey.get(u.idempotencyKey);
      if (!d) throw new HubError('INTERNAL', 'The hub did not confirm every case of the chunk');
      return {
        recordId: u.recordId,
        reference: u.reference,
        caseId: d.caseId,
        created: d.created,
        fingerprints: u.fingerprints.length,
      };
    });
    records.push(...confirmed);
    withoutFingerprints.push(...unusable);
    created += confirmed.filter((r) => r.created).length;
    existing += confirmed.filter((r) => !r.created).length;
  };

  report();
  try {
    let position = from;
    while (position < total) {
      if (options.signal?.aborted) throw options.signal.reason ?? new Error('aborted');
      let end = Math.min(total, position + size);
      let chunk: readonly FingerprintedRecord[];
      for (;;) {
        try {
          chunk = await fingerprint(position, end);
          break;
        } catch (error) {
          if (!isRateLimited(error)) throw error;
          // Refused for the budget: the cases being registered raise the
          // allowance, so let them land and ask again; else ask for less.
          if (registering) await settle();
          else if (end - position > 1) {
            size = Math.max(1, Math.floor((end - position) / 2));
            end = position + size;
          } else throw error;
        }
      }
      fingerprinted += chunk.length;
      position = end;
      report();
      await settle();
      const next: Promise<void> = register(chunk).then(report);
      // Observed at the next settle(); never an unhandled rejection meanwhile.
      next.catch(() => undefined);
      registering = next;
    }
    await settle();
  } catch (error) {
    // A registration still in flight either lands (its cases are counted
    // on the re-run) or not; wait so the counts reported are final.
    await settle().catch(() => undefined);
    throw new ImportInterrupted(error, progress(), records, withoutFingerprints);
  }
  return { ...progress(), timings, records, withoutFingerprints };
}
