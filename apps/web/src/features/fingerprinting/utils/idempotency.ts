import { randomBytes } from '@noble/hashes/utils.js';
import { toBase64Url } from '@parallax/fingerprint';

// The keyed idempotency key and reference of an imported record are the
// hub-client library's, so the web import and the CLI import can resume
// each other.
export {
  DEFAULT_REFERENCE_PREFIX,
  IMPORT_IDEMPOTENCY_KEY_LENGTH as IDEMPOTENCY_KEY_LENGTH,
  importIdempotencyKey,
  importReference,
} from '@parallax/hub-client';

/** A fresh idempotency key for one case entered by hand (kept while its upload is retried). */
export function randomIdempotencyKey(): string {
  return toBase64Url(randomBytes(24));
}
