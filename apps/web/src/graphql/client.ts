import { Client, cacheExchange, fetchExchange, mapExchange } from '@urql/core';
import { retryExchange } from '@urql/exchange-retry';
import { idempotentMutationExchange } from './idempotent-mutations';
import type { NetworkStatus } from './network-status';

export const GRAPHQL_PATH = '/graphql';

/** Sent on every request; the API rejects state-changing requests without it. */
export const CSRF_HEADER = 'x-parallax-csrf';

export interface GraphqlClientOptions {
  networkStatus: NetworkStatus;
  url?: string;
  fetch?: typeof fetch;
  /** A request that has not answered after this long counts as a network error. */
  timeoutMs?: number;
  /** First delay before a lost mutation is sent again (then doubling, jittered). */
  mutationRetryDelayMs?: number;
}

/**
 * Bounds a request's duration: on a stalled connection fetch can hang for
 * minutes, which is worse than an error that is retried and shown.
 */
export function withTimeout(fetchFn: typeof fetch, timeoutMs: number): typeof fetch {
  return (input, init) => {
    if (typeof AbortSignal.timeout !== 'function' || typeof AbortSignal.any !== 'function') {
      return fetchFn(input, init);
    }
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return fetchFn(input, { ...init, signal });
  };
}

/**
 * The GraphQL client for the same-origin API. Designed for bad connections:
 * queries show cached data at once and refresh in the background; queries
 * are retried with jittered exponential back-off on network errors; mutations
 * carry an Idempotency-Key and are resent with the same key until they get
 * an answer (the API applies each at most once), listed meanwhile as
 * pending; every network outcome feeds the shell's connection banner.
 */
export function createGraphqlClient({
  networkStatus,
  url = GRAPHQL_PATH,
  fetch: fetchFn = (input, init) => globalThis.fetch(input, init),
  timeoutMs = 30_000,
  mutationRetryDelayMs = 1_000,
}: GraphqlClientOptions): Client {
  return new Client({
    url,
    requestPolicy: 'cache-and-network',
    // POST always: no query text in URLs or logs, and a uniform CSRF check.
    preferGetMethod: false,
    fetch: withTimeout(fetchFn, timeoutMs),
    fetchOptions: {
      credentials: 'same-origin',
      headers: { [CSRF_HEADER]: '1' },
    },
    exchanges: [
      cacheExchange,
      retryExchange({
        initialDelayMs: 1_000,
        maxDelayMs: 15_000,
        randomDelay: true,
        maxNumberAttempts: 4,
        retryIf: (error, operation) => Boolean(error.networkError) && operation.kind === 'query',
      }),
      idempotentMutationExchange({ networkStatus, initialDelayMs: mutationRetryDelayMs }),
      // Below the retry exchanges: every attempt reports, so the banner shows
      // while retries are still under way.
      mapExchange({
        onResult(result) {
          if (result.error?.networkError) networkStatus.reportNetworkError();
          else networkStatus.reportSuccess();
        },
      }),
      fetchExchange,
    ],
  });
}
