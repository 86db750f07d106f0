/**
 * What the hub learns of an imported record: an idempotency key and a
 * reference, both derived from the record id under the group key (HMAC), so
 * the hub never sees record ids, which may be sensitive (some databases use
 * names as ids). Re-running the same file under the same key epoch — from
 * the web or the CLI — registers nothing twice.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { toBase64Url } from '@parallax/fingerprint';

/** Length of the derived idempotency key (base64url characters, 192 bits). */
export const IMPORT_IDEMPOTENCY_KEY_LENGTH = 32;
/** Default prefix of the derived case reference. */
export const DEFAULT_REFERENCE_PREFIX = 'IMP-';

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
