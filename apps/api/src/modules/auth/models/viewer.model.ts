import { Field, ID, ObjectType } from '@nestjs/graphql';
import { OrganisationKindEnum, UserRoleEnum } from '../../../common/graphql/enums.js';
import { Organisation } from '../../organisations/models/organisation.model.js';
import { User } from '../../users/models/user.model.js';

@ObjectType({ description: 'The policy inputs for the signed-in user; the web builds the same CASL abilities.' })
export class ActorModel {
  @Field(() => ID)
  userId: string;

  @Field(() => Boolean)
  isPlatformAdmin: boolean;

  @Field(() => ID, { nullable: true })
  organisationId: string | null;

  @Field(() => OrganisationKindEnum, { nullable: true })
  organisationKind: 'cso' | 'donor' | 'secretariat' | null;

  @Field(() => UserRoleEnum, { nullable: true })
  role: 'org_admin' | 'investigator' | 'viewer' | null;

  @Field(() => [ID])
  coordinatorOf: string[];

  @Field(() => [ID])
  memberOf: string[];

  @Field(() => [ID])
  donorOf: string[];
}

@ObjectType()
export class Viewer {
  @Field(() => User)
  user: User;

  @Field(() => Organisation, { nullable: true })
  organisation: Organisation | null;

  @Field(() => ActorModel)
  actor: ActorModel;

  @Field(() => String, { description: 'base64 X25519 public key' })
  publicKey: string;

  @Field(() => String, { description: 'base64 private key sealed under the password-derived key' })
  encryptedPrivateKey: string;

  @Field(() => String, {
    nullable: true,
    description: 'base64 Ed25519 public key; null for an account made before signing keys (set it with setSigningKey).',
  })
  signingPublicKey: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'base64 Ed25519 private key sealed under the password-derived key.',
  })
  encryptedSigningKey: string | null;

  @Field(() => Date, { nullable: true, description: 'Until when sensitive actions need no new code.' })
  stepUpValidUntil: Date | null;
}
