import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  Authenticated,
  OpenToDonors,
  Public,
  StepUp,
} from '../../common/authorization/public.decorator.js';
import { CurrentSession } from '../../common/authorization/current-actor.decorator.js';
import { b64, checkEmailArg, fromB64 } from '../../common/graphql/validators.js';
import type { AuthState, GqlContext } from '../../common/request-context.js';
import { ActorService } from './actor.service.js';
import { toSessionInfo } from './auth.repository.js';
import { AuthService } from './auth.service.js';
import { ChangePasswordInput } from './dto/change-password.input.js';
import { LoginInput } from './dto/login.input.js';
import { KdfParameters } from './models/kdf-parameters.model.js';
import { SessionInfo } from './models/session-info.model.js';
import { Viewer } from './models/viewer.model.js';
import { ViewerService } from './viewer.service.js';
import { UuidArg } from '../../common/graphql/uuid-arg.js';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly viewers: ViewerService,
    private readonly actors: ActorService,
  ) {}

  @Public('Anyone may start a sign-in; unknown e-mails get a stable fake salt.')
  @Query(() => KdfParameters)
  async loginParameters(
    @Args('email', { type: () => String }) email: string,
  ): Promise<KdfParameters> {
    const { salt, params } = await this.auth.loginParameters(checkEmailArg(email));
    return { salt: b64(salt), ...params };
  }

  @Public('Tells the client whether it is signed in; null when not.')
  @Query(() => Viewer, { nullable: true })
  async me(@CurrentSession() session: AuthState | null): Promise<Viewer | null> {
    return session ? this.viewers.build(session) : null;
  }

  @Authenticated()
  @OpenToDonors()
  @Query(() => [SessionInfo])
  async mySessions(@CurrentSession() session: AuthState): Promise<SessionInfo[]> {
    return (await this.auth.listSessions(session)).map((s) => toSessionInfo(s, session.sessionId));
  }

  @Public('Signing in is how one gets a session.')
  @Mutation(() => Viewer)
  async login(@Args('input') input: LoginInput, @Context() ctx: GqlContext): Promise<Viewer> {
    const { user, session } = await this.auth.login(
      {
        email: input.email,
        loginKey: fromB64(input.loginKey),
        totpCode: input.totpCode,
        userAgent: ctx.req.headers['user-agent'],
        source: ctx.req.ip ?? ctx.req.socket.remoteAddress ?? 'unknown',
      },
      ctx.res,
    );
    const actor = await this.actors.load(user.id);
    if (!actor) throw new Error('Actor vanished after login');
    return this.viewers.build({ actor, sessionId: session.id, stepUpAt: session.stepUpAt });
  }

  @Public('Anyone may ask; the answer never reveals whether the account exists.')
  @Mutation(() => Boolean, {
    description: "Asks the account's organisation admins for a reset link. Always true.",
  })
  async requestPasswordReset(
    @Args('email', { type: () => String }) email: string,
  ): Promise<boolean> {
    await this.auth.requestPasswordReset(checkEmailArg(email));
    return true;
  }

  @Authenticated()
  @OpenToDonors()
  @Mutation(() => Boolean)
  async logout(@CurrentSession() session: AuthState, @Context() ctx: GqlContext): Promise<boolean> {
    await this.auth.logout(session, ctx.res);
    return true;
  }

  @Authenticated()
  @OpenToDonors()
  @Mutation(() => Boolean)
  async revokeSession(
    @CurrentSession() session: AuthState,
    @UuidArg('id') id: string,
  ): Promise<boolean> {
    await this.auth.revokeSession(session, id);
    return true;
  }

  @Authenticated()
  @OpenToDonors()
  @Mutation(() => Date, {
    description: 'Re-enter a TOTP code; returns until when sensitive actions are allowed.',
  })
  async stepUp(
    @CurrentSession() session: AuthState,
    @Args('code', { type: () => String }) code: string,
  ): Promise<Date> {
    await this.auth.stepUp(session, code);
    return (
      (await this.viewers.build({ ...session, stepUpAt: new Date() })).stepUpValidUntil ??
      new Date()
    );
  }

  @StepUp()
  @OpenToDonors()
  @Mutation(() => Boolean)
  async changePassword(
    @CurrentSession() session: AuthState,
    @Args('input') input: ChangePasswordInput,
  ): Promise<boolean> {
    await this.auth.changePassword(session, {
      currentLoginKey: fromB64(input.currentLoginKey),
      newKdfSalt: fromB64(input.newKdfSalt),
      newKdfParams: { ...input.newKdfParams },
      newLoginKey: fromB64(input.newLoginKey),
      newEncryptedPrivateKey: fromB64(input.newEncryptedPrivateKey),
      signingPublicKey: fromB64(input.signingPublicKey),
      encryptedSigningKey: fromB64(input.encryptedSigningKey),
    });
    return true;
  }
}
