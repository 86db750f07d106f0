import type { IdempotencyState } from './idempotency-scope.js';

/**
 * Keyed mutation requests by their GraphQL context object (the same object
 * for the Apollo plugin and for Nest's resolvers), so nothing is added to
 * the shared context type and the entry goes with the request.
 */
export const keyedRequests = new WeakMap<object, IdempotencyState>();
