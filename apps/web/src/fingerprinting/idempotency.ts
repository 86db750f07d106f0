import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { randomBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { toBase64Url } from '@parallax/fingerprint';

/** Length of an idempotency key (base64url characters: 192 bits). */
export const IDEMPOTENCY_KEY_LENGTH = 32;
/** Default prefix of an imported case's reference. */
export const DEFAULT_REFERENCE_PREFIX = 'IMP-';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const mac = (groupKey: Uint8Array, label: string): Uint8Array =>
  hmac(sha256, groupKey, utf8ToBytes(label));

/**
 * The idempotency key of an imported record:
 * base64url(HMAC-SHA256(K_group, "parallax/v1/idempotency/" + record id)),
 * first 32 characters. The same file imported again under the same key
 * epoch registers each case once; the hub cannot tell the record id from it.
 * (The same derivation as the CLI's import, so either may resume the other.)
 */
export function importIdempotencyKey(groupKey: Uint8Array, recordId: string): string {
  return toBase64Url(mac(groupKey, `parallax/v1/idempotency/${recordId}`)).slice(
    0,
    IDEMPOTENCY_KEY_LENGTH,
  );
}

/**
 * The reference of an imported record: `prefix` + 10 Crockford base32
 * characters of HMAC-SHA256(K_group, "parallax/v1/reference/" + record id).
 * Keyed, so it does not reveal the record id; the import's receipt maps it
 * back to your own records.
 */
export function importReference(
  groupKey: Uint8Array,
  recordId: string,
  prefix = DEFAULT_REFERENCE_PREFIX,
): string {
  const bytes = mac(groupKey, `parallax/v1/reference/${recordId}`);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
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

/** A fresh idempotency key for one case entered by hand (kept while its upload is retried). */
export function randomIdempotencyKey(): string {
  return toBase64Url(randomBytes(24));
}
