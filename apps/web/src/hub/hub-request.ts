import { errorCategoryOf, isErrorCode, type ErrorCategory } from '@parallax/domain';
import { HubError, type HubRequest } from '@parallax/hub-client';
import type { Client, CombinedError, OperationResult } from '@urql/core';
import { useMemo } from 'react';
import { useClient } from 'urql';
import { useStepUp, type WithStepUp } from '../features/auth/hooks/step-up';
import { errorCode } from '../graphql/errors';
import type { MessageId } from '../i18n/messages';

/** The code a HubError carries when the request never got an answer. */
export const NETWORK = 'NETWORK';

function toHubError(error: CombinedError): HubError {
  if (error.networkError) return new HubError(NETWORK, error.message);
  return new HubError(errorCode(error) ?? 'INTERNAL', error.message);
}

/**
 * The `HubRequest` of @parallax/hub-client over the app's urql client, so the
 * shared protocol code (group keys, OPRF, case upload) goes through the same
 * transport as everything else: same origin, CSRF header, timeout, connection
 * banner. Queries are always asked of the network; mutations are sent once
 * (never retried behind the user's back) and, when the hub wants a fresh
 * second factor, go through the step-up prompt and are sent again.
 */
export function urqlHubRequest(client: Client, withStepUp?: WithStepUp): HubRequest {
  return async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const isMutation = /^\s*mutation\b/u.test(query);
    const run = (): Promise<OperationResult> =>
      isMutation
        ? client.mutation(query, variables).toPromise()
        : client.query(query, variables, { requestPolicy: 'network-only' }).toPromise();
    const result = isMutation && withStepUp ? await withStepUp(run) : await run();
    if (result.error) throw toHubError(result.error);
    if (result.data === undefined || result.data === null) {
      throw new HubError('INTERNAL', 'Empty answer from the hub');
    }
    return result.data as T;
  };
}

/** The hub request of the current app, step-up aware. */
export function useHubRequest(): HubRequest {
  const client = useClient();
  const withStepUp = useStepUp();
  return useMemo(() => urqlHubRequest(client, withStepUp), [client, withStepUp]);
}

/** The stable code of whatever a hub call threw. */
export function hubErrorCode(error: unknown): string {
  if (error instanceof HubError) return error.code;
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return 'INTERNAL';
}

/** The generic category of whatever a hub call threw (e.g. RATE_LIMITED for BUDGET_EXHAUSTED); null when unknown. */
export function hubErrorCategory(error: unknown): ErrorCategory | null {
  const code = hubErrorCode(error);
  return isErrorCode(code) ? errorCategoryOf(code) : null;
}

/** The translated message for a failed hub call. */
export function hubErrorMessageId(error: unknown): MessageId {
  const code = hubErrorCode(error);
  if (code === NETWORK) return 'error.actionNetwork';
  return isErrorCode(code) ? `error.code.${code}` : 'error.code.INTERNAL';
}

/** Worth a "Try again": the network, or a passing server problem. */
export function isRetryableHubError(error: unknown): boolean {
  const code = hubErrorCode(error);
  return code === NETWORK || code === 'INTERNAL' || code === 'SERVICE_UNAVAILABLE';
}
