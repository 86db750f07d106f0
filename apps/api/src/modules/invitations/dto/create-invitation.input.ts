import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEmail, IsIn, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { UserRoleEnum } from '../../../common/graphql/enums.js';

@InputType()
export class CreateInvitationInput {
  @Field(() => ID)
  @IsUUID()
  organisationId: string;

  @Field(() => UserRoleEnum)
  @IsIn(Object.values(UserRoleEnum))
  role: 'org_admin' | 'investigator' | 'viewer';

  @Field(() => String, { nullable: true, description: 'If set, only this address can use the link.' })
  @IsOptional()
  @IsEmail()
  @MaxLength(320)
  email?: string;

  @Field(() => ID, { nullable: true, description: 'Platform admin only: the invitee will coordinate this group.' })
  @IsOptional()
  @IsUUID()
  coordinatorOfWorkingGroupId?: string;
}
