/**
 * RFC 9497 OPRF, mode 0x00 (base), suite ristretto255-SHA512.
 *
 * Group operations use libsodium's ristretto255 (WebAssembly, the same code
 * in browsers, Web Workers and Node); hash-to-group is RFC 9380
 * `hash_to_ristretto255` (expand_message_xmd with SHA-512 from
 * @noble/curves, then libsodium's `crypto_core_ristretto255_from_hash`, the
 * RFC 9496 one-way map). Interoperability with @noble/curves' complete RFC
 * 9497 implementation and the RFC's test vectors is proved in `oprf.spec.ts`.
 *
 * libsodium loads asynchronously: `await oprfReady()` once before calling the
 * synchronous functions (`blind`, `finalize`, `evaluateSync`…); the async
 * ones (`evaluate`, `fingerprintPersons`) do it themselves.
 */
import { expand_message_xmd } from '@noble/curves/abstract/hash-to-curve.js';
import { ristretto255_oprf } from '@noble/curves/ed25519.js';
import { sha512 } from '@noble/hashes/sha2.js';
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import sodium from 'libsodium-wrappers-sumo';

/** Serialized ristretto255 elements and scalars are 32 bytes. */
export const OPRF_ELEMENT_BYTES = 32;
export const OPRF_SCALAR_BYTES = 32;
/** The OPRF output is a SHA-512 digest. */
export const OPRF_OUTPUT_BYTES = 64;

/** RFC 9497 §3.1: "OPRFV1-" || I2OSP(mode, 1) || "-" || identifier. */
const CONTEXT = concatBytes(
  utf8ToBytes('OPRFV1-'),
  Uint8Array.of(0x00),
  utf8ToBytes('-ristretto255-SHA512'),
);
const HASH_TO_GROUP_DST = concatBytes(utf8ToBytes('HashToGroup-'), CONTEXT);
const FINALIZE_LABEL = utf8ToBytes('Finalize');

let loaded = false;
let loading: Promise<void> | null = null;

/** Loads libsodium (once). Must resolve before the synchronous OPRF functions are used. */
export function oprfReady(): Promise<void> {
  loading ??= sodium.ready.then(() => {
    loaded = true;
  });
  return loading;
}

function lib(): typeof sodium {
  if (!loaded) throw new Error('OPRF not initialised: await oprfReady() first');
  return sodium;
}

function i2osp2(n: number): Uint8Array {
  return Uint8Array.of((n >>> 8) & 0xff, n & 0xff);
}

/** RFC 9497 HashToGroup for ristretto255-SHA512 (RFC 9380 hash_to_ristretto255). */
export function hashToGroup(input: Uint8Array): Uint8Array {
  const uniform = expand_message_xmd(input, HASH_TO_GROUP_DST, 64, sha512);
  return lib().crypto_core_ristretto255_from_hash(uniform);
}

const isZero = (b: Uint8Array): boolean => b.every((x) => x === 0);

/**
 * A random non-zero scalar: 64 uniform bytes reduced modulo the group order
 * (`scalar_reduce` takes exactly such a wide string; the result is within
 * 2^-250 of uniform). libsodium's `scalar_random` samples by rejection
 * through its own randombytes, which here costs as much as a scalar
 * multiplication; the platform's CSPRNG (Web Crypto, in browsers, workers
 * and Node) does not.
 */
export function randomScalar(): Uint8Array {
  const s = lib();
  const wide = new Uint8Array(64);
  for (;;) {
    globalThis.crypto.getRandomValues(wide);
    const scalar = s.crypto_core_ristretto255_scalar_reduce(wide);
    wide.fill(0);
    if (!isZero(scalar)) return scalar;
  }
}

/** The client's secret blind and the element sent to the evaluator. */
export interface BlindResult {
  readonly blind: Uint8Array;
  readonly blindedElement: Uint8Array;
}

/**
 * Client step 1 (RFC 9497 §3.3.1 Blind): hashes the input to the group and
 * multiplies it by a fresh random scalar. `blindScalar` is for test vectors only.
 */
export function blind(input: Uint8Array, blindScalar?: Uint8Array): BlindResult {
  const s = lib();
  const r = blindScalar ?? randomScalar();
  if (r.length !== OPRF_SCALAR_BYTES || isZero(r)) throw new Error('invalid blind scalar');
  const element = hashToGroup(input);
  if (isZero(element)) throw new Error('input hashes to the identity element');
  return { blind: r, blindedElement: s.crypto_scalarmult_ristretto255(r, element) };
}

function evaluateOne(
  s: typeof sodium,
  secretKey: Uint8Array,
  element: Uint8Array,
  index: number,
): Uint8Array {
  if (
    element.length !== OPRF_ELEMENT_BYTES ||
    isZero(element) ||
    !s.crypto_core_ristretto255_is_valid_point(element)
  ) {
    throw new Error(`invalid blinded element at index ${index}`);
  }
  try {
    return s.crypto_scalarmult_ristretto255(secretKey, element);
  } catch {
    throw new Error(`invalid blinded element at index ${index}`);
  }
}

