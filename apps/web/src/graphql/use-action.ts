import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { AnyVariables, CombinedError, OperationResult } from '@urql/core';
import { useCallback, useRef, useState } from 'react';
import { useClient } from 'urql';
import { useStepUp } from '../features/auth/hooks/step-up';

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

/**
 * A mutation as the user triggers it. Mutations are never retried behind the
 * user's back (they are not idempotent: a second "create invitation" makes a
 * second link); a failure stays on screen with "Try again". A second click
 * while one is under way does nothing.
 */
export function useAction<Data, Variables extends AnyVariables>(
  document: TypedDocumentNode<Data, Variables>,
): Action<Data, Variables> {
  const client = useClient();
  const withStepUp = useStepUp();
  const [state, setState] = useState<ActionState<Data>>({
    fetching: false,
    error: undefined,
    data: undefined,
  });
  const last = useRef<Variables | null>(null);
  const inFlight = useRef<Promise<OperationResult<Data, Variables>> | null>(null);

  const run = useCallback(
    (variables: Variables) => {
      if (inFlight.current) return inFlight.current;
      last.current = variables;
      setState((previous) => ({ ...previous, fetching: true, error: undefined }));
      const promise = withStepUp(() => client.mutation(document, variables).toPromise()).then(
        (result) => {
          inFlight.current = null;
          setState({ fetching: false, error: result.error, data: result.data });
          return result;
        },
      );
      inFlight.current = promise;
      return promise;
    },
    [client, document, withStepUp],
  );

  const retry = useCallback(() => {
    if (last.current) void run(last.current);
  }, [run]);

  const reset = useCallback(
    () => setState({ fetching: false, error: undefined, data: undefined }),
    [],
  );

  return { ...state, run, retry, reset };
}
