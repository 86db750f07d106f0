/**
 * Idempotent mutations: a client sends one random UUID v4 per user action in
 * this header, the same on every retry; the API applies the action once and
 * answers a retry with the first answer (per user, for IDEMPOTENCY_TTL_HOURS).
 */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/**
 * Mutations that ignore the key. Clients do not retry them on their own
 * either: each is unsafe or pointless to send twice, or has its own path.
 */
export const NOT_IDEMPOTENT_MUTATIONS = [
  // No user yet to scope a key to, and the answer sets a fresh session cookie.
  'login',
  'completeSignUp',
  // No user yet; answers with a fresh authenticator secret, which must not be kept.
  'startSignUp',
  // Anonymous, and always answers true.
  'requestPasswordReset',
  // Ends the session itself; a second logout is harmless.
  'logout',
  // Raises this session's assurance, not the user's: a replay to another
  // session would claim a step-up it does not have.
  'stepUp',
  // Answer with a single-use secret link, which the hub otherwise keeps only as a hash.
  'createInvitation',
  'createPasswordReset',
  // Idempotent per case already (each case commits on its own under its
  // record id): the import's own retry finishes what a lost attempt left undone.
  'registerCases',
  // Changes nothing but a usage counter, and its answer (up to OPRF_MAX_BATCH
  // elements) is too large to keep; the import's own retry evaluates again.
  'evaluateOprf',
] as const;

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** The key in canonical (lower-case) form, or null when it is no UUID v4. */
export function parseIdempotencyKey(value: string): string | null {
  const key = value.trim();
  return UUID_V4.test(key) ? key.toLowerCase() : null;
}
