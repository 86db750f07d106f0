import { createHash } from 'node:crypto';
import { IDEMPOTENCY_HEADER as HEADER, NOT_IDEMPOTENT_MUTATIONS } from '@parallax/domain';

export { parseIdempotencyKey } from '@parallax/domain';

/** The request header carrying the key (Node's headers are lower-case). */
export const IDEMPOTENCY_HEADER = HEADER.toLowerCase();
/** Set on a response that is the stored answer of an earlier attempt. */
export const REPLAYED_HEADER = 'idempotent-replayed';

/**
 * A request selecting any of these runs as if it had no key (clients may
 * send a key with every mutation); the reasons are in libs/domain.
 */
export const NOT_IDEMPOTENT: ReadonlySet<string> = new Set(NOT_IDEMPOTENT_MUTATIONS);

/** JSON with object keys sorted, so equal variables hash equally whatever their order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * What identifies "the same request": the document, the operation and the
 * variables. Only this hash is stored: variables may carry fingerprints and
 * sealed data, which the idempotency table must never hold.
 */
export function requestHash(
  queryHash: string,
  operationName: string | null,
  variables: unknown,
): Buffer {
  return createHash('sha256')
    .update(canonical([queryHash, operationName, variables ?? {}]))
    .digest();
}
