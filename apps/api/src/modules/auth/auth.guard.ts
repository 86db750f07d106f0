import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ErrorCode } from '@parallax/domain';
import {
  AUTHORIZATION_KEY,
  OPEN_TO_DONORS_KEY,
  type AuthorizationMetadata,
} from '../../common/authorization/public.decorator.js';
import { readCookie } from '../../common/http/cookies.js';
import type { AuthState, GqlContext } from '../../common/request-context.js';
import { ActorService } from './actor.service.js';
import { AuthException } from './auth.exception.js';
import { SessionService } from './session.service.js';
import { SESSION_COOKIE } from './session-token.js';

/**
 * Runs before every GraphQL operation. Fail-closed: an operation without an
 * authorization declaration is refused. It resolves the session cookie into
 * an actor; the services then apply the CASL policy to the objects involved.
 * Donor accounts reach only the operations marked @OpenToDonors (and the
 * public ones).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
    private readonly actors: ActorService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Plain HTTP routes are the health probes, which are public by design.
    if (context.getType<'graphql' | 'http'>() !== 'graphql') return true;
    const declared = this.reflector.get<AuthorizationMetadata | undefined>(AUTHORIZATION_KEY, context.getHandler());
    if (!declared) throw new AuthException(ErrorCode.Forbidden, 'This operation declares no authorization');

    const ctx = GqlExecutionContext.create(context).getContext<GqlContext>();
    // Once per request, however many root fields it selects (they resolve
    // concurrently, so they share the one lookup in flight).
    ctx.authLookup ??= this.lookup(ctx);
    ctx.auth = await ctx.authLookup;
    if (declared.kind === 'public') return true;
    if (!ctx.auth) throw new AuthException(ErrorCode.Unauthenticated, 'Sign in first');
    // Deny by default: a donor reaches only what is marked for donors, so an
    // operation added later stays closed to them until someone opens it.
    if (
      ctx.auth.actor.organisationKind === 'donor' &&
      this.reflector.get<boolean | undefined>(OPEN_TO_DONORS_KEY, context.getHandler()) !== true
    ) {
      throw new AuthException(ErrorCode.Forbidden, 'Donor accounts see published metrics only');
    }
    if (declared.kind === 'step-up' && !this.sessions.isSteppedUp(ctx.auth.stepUpAt)) {
      throw new AuthException(ErrorCode.StepUpRequired, 'Confirm with a fresh authenticator code first');
    }
    return true;
  }

  private async lookup(ctx: GqlContext): Promise<AuthState | undefined> {
    const token = readCookie(ctx.req.headers.cookie, SESSION_COOKIE);
    const session = token ? await this.sessions.resolve(token) : null;
    const actor = session ? await this.actors.load(session.userId) : null;
    return session && actor ? { actor, sessionId: session.id, stepUpAt: session.stepUpAt } : undefined;
  }
}