function checkSecretKey(secretKey: Uint8Array): void {
  if (secretKey.length !== OPRF_SCALAR_BYTES || isZero(secretKey))
    throw new Error('invalid OPRF secret key');
}

/**
 * Evaluator (hub) step (RFC 9497 §3.3.1 BlindEvaluate), synchronous, for a
 * batch. Rejects malformed or identity elements with an error naming the index.
 */
export function evaluateSync(
  secretKey: Uint8Array,
  blindedElements: readonly Uint8Array[],
): Uint8Array[] {
  const s = lib();
  checkSecretKey(secretKey);
  return blindedElements.map((e, i) => evaluateOne(s, secretKey, e, i));
}

/** {@link evaluateSync} after loading libsodium: what the hub calls for a batch of blinded elements. */
export async function evaluate(
  secretKey: Uint8Array,
  blindedElements: readonly Uint8Array[],
): Promise<Uint8Array[]> {
  await oprfReady();
  return evaluateSync(secretKey, blindedElements);
}

function finalizeWithInverse(
  input: Uint8Array,
  inverse: Uint8Array,
  evaluatedElement: Uint8Array,
): Uint8Array {
  const s = lib();
  if (evaluatedElement.length !== OPRF_ELEMENT_BYTES || isZero(evaluatedElement)) {
    throw new Error('invalid evaluated element');
  }
  let unblinded: Uint8Array;
  try {
    unblinded = s.crypto_scalarmult_ristretto255(inverse, evaluatedElement);
  } catch {
    throw new Error('invalid evaluated element');
  }
  return sha512(
    concatBytes(i2osp2(input.length), input, i2osp2(unblinded.length), unblinded, FINALIZE_LABEL),
  );
}

/**
 * Client step 2 (RFC 9497 §3.3.1 Finalize): removes the blind and hashes
 * input and unblinded element into the 64-byte OPRF output.
 */
export function finalize(
  input: Uint8Array,
  blindScalar: Uint8Array,
  evaluatedElement: Uint8Array,
): Uint8Array {
  return finalizeWithInverse(
    input,
    lib().crypto_core_ristretto255_scalar_invert(blindScalar),
    evaluatedElement,
  );
}

/**
 * {@link finalize} for a batch, with one scalar inversion for the whole batch
 * (Montgomery's trick). Same results as finalising one by one.
 */
export function finalizeBatch(
  inputs: readonly Uint8Array[],
  blinds: readonly Uint8Array[],
  evaluatedElements: readonly Uint8Array[],
): Uint8Array[] {
  const s = lib();
  const n = inputs.length;
  if (blinds.length !== n || evaluatedElements.length !== n)
    throw new Error('finalizeBatch: length mismatch');
  if (n === 0) return [];
  const prefix: Uint8Array[] = new Array<Uint8Array>(n);
  let acc = blinds[0] as Uint8Array;
  prefix[0] = acc;
  for (let i = 1; i < n; i++) {
    acc = s.crypto_core_ristretto255_scalar_mul(acc, blinds[i] as Uint8Array);
    prefix[i] = acc;
  }
  let inv = s.crypto_core_ristretto255_scalar_invert(acc);
  const out: Uint8Array[] = new Array<Uint8Array>(n);
  for (let i = n - 1; i >= 0; i--) {
    const inverse =
      i === 0 ? inv : s.crypto_core_ristretto255_scalar_mul(inv, prefix[i - 1] as Uint8Array);
    if (i > 0) inv = s.crypto_core_ristretto255_scalar_mul(inv, blinds[i] as Uint8Array);
    out[i] = finalizeWithInverse(
      inputs[i] as Uint8Array,
      inverse,
      evaluatedElements[i] as Uint8Array,
    );
  }
  return out;
}

/** A new random OPRF secret key (a non-zero ristretto255 scalar, 32 bytes little-endian). */
export function generateOprfKey(): Uint8Array {
  return ristretto255_oprf.oprf.generateKeyPair().secretKey;
}

/** RFC 9497 DeriveKeyPair's secret key, from a 32-byte seed and key info (deterministic; for tests and key rotation schemes). */
export function deriveOprfKey(seed: Uint8Array, info: Uint8Array): Uint8Array {
  return ristretto255_oprf.oprf.deriveKeyPair(seed, info).secretKey;
}

/**
 * An evaluator: sends blinded elements to whoever holds the OPRF key and
 * returns the evaluated elements in the same order. Offline it is
 * {@link createLocalEvaluator}; online it is a call to the hub.
 */
export type OprfEvaluator = (blindedElements: Uint8Array[]) => Promise<Uint8Array[]>;

/** An evaluator holding the OPRF key locally (offline use, the CLI's `link`, tests). */
export function createLocalEvaluator(secretKey: Uint8Array): OprfEvaluator {
  checkSecretKey(secretKey);
  const key = Uint8Array.from(secretKey);
  return (blindedElements) => evaluate(key, blindedElements);
}
