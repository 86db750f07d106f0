import { ArgsType, Field, ID, registerEnumType } from '@nestjs/graphql';
import { OVERLAP_STRENGTHS, type OverlapStrength } from '@parallax/domain';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { OverlapStrengthEnum } from '../../../common/graphql/enums.js';
import { PageArgs } from '../../../common/pagination/page.model.js';

/** The caller's own answer: none yet, confirmed, or a false match. */
export const VERDICT_FILTERS = ['none', 'confirmed', 'false_match'] as const;
export type VerdictFilter = (typeof VERDICT_FILTERS)[number];
export const OverlapVerdictFilterEnum = {
  none: 'none',
  confirmed: 'confirmed',
  false_match: 'false_match',
} as const;
registerEnumType(OverlapVerdictFilterEnum, {
  name: 'OverlapVerdictFilter',
  description: "The caller's organisation's verdict: none yet, confirmed or false_match.",
});

/**
 * Where an overlap stands, one state each: retracted wins, then revealed,
 * then a pending contact request; `open` is everything else.
 */
export const OVERLAP_STATUSES = ['open', 'contact_requested', 'revealed', 'retracted'] as const;
export type OverlapStatus = (typeof OVERLAP_STATUSES)[number];
export const OverlapStatusEnum = {
  open: 'open',
  contact_requested: 'contact_requested',
  revealed: 'revealed',
  retracted: 'retracted',
} as const;
registerEnumType(OverlapStatusEnum, {
  name: 'OverlapStatus',
  description:
    'retracted (cases no longer overlap), revealed (identities shared), contact_requested (pending), open (anything else).',
});

/** A reference is at most 80 characters: a longer search cannot match anything. */
export const MAX_OVERLAP_SEARCH = 80;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The filters of the overlaps list and of its groups by case (both paginated). */
@ArgsType()
export class OverlapListArgs extends PageArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  workingGroupId?: string | null;

  @Field(() => ID, { nullable: true, description: 'One of my cases.' })
  @IsOptional()
  @IsUUID()
  caseId?: string | null;

  @Field(() => Boolean, {
    defaultValue: false,
    description:
      'Also list retracted overlaps; one the other party changed or withdrew is listed either way.',
  })
  @IsBoolean()
  includeRetracted = false;

  @Field(() => [OverlapStrengthEnum], { nullable: true, description: 'Any of these bands.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(OVERLAP_STRENGTHS.length)
  @IsIn(OVERLAP_STRENGTHS, { each: true })
  strengths?: OverlapStrength[] | null;

  @Field(() => [OverlapVerdictFilterEnum], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(VERDICT_FILTERS.length)
  @IsIn(VERDICT_FILTERS, { each: true })
  verdicts?: VerdictFilter[] | null;

  @Field(() => [OverlapStatusEnum], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(OVERLAP_STATUSES.length)
  @IsIn(OVERLAP_STATUSES, { each: true })
  statuses?: OverlapStatus[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Found on or after this day (YYYY-MM-DD, UTC).',
  })
  @IsOptional()
  @Matches(DAY, { message: 'createdFrom is a day, YYYY-MM-DD' })
  createdFrom?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Found on or before this day (YYYY-MM-DD, UTC).',
  })
  @IsOptional()
  @Matches(DAY, { message: 'createdTo is a day, YYYY-MM-DD' })
  createdTo?: string | null;

  @Field(() => String, {
    nullable: true,
    description: `Part of my case's reference, any case, taken literally; at most ${MAX_OVERLAP_SEARCH} characters.`,
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_OVERLAP_SEARCH)
  search?: string | null;
}
