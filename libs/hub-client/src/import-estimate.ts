/**
 * How long an import will take, shown before it starts (web dry run, CLI
 * `--dry-run`) and updated while it runs. A range, never a promise: the
 * hub's load and the connection decide much of it.
 *
 * Before the run: this device's time per record is measured on a small
 * sample (fingerprinting it under throw-away keys); the hub's time per
 * record is measured on the first chunk when there is one, else taken from
 * docs/benchmarks.md (OPRF plus registration, 68–140 cases/s, 3 calls in
 * flight). Fingerprinting the next chunk overlaps the registration of the
 * last, so the run takes at least the longer of the two and at most their
 * sum. During the run: the actual rate since the run started.
 */

/** Hub time per record when not measured (ms): registration at 140 and 68 cases/s, OPRF included. */
export const DEFAULT_HUB_MS_PER_RECORD = { low: 7, high: 15 } as const;
/** Records fingerprinted in the dry run to measure this device. */
export const ESTIMATE_SAMPLE_RECORDS = 40;

export interface DurationRange {
  readonly lowMs: number;
  readonly highMs: number;
}

export interface ImportEstimateInput {
  /** Records the run will send (distinct persons only, by default). */
  readonly records: number;
  /** This device's time per record, measured on a sample (ms). */
  readonly clientMsPerRecord: number;
  /** The hub's time per record, if measured (ms); else {@link DEFAULT_HUB_MS_PER_RECORD}. */
  readonly hubMsPerRecord?: number | undefined;
}

/** The whole run's duration, as a range. */
export function estimateImport(input: ImportEstimateInput): DurationRange {
  const records = Math.max(0, input.records);
  const client = records * Math.max(0, input.clientMsPerRecord);
  const measured = input.hubMsPerRecord;
  const hubLow = records * (measured ?? DEFAULT_HUB_MS_PER_RECORD.low);
  const hubHigh = records * (measured ?? DEFAULT_HUB_MS_PER_RECORD.high);
  return { lowMs: Math.max(client, hubLow), highMs: (client + hubHigh) * 1.2 };
}

export interface RunRate {
  /** Records of the run in all. */
  readonly total: number;
  /** Where this run started (a resumed run starts part-way). */
  readonly from: number;
  /** Records confirmed so far (from the file's start). */
  readonly done: number;
  /** Since this run started (ms). */
  readonly elapsedMs: number;
}

/**
 * The time left at the rate seen since this run started; null until one
 * chunk was confirmed (the first rate says little before that).
 */
export function remainingEstimate({ total, from, done, elapsedMs }: RunRate): DurationRange | null {
  const processed = done - from;
  if (processed <= 0 || elapsedMs <= 0) return null;
  const left = Math.max(0, total - done);
  const ms = (left * elapsedMs) / processed;
  return { lowMs: ms * 0.85, highMs: ms * 1.2 };
}

export type DurationUnit = 'second' | 'minute' | 'hour';

/** A range rounded for people: both ends in one unit, whole numbers, low ≤ high, at least 1. */
export function roundDuration({ lowMs, highMs }: DurationRange): {
  low: number;
  high: number;
  unit: DurationUnit;
} {
  const unit: DurationUnit =
    highMs < 90_000 ? 'second' : highMs < 10 * 3_600_000 ? 'minute' : 'hour';
  const per = unit === 'second' ? 1000 : unit === 'minute' ? 60_000 : 3_600_000;
  const high = Math.max(1, Math.ceil(highMs / per));
  const low = Math.min(high, Math.max(1, Math.floor(lowMs / per)));
  return { low, high, unit };
}

/** "5–8 min" (the CLI's English output). */
export function formatDurationRange(range: DurationRange): string {
  const { low, high, unit } = roundDuration(range);
  const symbol = unit === 'second' ? 's' : unit === 'minute' ? 'min' : 'h';
  return low === high ? `about ${high} ${symbol}` : `${low}–${high} ${symbol}`;
}
