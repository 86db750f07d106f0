import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { AnyVariables, CombinedError, OperationResult } from '@urql/core';
import { useCallback, useRef, useState } from 'react';
import { useClient } from 'urql';
import { useStepUp } from '../features/auth/hooks/step-up';
import type { MessageId } from '../i18n/messages';
import { newIdempotencyKey, type ActionContext } from './idempotent-mutations';
import { DEFAULT_ACTION_LABEL } from './pending-mutations';

export interface ActionState<Data> {
  fetching: boolean;
  error: CombinedError | undefined;
  data: Data | undefined;
}

export interface Action<Data, Variables extends AnyVariables> extends ActionState<Data> {
  /** Runs the mutation (asking for a fresh code if the API wants one). */
  run(variables: Variables): Promise<OperationResult<Data, Variables>>;
  /** Runs the last attempt again: what "Try again" does after a failure. */
  retry(): void;
  reset(): void;
}

export interface ActionOptions {
  /** Message id naming the action in the list of changes waiting to be sent. */
  label?: MessageId;
}

/**
 * A mutation as the user triggers it. Each run is one action with one
 * Idempotency-Key: the GraphQL client resends it with that key while the
 * connection is bad (the API applies it once), listing it as pending, and
 * this hook stays `fetching` until an answer comes. An error stays on screen
 * with "Try again": after a lost connection that sends the same action
 * again (same key: never applied twice), after a refusal a new attempt.
 * A second click while one is under way does nothing.
 */
export function useAction<Data, Variables extends AnyVariables>(
  document: TypedDocumentNode<Data, Variables>,
  { label = DEFAULT_ACTION_LABEL }: ActionOptions = {},
): Action<Data, Variables> {
  const client = useClient();
  const withStepUp = useStepUp();
  const [state, setState] = useState<ActionState<Data>>({
    fetching: false,
    error: undefined,
    data: undefined,
  });
  const last = useRef<Variables | null>(null);
  /** The key of the last action when its answer was lost (it may have been applied). */
  const unanswered = useRef<string | null>(null);
  const inFlight = useRef<Promise<OperationResult<Data, Variables>> | null>(null);

  const send = useCallback(
    (variables: Variables, idempotencyKey: string) => {
      if (inFlight.current) return inFlight.current;
      last.current = variables;
      setState((previous) => ({ ...previous, fetching: true, error: undefined }));
      const context: ActionContext = { idempotencyKey, actionLabel: label };
      const promise = withStepUp(() =>
        client.mutation(document, variables, context).toPromise(),
      ).then((result) => {
        inFlight.current = null;
        unanswered.current = result.error?.networkError ? idempotencyKey : null;
        setState({ fetching: false, error: result.error, data: result.data });
        return result;
      });
      inFlight.current = promise;
      return promise;
    },
    [client, document, withStepUp, label],
  );

  const run = useCallback((variables: Variables) => send(variables, newIdempotencyKey()), [send]);

  const retry = useCallback(() => {
    if (last.current) void send(last.current, unanswered.current ?? newIdempotencyKey());
  }, [send]);

  const reset = useCallback(
    () => setState({ fetching: false, error: undefined, data: undefined }),
    [],
  );

  return { ...state, run, retry, reset };
}
