/**
 * Worker thread (piscina) for the hub's OPRF evaluations: scalar
 * multiplications of a large batch would otherwise hold the event loop for
 * seconds. Elements arrive packed in one buffer (n × 32 bytes) and leave the
 * same way; cloning thousands of small arrays would cost more than the work.
 */
import { threadId } from 'node:worker_threads';
import { evaluateSync, OPRF_ELEMENT_BYTES, oprfReady } from '@parallax/fingerprint';
import sodium from 'libsodium-wrappers-sumo';

export interface OprfTask {
  key: Uint8Array;
  packed: Uint8Array;
}

export type OprfTaskResult =
  | { ok: true; packed: Uint8Array; threadId: number }
  | { ok: false; invalidIndex: number; threadId: number };

const isZero = (b: Uint8Array): boolean => b.every((x) => x === 0);

function unpack(packed: Uint8Array): Uint8Array[] {
  const n = packed.length / OPRF_ELEMENT_BYTES;
  return Array.from({ length: n }, (_, i) =>
    packed.subarray(i * OPRF_ELEMENT_BYTES, (i + 1) * OPRF_ELEMENT_BYTES),
  );
}

/**
 * Checks every element (a valid, non-identity ristretto255 encoding) before
 * evaluating any: a batch with one bad element is refused whole, having
 * cost a cheap decode per element and no scalar multiplication.
 */
export default async function evaluateBatch(task: OprfTask): Promise<OprfTaskResult> {
  await Promise.all([oprfReady(), sodium.ready]);
  const elements = unpack(task.packed);
  const invalidIndex = elements.findIndex(
    (e) =>
      e.length !== OPRF_ELEMENT_BYTES || isZero(e) || !sodium.crypto_core_ristretto255_is_valid_point(e),
  );
  if (invalidIndex >= 0) return { ok: false, invalidIndex, threadId };
  const evaluated = evaluateSync(task.key, elements);
  const out = new Uint8Array(evaluated.length * OPRF_ELEMENT_BYTES);
  evaluated.forEach((e, i) => out.set(e, i * OPRF_ELEMENT_BYTES));
  return { ok: true, packed: out, threadId };
}
