import { AsyncLocalStorage } from 'node:async_hooks';
import type { Actor } from '@parallax/authz';
import { ErrorCode } from '@parallax/domain';
import type { FormattedExecutionResult } from 'graphql';
import type { EntityManager } from 'typeorm';
import { IdempotencyException } from './idempotency.exception.js';
import { IdempotencyRepository, type StoredKey } from './idempotency.repository.js';

/** One mutation request sent with a key, from the plugin's first look to its answer. */
export interface IdempotencyState {
  readonly key: string;
  readonly requestHash: Buffer;
  readonly ttlHours: number;
  /** The actor the auth guard found (keys are per user). */
  actor?: Actor;
  /** The look-up of an earlier attempt, once per request whatever its root fields. */
  checked?: Promise<void>;
  /** The earlier attempt's answer, sent in place of this one. */
  replay?: FormattedExecutionResult;
  /** A transaction of this request is deciding whether to carry the key. */
  busy: boolean;
  /** A transaction carrying the key committed: this request's answer is the key's. */
  claimed: boolean;
}

/** Entered around each root mutation resolver of a keyed request (see the interceptor). */
export const idempotencyScope = new AsyncLocalStorage<IdempotencyState>();

const repository = new IdempotencyRepository();

/**
 * What an earlier attempt with the same key means for this one: another
 * request → IDEMPOTENCY_KEY_REUSED; no answer stored yet →
 * IDEMPOTENCY_IN_PROGRESS; an answer → this request stops here and the
 * plugin sends that answer instead (`state.replay`).
 */
export function earlierAttempt(state: IdempotencyState, earlier: StoredKey): IdempotencyException {
  if (!earlier.requestHash.equals(state.requestHash)) {
    return new IdempotencyException(
      ErrorCode.IdempotencyKeyReused,
      'This Idempotency-Key was used for another request: use a new key for each action',
    );
  }
  if (!earlier.response) {
    return new IdempotencyException(
      ErrorCode.IdempotencyInProgress,
      'The first attempt with this Idempotency-Key is still being processed; retry shortly',
    );
  }
  state.replay = earlier.response;
  return new IdempotencyException(
    ErrorCode.IdempotencyInProgress,
    'Answered by the first attempt',
    earlier.response,
  );
}

/** What `runAsTenant` does for a keyed request: see `idempotencyClaim`. */
export interface IdempotencyClaim {
  /** At the start of the transaction: wait for any concurrent attempt, refuse if one committed. */
  begin(m: EntityManager): Promise<void>;
  /** Before commit: if this transaction changed anything, record the key in it. */
  end(m: EntityManager): Promise<void>;
  /** After the transaction, committed or not. */
  settle(committed: boolean): void;
}

/**
 * The key is recorded in the first transaction of the request that writes,
 * in that very transaction: the key row exists if and only if the change
 * committed. So a retry after a rollback runs again, a retry after a commit
 * is answered from the row, and two concurrent attempts are serialised by
 * an advisory lock on (user, key), the second finding the first's row.
 *
 * Only one transaction of a request at a time takes part (`busy`): one
 * opened while another is open (nested or in parallel) is not covered, so
 * that a nested transaction can never wait on the lock its parent holds.
 */
export function idempotencyClaim(actor: Actor): IdempotencyClaim | null {
  const state = idempotencyScope.getStore();
  if (!state || state.claimed || state.busy || state.replay) return null;
  if (!state.actor || state.actor.userId !== actor.userId) return null;
  const userId = actor.userId;
  state.busy = true;
  let recorded = false;
  return {
    async begin(m) {
      await repository.lock(m, userId, state.key);
      // A concurrent attempt committed while this one waited for the lock.
      const earlier = await repository.find(m, userId, state.key);
      if (earlier) throw earlierAttempt(state, earlier);
    },
    async end(m) {
      if (!(await repository.hasWritten(m))) return;
      recorded = await repository.insertApplied(
        m,
        userId,
        state.key,
        state.requestHash,
        state.ttlHours,
      );
      if (!recorded) {
        throw new IdempotencyException(
          ErrorCode.IdempotencyInProgress,
          'Another attempt with this Idempotency-Key committed first',
        );
      }
    },
    settle(committed) {
      state.busy = false;
      if (committed && recorded) state.claimed = true;
    },
  };
}
