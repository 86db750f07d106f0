import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { REFERRAL_CATEGORIES, REFERRAL_STATUSES, type ReferralStatus } from '@parallax/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { SealedMessageInput } from '../../conversations/dto/sealed-message.input.js';
import { ReferralStatusEnum } from '../models/referral-status.enum.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

@InputType()
export class RecordReferralInput {
  @Field(() => ID)
  @IsUUID()
  clusterId: string;

  @Field(() => ID, {
    description: "An id from referralAuthorities, or 'other' with authorityName.",
  })
  @IsString()
  @Length(1, 80)
  authorityId: string;

  @Field(() => String, {
    nullable: true,
    description: "The authority's name; required for 'other', refused otherwise.",
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  authorityName?: string | null;

  @Field(() => String, { description: 'The day of the referral, YYYY-MM-DD (not in the future).' })
  @Matches(DAY, { message: 'referredOn is a day, YYYY-MM-DD' })
  referredOn: string;

  @Field(() => [String], {
    description: `What was handed over (categories, never contents): ${REFERRAL_CATEGORIES.join(', ')}.`,
  })
  @IsArray()
  @ArrayMaxSize(2 * REFERRAL_CATEGORIES.length)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  categories: string[];

  @Field(() => SealedMessageInput, {
    nullable: true,
    description: 'A note to the parties and coordinators, sealed on the device.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => SealedMessageInput)
  note?: SealedMessageInput | null;
}

@InputType()
export class UpdateReferralInput {
  @Field(() => ID)
  @IsUUID()
  referralId: string;

  @Field(() => Int, {
    description: 'The version read; a referral changed since is refused (REFERRAL_VERSION_STALE).',
  })
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Field(() => ReferralStatusEnum)
  @IsIn(REFERRAL_STATUSES)
  status: ReferralStatus;

  @Field(() => String, {
    description: 'The day the authority acted, YYYY-MM-DD (not in the future).',
  })
  @Matches(DAY, { message: 'statusOn is a day, YYYY-MM-DD' })
  statusOn: string;

  @Field(() => SealedMessageInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => SealedMessageInput)
  note?: SealedMessageInput | null;
}
