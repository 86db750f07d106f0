/**
 * Bulk import: fingerprint many persons through the hub's OPRF and register
 * them as cases, chunk by chunk. Shared by the CLI (`parallax fingerprint
 * --hub`) and the web bulk import; platform-neutral (no Node built-ins).
 *
 * Why chunks: the hub's daily OPRF budget grows with the organisation's
 * registered cases, so an import registers each chunk before it needs much
 * more budget. The next chunk is fingerprinted while the previous one is
 * being registered (one chunk ahead); should the hub refuse that for the
 * budget, the import waits for the registration and asks again once.
 *
 * What the hub learns: fingerprints, and per case an idempotency key and a
 * reference, both derived from the record id under the group key (HMAC), so
 * the hub never sees record ids, which may be sensitive (some databases use
 * names as ids). Re-running the same file under the same key epoch
 * registers nothing twice.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import {
  blind,
  extractKeys,
  finalizeBatch,
  fingerprint,
  keyInputString,
  oprfReady,
  toBase64Url,
  type ExtractKeysOptions,
  type Fingerprint,
  type FingerprintKey,
  type FtmPerson,
} from '@parallax/fingerprint';
import { CASE_REFERENCE_PATTERN, MAX_CASES_PER_CALL } from '@parallax/domain';
import { registerCases, type CaseUpload } from './cases.js';
import { hubEvaluator } from './oprf.js';
import { HubError, type HubRequest } from './request.js';

/** Length of the derived idempotency key (base64url characters, 192 bits). */
export const IMPORT_IDEMPOTENCY_KEY_LENGTH = 32;
/** Default prefix of the derived case reference. */
export const DEFAULT_REFERENCE_PREFIX = 'IMP-';
/** Persons per chunk unless told otherwise. */
export const DEFAULT_IMPORT_CHUNK = 250;
/** Tries of one request when the connection fails. */
const NETWORK_ATTEMPTS = 4;
/** Registration calls side by side. */
export const DEFAULT_UPLOAD_CONCURRENCY = 3;

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';


function hmacLabel(groupKey: Uint8Array, label: string): Uint8Array {
  return hmac(sha256, groupKey, utf8ToBytes(label));
}

/**
 * The idempotency key of a record: base64url(HMAC-SHA256(K_group,
 * "parallax/v1/idempotency/" + record id)), first 32 characters. Stable for
 * a record within a key epoch; the hub cannot tell the record id from it.
 */
export function importIdempotencyKey(groupKey: Uint8Array, recordId: string): string {
  return toBase64Url(hmacLabel(groupKey, `parallax/v1/idempotency/${recordId}`)).slice(
    0,
    IMPORT_IDEMPOTENCY_KEY_LENGTH,
  );
}

/**
 * The default case reference of a record: `prefix` + 10 Crockford base32
 * characters of HMAC-SHA256(K_group, "parallax/v1/reference/" + record id)
 * (50 bits: collisions are negligible for a million records). Short, keyed,
 * so it does not reveal the record id; keep the import's receipt to map it
 * back to your records.
 */
export function importReference(
  groupKey: Uint8Array,
  recordId: string,
  prefix = DEFAULT_REFERENCE_PREFIX,
): string {
  const mac = hmacLabel(groupKey, `parallax/v1/reference/${recordId}`);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of mac) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < 10) {
      out += CROCKFORD.charAt((value >>> (bits - 5)) & 31);
      bits -= 5;
    }
    value &= (1 << bits) - 1;
    if (out.length === 10) break;
  }
  return `${prefix}${out}`;
}

/** The import's input is unusable; nothing was sent to the hub. */
export class ImportInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportInputError';
  }
}

/** Counts so far, reported after each step. */
export interface ImportProgress {
  readonly total: number;
  /** Records fingerprinted (their chunk evaluated by the hub). */
  readonly fingerprinted: number;
  /** Records whose case the hub has confirmed (created or already there), or skipped for want of fingerprints. */
  readonly registered: number;
  readonly created: number;
  readonly existing: number;
  /** OPRF evaluations requested by this import. */
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
  /** Key extraction, blinding, finalising and HMAC on this machine. */
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
  ) {
    super(reason instanceof Error ? reason.message : String(reason));
    this.name = 'ImportInterrupted';
  }

  /** The hub's stable error code, when the hub refused. */
  get code(): string | null {
    return this.reason instanceof HubError ? this.reason.code : null;
  }
}

