import { Field, ID, InputType } from '@nestjs/graphql';
import { LEAD_ROLES, type LeadRole } from '@parallax/domain';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { LeadRoleEnum } from '../models/arrangement-enums.js';

/** Parties of one cluster: far more than any real cluster has, a bound on a request's size. */
export const MAX_ROLES = 100;

@InputType()
export class PartyRoleInput {
  @Field(() => ID)
  @IsUUID()
  organisationId: string;

  @Field(() => LeadRoleEnum)
  @IsIn(LEAD_ROLES)
  role: LeadRole;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'May record referrals (lead and co-lead always may; withdrawn never).',
  })
  @IsOptional()
  @IsBoolean()
  mayRefer?: boolean | null;
}
