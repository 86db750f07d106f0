import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '@parallax/authz';
import { CurrentActor } from '../../common/authorization/current-actor.decorator.js';
import { Authenticated, Public, StepUp } from '../../common/authorization/public.decorator.js';
import { decodedLength, fromB64 } from '../../common/graphql/validators.js';
import { ErrorCode } from '@parallax/domain';
import { InvitationsException } from './invitations.exception.js';
import type { GqlContext } from '../../common/request-context.js';
import { ActorService } from '../auth/actor.service.js';
import { Viewer } from '../auth/models/viewer.model.js';
import { ViewerService } from '../auth/viewer.service.js';
import { CompleteSignUpInput } from './dto/complete-sign-up.input.js';
import { CreateInvitationInput } from './dto/create-invitation.input.js';
import { toInvitation, toInvitationLink, toInvitationPreview } from './invitations.repository.js';
import { InvitationsService } from './invitations.service.js';
import { SignUpService } from './sign-up.service.js';
import {
  Invitation,
  InvitationLink,
  InvitationPreview,
  SignUpStart,
} from './models/invitation.model.js';
import { UuidArg } from '../../common/graphql/uuid-arg.js';

@Resolver(() => Invitation)
export class InvitationsResolver {
  constructor(
    private readonly service: InvitationsService,
    private readonly signUp: SignUpService,
    private readonly actors: ActorService,
    private readonly viewers: ViewerService,
  ) {}

  @Authenticated()
  @Query(() => [Invitation])
  async invitations(
    @CurrentActor() actor: Actor,
    @UuidArg('organisationId') organisationId: string,
  ): Promise<Invitation[]> {
    return (await this.service.list(actor, organisationId)).map(toInvitation);
  }

  @Public('Whoever holds the single-use link may see what it invites to.')
  @Query(() => InvitationPreview)
  async invitationPreview(
    @Args('token', { type: () => String }) token: string,
  ): Promise<InvitationPreview> {
    return toInvitationPreview(await this.service.preview(token));
  }

  @StepUp()
  @Mutation(() => InvitationLink)
  async createInvitation(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateInvitationInput,
  ): Promise<InvitationLink> {
    return toInvitationLink(await this.service.create(actor, input));
  }

  @StepUp()
  @Mutation(() => InvitationLink, {
    description: 'A single-use link for a member who lost their password.',
  })
  async createPasswordReset(
    @CurrentActor() actor: Actor,
    @UuidArg('userId') userId: string,
  ): Promise<InvitationLink> {
    return toInvitationLink(await this.service.createReset(actor, userId));
  }

  @Authenticated()
  @Mutation(() => Invitation)
  async revokeInvitation(
    @CurrentActor() actor: Actor,
    @UuidArg('id') id: string,
  ): Promise<Invitation> {
    return toInvitation(await this.service.revoke(actor, id));
  }

  @Public('The single-use link is the credential; the secret goes to this attempt only.')
  @Mutation(() => SignUpStart, {
    description:
      'A fresh authenticator secret for one sign-up attempt: `attempt` is base64 of 32 random bytes the browser keeps and gives completeSignUp. Another attempt gets another secret and supersedes this one.',
  })
  async startSignUp(
    @Args('token', { type: () => String }) token: string,
    @Args('attempt', { type: () => String }) attempt: string,
  ): Promise<SignUpStart> {
    if (decodedLength(attempt) !== 32) {
      throw new InvitationsException(ErrorCode.BadUserInput, 'attempt must be base64 of 32 random bytes', {
        field: 'attempt',
      });
    }
    const r = await this.signUp.startSignUp(token, attempt);
    return {
      invitation: toInvitationPreview(r),
      totpSecret: r.totpSecret,
      otpauthUri: r.otpauthUri,
    };
  }

  @Public('The single-use link and a code from the enrolled authenticator are the credentials.')
  @Mutation(() => Viewer)
  async completeSignUp(
    @Args('input') input: CompleteSignUpInput,
    @Context() ctx: GqlContext,
  ): Promise<Viewer> {
    const user = await this.signUp.completeSignUp(
      input.token,
      {
        email: input.email,
        displayName: input.displayName,
        kdfSalt: fromB64(input.kdfSalt),
        kdfParams: { ...input.kdfParams },
        loginKey: fromB64(input.loginKey),
        publicKey: fromB64(input.publicKey),
        encryptedPrivateKey: fromB64(input.encryptedPrivateKey),
        signingPublicKey: fromB64(input.signingPublicKey),
        encryptedSigningKey: fromB64(input.encryptedSigningKey),
        totpCode: input.totpCode,
        signUpAttempt: input.signUpAttempt,
      },
      ctx.req.headers['user-agent'],
      ctx.res,
    );
    const actor = await this.actors.load(user.id);
    if (!actor) throw new Error('Actor vanished after sign-up');
    return this.viewers.build({ actor, sessionId: '', stepUpAt: new Date() });
  }
}