export interface ImportCaseFields {
  readonly status: string;
  readonly situationTags: readonly string[];
  readonly crimeTags: readonly string[];
}

export interface ImportPersonsOptions extends ExtractKeysOptions {
  readonly request: HubRequest;
  readonly workingGroupId: string;
  readonly epoch: number;
  /** K_group of that epoch, unlocked on this machine. */
  readonly groupKey: Uint8Array;
  /** Status and tags of every case of this import. */
  readonly fields: ImportCaseFields;
  /**
   * The case reference of a record, when the caller has a non-identifying
   * label (e.g. a column of case numbers). Default: {@link importReference}.
   */
  readonly reference?: (person: FtmPerson) => string | undefined;
  /** Prefix of the default reference (default `IMP-`). */
  readonly referencePrefix?: string;
  /** Persons per chunk (default 250, at most 500). */
  readonly chunkSize?: number;
  /**
   * Registration calls in flight at once for a chunk (default 3): the hub
   * commits each case on its own, so a few calls side by side keep it busy
   * while each waits for its database round trips.
   */
  readonly uploadConcurrency?: number;
  readonly onProgress?: (progress: ImportProgress) => void;
  /** Checked between chunks: registered chunks stay, the rest is not sent. */
  readonly signal?: AbortSignal;
}

interface PreparedRecord {
  readonly person: FtmPerson;
  readonly reference: string;
  readonly idempotencyKey: string;
}

/**
 * Checks what can be checked before signing in: every record has an id of
 * its own (the idempotency key is derived from it), and every reference the
 * caller supplies, and the reference prefix, make valid labels. Throws {@link ImportInputError}.
 */
export function validateImportInput(
  persons: readonly FtmPerson[],
  options: Pick<ImportPersonsOptions, 'reference' | 'referencePrefix'> = {},
): void {
  const { reference, referencePrefix } = options;
  if (referencePrefix !== undefined && !CASE_REFERENCE_PATTERN.test(`${referencePrefix}0123456789`)) {
    throw new ImportInputError(
      'the reference prefix must start with a letter or digit, be at most 70 characters, and hold only letters, digits, spaces and . _ / # : -',
    );
  }
  const seen = new Set<string>();
  const duplicates: number[] = [];
  const badReferences: number[] = [];
  persons.forEach((person, index) => {
    if (typeof person.id !== 'string' || person.id.length === 0) {
      throw new ImportInputError(`record ${index + 1} has no id`);
    }
    if (seen.has(person.id)) duplicates.push(index + 1);
    seen.add(person.id);
    const own = reference?.(person)?.trim();
    if (own !== undefined && own.length > 0 && !CASE_REFERENCE_PATTERN.test(own))
      badReferences.push(index + 1);
  });
  if (duplicates.length > 0) {
    throw new ImportInputError(
      `${duplicates.length} record(s) repeat an earlier record's id (the first: record ${duplicates[0]}): ` +
        'each record needs its own id, or a re-run could not tell the records apart',
    );
  }
  if (badReferences.length > 0) {
    throw new ImportInputError(
      `${badReferences.length} case reference(s) are not valid labels (1–80 letters, digits, spaces and . _ / # : -, ` +
        `starting with a letter or digit): record ${badReferences.slice(0, 5).join(', ')}${badReferences.length > 5 ? '…' : ''}`,
    );
  }
}

function prepare(persons: readonly FtmPerson[], options: ImportPersonsOptions): PreparedRecord[] {
  validateImportInput(persons, options);
  return persons.map((person) => {
    const own = options.reference?.(person)?.trim();
    return {
      person,
      reference:
        own !== undefined && own.length > 0
          ? own
          : importReference(options.groupKey, person.id, options.referencePrefix),
      idempotencyKey: importIdempotencyKey(options.groupKey, person.id),
    };
  });
}

