/**
 * Fingerprints: fp(x) = HMAC-SHA256(K_group, OPRF(k_hub, "parallax/v1/" || kind || "/" || x)),
 * encoded base64url without padding (43 characters).
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { randomBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { extractKeys } from './keys.js';
import { blind, finalizeBatch, oprfReady, OPRF_OUTPUT_BYTES, type OprfEvaluator } from './oprf.js';
import { keyInputString } from './schema.js';
import type {
  ExtractKeysOptions,
  Fingerprint,
  FingerprintKey,
  FtmPerson,
  RecordFingerprints,
} from './types.js';

/** Group keys are 32 random bytes. */
export const GROUP_KEY_BYTES = 32;

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** base64url without padding (RFC 4648 §5). */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n =
      ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    out +=
      B64URL.charAt((n >>> 18) & 63) +
      B64URL.charAt((n >>> 12) & 63) +
      B64URL.charAt((n >>> 6) & 63) +
      B64URL.charAt(n & 63);
  }
  const rest = bytes.length - i;
  if (rest > 0) {
    const n = ((bytes[i] as number) << 16) | (rest === 2 ? (bytes[i + 1] as number) << 8 : 0);
    out += B64URL.charAt((n >>> 18) & 63) + B64URL.charAt((n >>> 12) & 63);
    if (rest === 2) out += B64URL.charAt((n >>> 6) & 63);
  }
  return out;
}

/** A new random group key (32 bytes from the platform CSPRNG). */
export function generateGroupKey(): Uint8Array {
  return randomBytes(GROUP_KEY_BYTES);
}

/** The OPRF input bytes of a key: UTF-8 of `parallax/v1/<kind>/<value>`. */
export function keyInput(key: FingerprintKey): Uint8Array {
  return utf8ToBytes(keyInputString(key.kind, key.value));
}

/**
 * The fingerprint of one OPRF output under the group key:
 * base64url(HMAC-SHA256(groupKey, oprfOutput)), 43 characters, no padding.
 */
export function fingerprint(groupKey: Uint8Array, oprfOutput: Uint8Array): string {
  if (groupKey.length !== GROUP_KEY_BYTES)
    throw new Error(`group key must be ${GROUP_KEY_BYTES} bytes`);
  if (oprfOutput.length !== OPRF_OUTPUT_BYTES)
    throw new Error(`OPRF output must be ${OPRF_OUTPUT_BYTES} bytes`);
  return toBase64Url(hmac(sha256, groupKey, oprfOutput));
}

/** Progress of {@link fingerprintPersons}: records fully fingerprinted so far. */
export interface FingerprintProgress {
  readonly done: number;
  readonly total: number;
}

export interface FingerprintPersonsOptions extends ExtractKeysOptions {
  /** The working group's 32-byte key. */
  readonly groupKey: Uint8Array;
  /** Evaluates blinded elements: the local evaluator offline, the hub online. */
  readonly evaluator: OprfEvaluator;
  /** Keys per evaluator call (default 4096). */
  readonly batchSize?: number;
  readonly onProgress?: (progress: FingerprintProgress) => void;
}

/**
 * Fingerprints persons end to end: extract keys, blind, evaluate (batched,
 * through `evaluator`), finalise, HMAC under the group key. Equal keys
 * within the run are evaluated once. Returns one entry per person, in input
 * order, with fingerprints deduplicated and sorted by kind, then value.
 */
export async function fingerprintPersons(
  persons: readonly FtmPerson[],
  options: FingerprintPersonsOptions,
): Promise<RecordFingerprints[]> {
  const { groupKey, evaluator, onProgress } = options;
  if (groupKey.length !== GROUP_KEY_BYTES)
    throw new Error(`group key must be ${GROUP_KEY_BYTES} bytes`);
  const batchSize = Math.max(1, options.batchSize ?? 4096);
  await oprfReady();

  const cache = new Map<string, string>(); // OPRF input string → fingerprint
  const results: RecordFingerprints[] = [];
  let start = 0;
  onProgress?.({ done: 0, total: persons.length });
  while (start < persons.length) {
    // take records until the batch holds batchSize new keys (at least one record)
    const chunkKeys: FingerprintKey[][] = [];
    const pending = new Map<string, FingerprintKey>();
    let end = start;
    while (end < persons.length && (end === start || pending.size < batchSize)) {
      const keys = extractKeys(persons[end] as FtmPerson, options);
      chunkKeys.push(keys);
      for (const k of keys) {
        const s = keyInputString(k.kind, k.value);
        if (!cache.has(s) && !pending.has(s)) pending.set(s, k);
      }
      end++;
    }
    const entries = [...pending.entries()];
    for (let i = 0; i < entries.length; i += batchSize) {
      const slice = entries.slice(i, i + batchSize);
      const inputs = slice.map(([s]) => utf8ToBytes(s));
      const blinded = inputs.map((input) => blind(input));
      const evaluated = await evaluator(blinded.map((b) => b.blindedElement));
      if (evaluated.length !== blinded.length) {
        throw new Error(`evaluator returned ${evaluated.length} elements for ${blinded.length}`);
      }
      const outputs = finalizeBatch(
        inputs,
        blinded.map((b) => b.blind),
        evaluated,
      );
      slice.forEach(([s], j) => cache.set(s, fingerprint(groupKey, outputs[j] as Uint8Array)));
    }
    chunkKeys.forEach((keys, offset) => {
      const person = persons[start + offset] as FtmPerson;
      const seen = new Set<string>();
      const fps: Fingerprint[] = [];
      for (const k of keys) {
        const fp = cache.get(keyInputString(k.kind, k.value)) as string;
        if (seen.has(`${k.kind} ${fp}`)) continue;
        seen.add(`${k.kind} ${fp}`);
        fps.push({ kind: k.kind, fp });
      }
      fps.sort((a, b) =>
        a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.fp < b.fp ? -1 : a.fp > b.fp ? 1 : 0,
      );
      results.push({ id: person.id, fingerprints: fps });
    });
    start = end;
    onProgress?.({ done: start, total: persons.length });
  }
  return results;
}
