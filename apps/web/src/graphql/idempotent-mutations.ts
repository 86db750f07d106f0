import { IDEMPOTENCY_HEADER, NOT_IDEMPOTENT_MUTATIONS } from '@parallax/domain';
import {
  makeOperation,
  mapExchange,
  type Client,
  type Exchange,
  type Operation,
  type OperationResult,
} from '@urql/core';
import type { MessageId } from '../i18n/messages';
import type { NetworkStatus } from './network-status';

/** A fresh key for one user action (crypto.randomUUID exists only on secure origins). */
export function newIdempotencyKey(): string {
  if (typeof globalThis.crypto.randomUUID === 'function') return globalThis.crypto.randomUUID();
  const b = globalThis.crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** What a mutation's operation context may carry (set by useAction). */
export interface ActionContext {
  idempotencyKey?: string;
  /** Message id naming the action in the list of pending changes. */
  actionLabel?: MessageId;
}

const NOT_RETRIED = new Set<string>(NOT_IDEMPOTENT_MUTATIONS);

/** The part of a document's AST read here (no graphql-js in the web bundle). */
interface Node {
  kind: string;
  name?: { value: string };
  selectionSet?: { selections: readonly Node[] };
}

function rootFields(document: Operation['query']): string[] {
  const names: string[] = [];
  const walk = (node: Node) => {
    for (const s of node.selectionSet?.selections ?? []) {
      if (s.kind === 'Field' && s.name) names.push(s.name.value);
      else if (s.kind === 'InlineFragment') walk(s);
    }
  };
  for (const d of document.definitions as readonly Node[])
    if (d.kind === 'OperationDefinition') walk(d);
  return names;
}

const retryable = (op: Operation) => !rootFields(op.query).some((name) => NOT_RETRIED.has(name));

/** Worth another attempt: the request or its answer was lost, or the first attempt is still running. */
const transient = (result: OperationResult) =>
  Boolean(result.error?.networkError) ||
  Boolean(
    result.error?.graphQLErrors.some((e) => e.extensions['code'] === 'IDEMPOTENCY_IN_PROGRESS'),
  );

export interface IdempotentMutationOptions {
  networkStatus: NetworkStatus;
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** Attempts while online before the error is shown where the action started (with "Try again"). */
  maxAttempts?: number;
}

function withKey(op: Operation, key: string): Operation {
  const base =
    typeof op.context.fetchOptions === 'function'
      ? op.context.fetchOptions()
      : (op.context.fetchOptions ?? {});
  return makeOperation(op.kind, op, {
    ...op.context,
    idempotencyKey: key,
    fetchOptions: {
      ...base,
      headers: { ...(base.headers as Record<string, string>), [IDEMPOTENCY_HEADER]: key },
    },
  });
}

/**
 * Every mutation carries an Idempotency-Key (the action's, or a new one), so
 * the API applies it at most once. When the request or its answer is lost,
 * the same operation — same key — is sent again with jittered exponential
 * back-off, at once when the connection returns or the user presses "Try
 * again", and not at all while offline; meanwhile the action is listed as
 * pending and its caller keeps waiting (the lost attempt's result is
 * swallowed; the retry's answers the caller). Mutations the API does not
 * make idempotent (sign-in, secret links…) are never resent.
 */
export function idempotentMutationExchange({
  networkStatus,
  initialDelayMs = 1_000,
  maxDelayMs = 30_000,
  maxAttempts = 20,
}: IdempotentMutationOptions): Exchange {
  const pending = networkStatus.pending;

  const schedule = (client: Client, op: Operation, attempt: number) => {
    const again = makeOperation(op.kind, op, { ...op.context, idempotencyAttempt: attempt });
    let sent = false;
    const send = () => {
      if (sent) return;
      sent = true;
      clearTimeout(timer);
      stopListening();
      client.reexecuteOperation(again);
    };
    // Connection back (the online event) or "Try again": now.
    const stopListening = networkStatus.onRetry(send);
    const delay =
      Math.min(maxDelayMs, initialDelayMs * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2);
    const timer = setTimeout(() => {
      if (networkStatus.getSnapshot().online) send();
    }, delay);
  };

  return (input) =>
    mapExchange({
      onOperation(op) {
        if (op.kind !== 'mutation') return op;
        return withKey(op, (op.context as ActionContext).idempotencyKey ?? newIdempotencyKey());
      },
      onResult(result) {
        const op = result.operation;
        const key = (op.context as ActionContext).idempotencyKey;
        if (op.kind !== 'mutation' || !key || !retryable(op)) return result;
        const attempt = ((op.context['idempotencyAttempt'] as number | undefined) ?? 0) + 1;
        if (transient(result) && attempt < maxAttempts) {
          pending.add(key, (op.context as ActionContext).actionLabel);
          schedule(input.client, op, attempt);
          return new Promise<OperationResult>(() => undefined);
        }
        pending.remove(key);
        return result;
      },
    })(input);
}
