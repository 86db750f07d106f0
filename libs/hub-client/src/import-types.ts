import type { CaseStatus, CrimeCategory, Situation } from '@parallax/domain';
import type { Fingerprint, OprfEvaluator } from '@parallax/fingerprint';
import { HubError, hubErrorCategory, type HubRequest } from './request.js';

/** Counts so far, reported after each step. */
export interface ImportProgress {
  /** Records of the whole input (a resumed import included those done before). */
  readonly total: number;
  /** The first record not confirmed yet: a resumed import starts there. */
  readonly next: number;
  /** Records fingerprinted by this run (their chunk evaluated by the hub). */
  readonly fingerprinted: number;
  /** Records of this run whose case the hub has confirmed (created or already there), or skipped for want of fingerprints. */
  readonly registered: number;
  readonly created: number;
  readonly existing: number;
  /** Records of this run that yield no fingerprint, not registered. */
  readonly noFingerprints: number;
  /** OPRF evaluations requested by this run. */
  readonly evaluations: number;
  /** The organisation's OPRF budget today, as the hub last reported it. */
  readonly budget: { readonly used: number; readonly allowed: number } | null;
}

/** One imported record, for the caller's own receipt (stays on the client). */
export interface ImportedRecord {
  readonly recordId: string;
  readonly reference: string;
  readonly caseId: string;
  readonly created: boolean;
  readonly fingerprints: number;
}

/** Wall-clock milliseconds spent in each step; the steps overlap (one chunk ahead). */
export interface ImportTimings {
  /** Key extraction, blinding, finalising and HMAC on this device. */
  readonly clientMs: number;
  /** Waiting for the hub's OPRF evaluations. */
  readonly oprfMs: number;
  /** Waiting for the hub to register the cases. */
  readonly registerMs: number;
}

export interface ImportResult extends ImportProgress {
  readonly timings: ImportTimings;
  readonly records: readonly ImportedRecord[];
  /** Records that yield no fingerprint (no name, date or identifier usable): not registered. */
  readonly withoutFingerprints: readonly string[];
}

/**
 * The import stopped part-way (the hub refused, the network failed, or it
 * was aborted). Cases confirmed so far stay registered: running the same
 * import again continues, since their idempotency keys are recognised.
 */
export class ImportInterrupted extends Error {
  constructor(
    readonly reason: unknown,
    readonly progress: ImportProgress,
    readonly records: readonly ImportedRecord[],
    readonly withoutFingerprints: readonly string[] = [],
  ) {
    super(reason instanceof Error ? reason.message : String(reason));
    this.name = 'ImportInterrupted';
  }

  /** The hub's stable error code, when the hub refused. */
  get code(): string | null {
    return this.reason instanceof HubError ? this.reason.code : null;
  }

  /** The generic category of the hub's refusal (`RATE_LIMITED`…), when the hub refused. */
  get category(): string | null {
    return this.reason instanceof HubError ? hubErrorCategory(this.reason) : null;
  }
}

export interface ImportCaseFields {
  readonly status: CaseStatus;
  readonly situationTags: readonly Situation[];
  readonly crimeTags: readonly CrimeCategory[];
}

/** One record's fingerprints, as a {@link ChunkFingerprinter} makes them. */
export interface FingerprintedRecord {
  /** The record's own id: the idempotency key and default reference derive from it. */
  readonly recordId: string;
  readonly fingerprints: readonly Fingerprint[];
  /** The caller's own case reference for this record, if any (else derived). */
  readonly reference?: string | undefined;
}

/**
 * Fingerprints records [start, end) of the import's input, in order, sending
 * blinded elements to `evaluator` (the hub). In-process for the CLI
 * ({@link localChunkFingerprinter}); the web runs it in its worker, which
 * keeps the file.
 */
export type ChunkFingerprinter = (
  start: number,
  end: number,
  evaluator: OprfEvaluator,
) => Promise<readonly FingerprintedRecord[]>;

export interface RunImportOptions {
  readonly request: HubRequest;
  readonly workingGroupId: string;
  readonly epoch: number;
  /** K_group of that epoch, unlocked on this device. */
  readonly groupKey: Uint8Array;
  /**
   * The group's keys of earlier epochs this device can open: a record
   * imported under one of them is re-fingerprinted in place (its case keeps
   * its id) instead of being registered a second time. Without them, only
   * records with their own reference are recognised across a rotation.
   */
  readonly earlierGroupKeys?:
    ReadonlyArray<{ readonly epoch: number; readonly groupKey: Uint8Array }> | undefined;
  /** Status and tags of every case of this import. */
  readonly fields: ImportCaseFields;
  /** Records in the input. */
  readonly total: number;
  readonly fingerprintChunk: ChunkFingerprinter;
  /** First record to process (a resumed import continues where it stopped); default 0. */
  readonly from?: number;
  /** Prefix of the derived references (default `IMP-`). */
  readonly referencePrefix?: string | undefined;
  /** Records per chunk (default 250, at most MAX_CASES_PER_CALL); halved while the hub refuses for the budget. */
  readonly chunkSize?: number | undefined;
  /**
   * Registration calls in flight at once for a chunk (default 3): the hub
   * commits each case on its own, so a few calls side by side keep it busy
   * while each waits for its database round trips.
   */
  readonly uploadConcurrency?: number | undefined;
  readonly onProgress?: ((progress: ImportProgress) => void) | undefined;
  /** Checked between chunks: registered chunks stay, the rest is not sent. */
  readonly signal?: AbortSignal | undefined;
  /** First wait before retrying a dropped connection (ms, doubled each time). */
  readonly retryDelayMs?: number | undefined;
}
