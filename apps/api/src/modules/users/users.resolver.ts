import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '@parallax/authz';
import { CurrentActor } from '../../common/authorization/current-actor.decorator.js';
import {
  Authenticated,
  OpenToDonors,
  StepUp,
} from '../../common/authorization/public.decorator.js';
import { UserRoleEnum } from '../../common/graphql/enums.js';
import { Base64Arg } from '../../common/graphql/base64-arg.js';
import { fromB64 } from '../../common/graphql/validators.js';
import { User } from './models/user.model.js';
import type { UserRole } from './user.entity.js';
import { toUser } from './users.repository.js';
import { UsersService } from './users.service.js';
import { UuidArg } from '../../common/graphql/uuid-arg.js';

@Resolver(() => User)
export class UsersResolver {
  constructor(private readonly service: UsersService) {}

  @Authenticated()
  @Query(() => [User], { description: 'Users of an organisation the caller may see (their own).' })
  async users(
    @CurrentActor() actor: Actor,
    @UuidArg('organisationId') organisationId: string,
  ): Promise<User[]> {
    return (await this.service.listForOrganisation(actor, organisationId)).map(toUser);
  }

  @StepUp()
  @Mutation(() => User)
  async changeUserRole(
    @CurrentActor() actor: Actor,
    @UuidArg('userId') userId: string,
    @Args('role', { type: () => UserRoleEnum }) role: UserRole,
  ): Promise<User> {
    return toUser(await this.service.changeRole(actor, userId, role));
  }

  @Authenticated()
  @OpenToDonors()
  @Mutation(() => Boolean, {
    description:
      'Accounts made before signing keys: store the Ed25519 key pair made at unlock (once; audited).',
  })
  async setSigningKey(
    @CurrentActor() actor: Actor,
    @Base64Arg('signingPublicKey', 32) signingPublicKey: string,
    @Base64Arg('encryptedSigningKey', 128) encryptedSigningKey: string,
  ): Promise<boolean> {
    await this.service.setSigningKey(actor, fromB64(signingPublicKey), fromB64(encryptedSigningKey));
    return true;
  }

  @StepUp()
  @Mutation(() => User, { description: 'Disables the account and revokes its sessions.' })
  async disableUser(
    @CurrentActor() actor: Actor,
    @UuidArg('userId') userId: string,
  ): Promise<User> {
    return toUser(await this.service.disable(actor, userId));
  }
}
