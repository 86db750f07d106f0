import {
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import type { Actor } from '@parallax/authz';
import { from, mergeMap, type Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import type { GqlContext } from '../request-context.js';
import { runAsTenant } from '../tenant/tenant-transaction.js';
import { IdempotencyRepository } from './idempotency.repository.js';
import { earlierAttempt, idempotencyScope, type IdempotencyState } from './idempotency-scope.js';
import { keyedRequests } from './idempotent-requests.js';

/**
 * Around each root resolver of a keyed mutation, after the auth guard (so
 * the key is looked up for the user the guard let in, under row-level
 * security): an earlier attempt with the same key is answered from its
 * stored answer, or refused (other request: IDEMPOTENCY_KEY_REUSED; not
 * finished: IDEMPOTENCY_IN_PROGRESS). Otherwise the resolver runs inside the
 * idempotency scope, where `runAsTenant` records the key with the change.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: IdempotencyRepository,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<GqlContextType>() !== 'graphql') return next.handle();
    const gql = GqlExecutionContext.create(context);
    const ctx = gql.getContext<GqlContext>();
    const state = keyedRequests.get(ctx);
    const actor = ctx.auth?.actor;
    if (
      !state ||
      !actor ||
      gql.getInfo<{ parentType: { name: string } }>().parentType.name !== 'Mutation'
    ) {
      return next.handle();
    }
    state.actor ??= actor;
    state.checked ??= idempotencyScope.exit(() => this.lookUpEarlierAttempt(state, actor));
    // `handle()` binds the resolver to the async context it is called in.
    return from(state.checked).pipe(
      mergeMap(() => idempotencyScope.run(state, () => next.handle())),
    );
  }

  private async lookUpEarlierAttempt(state: IdempotencyState, actor: Actor): Promise<void> {
    const earlier = await runAsTenant(this.dataSource, actor, (m) =>
      this.repository.find(m, actor.userId, state.key),
    );
    if (earlier) throw earlierAttempt(state, earlier);
  }
}
