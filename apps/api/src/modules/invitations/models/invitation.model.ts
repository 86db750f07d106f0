import { Field, ID, ObjectType } from '@nestjs/graphql';
import { InvitationPurposeEnum, UserRoleEnum } from '../../../common/graphql/enums.js';

@ObjectType()
export class Invitation {
  @Field(() => ID)
  id: string;

  @Field(() => InvitationPurposeEnum)
  purpose: 'sign_up' | 'reset';

  @Field(() => ID)
  organisationId: string;

  @Field(() => UserRoleEnum)
  role: 'org_admin' | 'investigator' | 'viewer';

  @Field(() => String, { nullable: true })
  email: string | null;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date)
  expiresAt: Date;

  @Field(() => Date, { nullable: true })
  usedAt: Date | null;

  @Field(() => Date, { nullable: true })
  revokedAt: Date | null;
}

@ObjectType({ description: 'Returned once, to the inviter, who passes the link on.' })
export class InvitationLink {
  @Field(() => Invitation)
  invitation: Invitation;

  @Field(() => String, {
    description: 'Single-use secret; the path /join/<token> of the web client.',
  })
  token: string;

  @Field(() => String)
  path: string;
}

@ObjectType({ description: 'What the invitee sees before signing up.' })
export class InvitationPreview {
  @Field(() => String)
  organisationName: string;

  @Field(() => UserRoleEnum)
  role: 'org_admin' | 'investigator' | 'viewer';

  @Field(() => String, { nullable: true })
  email: string | null;

  @Field(() => InvitationPurposeEnum)
  purpose: 'sign_up' | 'reset';

  @Field(() => Date)
  expiresAt: Date;

  @Field(() => String, { nullable: true })
  coordinatorOfWorkingGroupName: string | null;
}

@ObjectType()
export class SignUpStart {
  @Field(() => InvitationPreview)
  invitation: InvitationPreview;

  @Field(() => String, { description: 'base32 TOTP secret to enrol in an authenticator app.' })
  totpSecret: string;

  @Field(() => String, { description: 'otpauth:// URI for the QR code.' })
  otpauthUri: string;
}
