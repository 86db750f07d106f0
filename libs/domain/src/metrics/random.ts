import { chacha20 } from '@noble/ciphers/chacha.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import type { RandomSource } from './types.js';

/** Where the uniform integers come from: the next random byte (0–255). */
type NextByte = () => number;

/**
 * Hands out bytes from a buffer refilled in blocks: one refill call per
 * block instead of one per draw, which matters for the tests' hundreds of
 * thousands of draws (bytes are used once and never reused).
 */
function pooled(refill: () => Uint8Array): NextByte {
  let block: Uint8Array = new Uint8Array(0);
  let position = 0;
  return () => {
    if (position === block.length) {
      block = refill();
      position = 0;
    }
    return block[position++] as number;
  };
}

// The lib targets ES2023 without DOM types; Web Crypto is declared here
// instead of pulling the DOM lib into a platform-neutral package.
interface WebCryptoLike {
  getRandomValues(array: Uint8Array): Uint8Array;
}

/**
 * The platform CSPRNG (Web Crypto in browsers, workers and Node ≥ 19).
 * This is the source a release is computed with.
 */
export function cryptoRandomSource(): RandomSource {
  const webCrypto = (globalThis as { crypto?: WebCryptoLike }).crypto;
  if (!webCrypto || typeof webCrypto.getRandomValues !== 'function') {
    throw new Error('No Web Crypto getRandomValues on this platform: cannot draw release noise');
  }
  const nextByte = pooled(() => webCrypto.getRandomValues(new Uint8Array(256)));
  return { below: (n) => uniformBelow(n, nextByte) };
}

const KEYSTREAM_CHUNK = 4096;
const BLOCK_BYTES = 64;
/** RFC 8439 ChaCha20 has a 32-bit block counter; noble refuses to wrap it. */
const MAX_BLOCK_COUNTER = 2 ** 32 - 1;

/**
 * A deterministic source: the ChaCha20 keystream under key sha256(seed)
 * (zero nonce). FOR TESTS AND REPRODUCIBLE CHECKS ONLY — anyone who knows
 * the seed knows every noise value, so a release made with it protects
 * nothing. Same seed, same sequence, on every platform.
 */
export function seededRandomSource(seed: string): RandomSource {
  const key = sha256(utf8ToBytes(seed));
  const nonce = new Uint8Array(12);
  const zeros = new Uint8Array(KEYSTREAM_CHUNK);
  let counter = 0;
  const nextByte = pooled(() => {
    if (counter + KEYSTREAM_CHUNK / BLOCK_BYTES > MAX_BLOCK_COUNTER) {
      throw new Error('Seeded random source exhausted (256 GiB of keystream)');
    }
    const block = chacha20(key, nonce, zeros, undefined, counter);
    counter += KEYSTREAM_CHUNK / BLOCK_BYTES;
    return block;
  });
  return { below: (n) => uniformBelow(n, nextByte) };
}

/** Up to this size, candidates are assembled as JS numbers (far cheaper than bigint). */
const SMALL_LIMIT = 2n ** 32n;

/**
 * A uniform integer in [0, n) by rejection sampling: draw just enough bits
 * to cover n − 1 and retry when the candidate is ≥ n. Reducing a wider draw
 * modulo n would favour small values (modulo bias); rejection has none, and
 * with the top byte masked to the needed bits a retry happens with
 * probability < 1/2.
 */
function uniformBelow(n: bigint, nextByte: NextByte): bigint {
  if (n < 1n) throw new RangeError(`below(n) needs n ≥ 1, got ${n}`);
  return n <= SMALL_LIMIT
    ? BigInt(belowSmall(Number(n) - 1, nextByte))
    : belowLarge(n - 1n, nextByte);
}

function belowSmall(max: number, nextByte: NextByte): number {
  if (max === 0) return 0;
  const bits = 32 - Math.clz32(max);
  const byteCount = (bits + 7) >>> 3;
  const topMask = 0xff >>> (byteCount * 8 - bits);
  for (;;) {
    let x = nextByte() & topMask;
    for (let i = 1; i < byteCount; i++) x = x * 256 + nextByte();
    if (x <= max) return x;
  }
}

function belowLarge(max: bigint, nextByte: NextByte): bigint {
  const bits = max.toString(2).length;
  const byteCount = Math.ceil(bits / 8);
  const topMask = 0xff >>> (byteCount * 8 - bits);
  for (;;) {
    let x = BigInt(nextByte() & topMask);
    for (let i = 1; i < byteCount; i++) x = (x << 8n) | BigInt(nextByte());
    if (x <= max) return x;
  }
}
