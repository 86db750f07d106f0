import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Actor } from '@parallax/authz';
import type { AuthState, GqlContext } from '../request-context.js';

function authOf(ctx: ExecutionContext): AuthState | undefined {
  return GqlExecutionContext.create(ctx).getContext<GqlContext>().auth;
}

/** The acting user (guaranteed by @Authenticated/@StepUp; null on public operations). */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor | null => {
  return authOf(ctx)?.actor ?? null;
});

/** The current session's state (id, step-up time), or null. */
export const CurrentSession = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthState | null => {
  return authOf(ctx) ?? null;
});
