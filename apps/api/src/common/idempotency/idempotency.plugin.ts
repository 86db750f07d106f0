import { Plugin } from '@nestjs/apollo';
import { Inject, Logger } from '@nestjs/common';
import type {
  ApolloServerPlugin,
  GraphQLRequestContextDidResolveOperation,
  GraphQLRequestContextWillSendResponse,
  GraphQLRequestListener,
} from '@apollo/server';
import { ErrorCode } from '@parallax/domain';
import { GraphQLError, OperationTypeNode } from 'graphql';
import { DataSource } from 'typeorm';
import type { GqlContext } from '../request-context.js';
import { RUNTIME, type Runtime } from '../runtime.js';
import { runAsTenant } from '../tenant/tenant-transaction.js';
import { IdempotencyException } from './idempotency.exception.js';
import {
  IDEMPOTENCY_HEADER,
  NOT_IDEMPOTENT,
  parseIdempotencyKey,
  REPLAYED_HEADER,
  requestHash,
} from './idempotency-key.js';
import { IdempotencyRepository } from './idempotency.repository.js';
import { idempotencyScope } from './idempotency-scope.js';
import { keyedRequests } from './idempotent-requests.js';
import { rootFieldNames } from './root-fields.js';

/**
 * Idempotent mutations, at the level of the whole request:
 * - before any resolver: a key that is no UUID v4 is refused
 *   (IDEMPOTENCY_KEY_INVALID, nothing runs); a keyed mutation is marked for
 *   the interceptor (look-up of an earlier attempt) and for `runAsTenant`
 *   (the key recorded with the change);
 * - before the answer leaves: the earlier attempt's stored answer replaces
 *   this one, or this answer is stored as the key's.
 *
 * The stored answer is what the mutation returned: ids, statuses, counts,
 * labels. Mutations never carry a suspect's plaintext (clients send only
 * keyed fingerprints and sealed data; see docs/SECURITY.md), so no answer can
 * hold one; the request's variables are kept only as a hash.
 */
@Plugin()
export class IdempotencyPlugin implements ApolloServerPlugin<GqlContext> {
  private readonly logger = new Logger('Idempotency');

  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: IdempotencyRepository,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  async requestDidStart(): Promise<GraphQLRequestListener<GqlContext>> {
    return {
      didResolveOperation: async (rc) => this.mark(rc),
      willSendResponse: (rc) => this.answer(rc),
    };
  }

  private mark(rc: GraphQLRequestContextDidResolveOperation<GqlContext>): void {
    const { operation } = rc;
    if (operation?.operation !== OperationTypeNode.MUTATION) return;
    const header = rc.request.http?.headers.get(IDEMPOTENCY_HEADER);
    if (header === undefined) return;
    const key = parseIdempotencyKey(header);
    if (!key) {
      const message = 'The Idempotency-Key header must be a UUID v4, new for each action';
      throw new GraphQLError(message, {
        originalError: new IdempotencyException(ErrorCode.IdempotencyKeyInvalid, message),
        extensions: { http: { status: 400 } },
      });
    }
    for (const field of rootFieldNames(operation, rc.document))
      if (NOT_IDEMPOTENT.has(field)) return;
    keyedRequests.set(rc.contextValue, {
      key,
      requestHash: requestHash(rc.queryHash, rc.operationName, rc.request.variables),
      ttlHours: this.runtime.config.IDEMPOTENCY_TTL_HOURS,
      busy: false,
      claimed: false,
    });
  }

  private async answer(rc: GraphQLRequestContextWillSendResponse<GqlContext>): Promise<void> {
    const state = keyedRequests.get(rc.contextValue);
    if (!state) return;
    if (state.replay) {
      rc.response.body = { kind: 'single', singleResult: state.replay };
      rc.response.http.headers.set(REPLAYED_HEADER, 'true');
      return;
    }
    const { actor } = state;
    if (!state.claimed || !actor || rc.response.body.kind !== 'single') return;
    // Errors included: when the change committed, a later error is part of its answer.
    const { data, errors } = rc.response.body.singleResult;
    try {
      await idempotencyScope.exit(() =>
        runAsTenant(this.dataSource, actor, (m) =>
          this.repository.complete(m, actor.userId, state.key, { data, errors }),
        ),
      );
    } catch (error) {
      // The change stands; retries get IDEMPOTENCY_IN_PROGRESS until the key expires.
      this.logger.warn(
        `Could not store an idempotent answer: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