/**
 * Fingerprints `persons` through the hub's OPRF and registers one case per
 * person, chunk by chunk (see the module comment). Returns what was
 * registered; throws {@link ImportInputError} before contacting the hub if
 * the input is unusable, and {@link ImportInterrupted} if it stops part-way.
 */
export async function importPersons(
  persons: readonly FtmPerson[],
  options: ImportPersonsOptions,
): Promise<ImportResult> {
  const chunkSize = Math.min(
    MAX_CASES_PER_CALL,
    Math.max(1, options.chunkSize ?? DEFAULT_IMPORT_CHUNK),
  );
  const uploadConcurrency = Math.max(
    1,
    Math.min(8, options.uploadConcurrency ?? DEFAULT_UPLOAD_CONCURRENCY),
  );
  const prepared = prepare(persons, options);
  await oprfReady();

  const { groupKey, workingGroupId, epoch } = options;
  // A dropped connection (a proxy, a keep-alive socket the hub just closed)
  // is retried: registration is idempotent, and an evaluation asked twice
  // only costs budget. Answers of the hub itself (HubError) are not retried.
  const request: HubRequest = async <T>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await options.request<T>(query, variables);
      } catch (error) {
        const network = !(error instanceof HubError) || error.code === 'NETWORK';
        if (!network || attempt >= NETWORK_ATTEMPTS || options.signal?.aborted) throw error;
        await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** (attempt - 1)));
      }
    }
  };
  const extractOptions: ExtractKeysOptions =
    options.defaultPhoneCountry !== undefined
      ? { defaultPhoneCountry: options.defaultPhoneCountry }
      : {};
  // OPRF input string → fingerprint, across chunks: a key shared by many
  // records (a common name pair) is evaluated once per import.
  const cache = new Map<string, string>();
  let budget: { used: number; allowed: number } | null = null;
  const timings = { clientMs: 0, oprfMs: 0, registerMs: 0 };
  const now = (): number => globalThis.performance.now();
  const evaluator = hubEvaluator(request, workingGroupId, epoch, (used, allowed) => {
    budget = { used, allowed };
  });
  const records: ImportedRecord[] = [];
  const withoutFingerprints: string[] = [];
  let fingerprinted = 0;
  let evaluations = 0;
  let created = 0;
  let existing = 0;
  const progress = (): ImportProgress => ({
    total: prepared.length,
    fingerprinted,
    registered: records.length + withoutFingerprints.length,
    created,
    existing,
    evaluations,
    budget,
  });
  const report = (): void => options.onProgress?.(progress());

  async function fingerprintChunk(
    chunk: readonly PreparedRecord[],
    beforeEvaluate: (count: number) => Promise<void>,
  ): Promise<Fingerprint[][]> {
    let started = now();
    const keysPerRecord: FingerprintKey[][] = chunk.map((r) =>
      extractKeys(r.person, extractOptions),
    );
    const pending = new Map<string, FingerprintKey>();
    for (const keys of keysPerRecord) {
      for (const k of keys) {
        const s = keyInputString(k.kind, k.value);
        if (!cache.has(s)) pending.set(s, k);
      }
    }
    if (pending.size > 0) {
      const inputs = [...pending.keys()].map((s) => utf8ToBytes(s));
      const blinded = inputs.map((input) => blind(input));
      timings.clientMs += now() - started;
      await beforeEvaluate(blinded.length);
      const asked = now();
      const evaluated = await evaluator(blinded.map((b) => b.blindedElement));
      started = now();
      timings.oprfMs += started - asked;
      if (evaluated.length !== blinded.length) {
        throw new HubError(
          'INTERNAL',
          `The hub returned ${evaluated.length} evaluations for ${blinded.length}`,
        );
      }
      evaluations += blinded.length;
      const outputs = finalizeBatch(
        inputs,
        blinded.map((b) => b.blind),
        evaluated,
      );
      [...pending.keys()].forEach((s, i) =>
        cache.set(s, fingerprint(groupKey, outputs[i] as Uint8Array)),
      );
    }
    const result = keysPerRecord.map((keys) => {
      const seen = new Set<string>();
      const fps: Fingerprint[] = [];
      for (const k of keys) {
        const fp = cache.get(keyInputString(k.kind, k.value)) as string;
        const id = `${k.kind} ${fp}`;
        if (seen.has(id)) continue;
        seen.add(id);
        fps.push({ kind: k.kind, fp });
      }
      // the order fingerprintPersons gives: by kind, then value
      return fps.sort((a, b) =>
        a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.fp < b.fp ? -1 : a.fp > b.fp ? 1 : 0,
      );
    });
    timings.clientMs += now() - started;
    return result;
  }

  async function registerChunk(
    chunk: readonly PreparedRecord[],
    fps: readonly Fingerprint[][],
  ): Promise<void> {
    const uploads: Array<CaseUpload & { recordId: string }> = [];
    chunk.forEach((r, i) => {
      const list = fps[i] ?? [];
      if (list.length === 0) {
        withoutFingerprints.push(r.person.id);
        return;
      }
      uploads.push({
        recordId: r.person.id,
        idempotencyKey: r.idempotencyKey,
        reference: r.reference,
        status: options.fields.status,
        situationTags: [...options.fields.situationTags],
        crimeTags: [...options.fields.crimeTags],
        fingerprints: list,
      });
    });
    if (uploads.length === 0) return;
    const asked = now();
    const parts = Math.min(uploadConcurrency, uploads.length);
    const size = Math.ceil(uploads.length / parts);
    const done = (
      await Promise.all(
        Array.from({ length: parts }, (_, i) =>
          registerCases(request, workingGroupId, epoch, uploads.slice(i * size, (i + 1) * size)),
        ),
      )
    ).flat();
    timings.registerMs += now() - asked;
    const byKey = new Map(done.map((d) => [d.idempotencyKey, d]));
    for (const u of uploads) {
      const d = byKey.get(u.idempotencyKey);
      if (!d) throw new HubError('INTERNAL', 'The hub did not confirm every case of the chunk');
      records.push({
        recordId: u.recordId,
        reference: u.reference,
        caseId: d.caseId,
        created: d.created,
        fingerprints: u.fingerprints.length,
      });
      if (d.created) created++;
      else existing++;
    }
  }

  const chunks: PreparedRecord[][] = [];
  for (let i = 0; i < prepared.length; i += chunkSize)
    chunks.push(prepared.slice(i, i + chunkSize));

  report();
  let registering: Promise<void> | null = null;
  const settle = async (): Promise<void> => {
    if (registering) {
      const pending = registering;
      registering = null;
      await pending;
    }
  };
  // Ahead of a registration still in flight, ask only for what the budget
  // last reported surely allows; else let the registration land first.
  const beforeEvaluate = async (count: number): Promise<void> => {
    const last = budget as { used: number; allowed: number } | null;
    if (registering && (last === null || last.used + count > last.allowed)) await settle();
  };
  try {
    for (const chunk of chunks) {
      if (options.signal?.aborted) throw options.signal.reason ?? new Error('aborted');
      let fps: Fingerprint[][];
      try {
        fps = await fingerprintChunk(chunk, beforeEvaluate);
      } catch (error) {
        // Refused for the budget while the previous chunk was still being
        // registered: its cases raise the allowance, so wait and ask again.
        if (!(error instanceof HubError && error.code === 'RATE_LIMITED' && registering))
          throw error;
        await settle();
        fps = await fingerprintChunk(chunk, beforeEvaluate);
      }
      fingerprinted += chunk.length;
      report();
      await settle();
      const next: Promise<void> = registerChunk(chunk, fps).then(report);
      // Observed at the next settle(); never an unhandled rejection meanwhile.
      next.catch(() => undefined);
      registering = next;
    }
    await settle();
  } catch (error) {
    // A registration still in flight either lands (its cases are counted
    // on the re-run) or not; wait so the counts reported are final.
    await settle().catch(() => undefined);
    throw new ImportInterrupted(error, progress(), records);
  }
  return { ...progress(), timings, records, withoutFingerprints };
}
