import { ArgsType, Field, ID, registerEnumType } from '@nestjs/graphql';
import { CASE_STATUSES, type CaseStatus } from '@parallax/domain';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageArgs } from '../../../common/pagination/page.model.js';
import { CaseStatusEnum } from '../../../common/graphql/enums.js';

/** Where a case stands in matching, as opposed to the organisation's own `status`. */
export const CASE_STATES = ['current', 'needs_refingerprint', 'withdrawn', 'frozen'] as const;
export type CaseState = (typeof CASE_STATES)[number];
export const CaseStateEnum = Object.fromEntries(CASE_STATES.map((s) => [s, s])) as {
  readonly [K in CaseState]: K;
};
registerEnumType(CaseStateEnum, {
  name: 'CaseState',
  description:
    'current: matched under the group key; needs_refingerprint: made under a retired key; withdrawn; frozen: the organisation left the group.',
});

/** A reference is at most 80 characters: a longer search cannot match anything. */
export const MAX_CASE_SEARCH = 80;

@ArgsType()
export class CaseListArgs extends PageArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  workingGroupId?: string | null;

  @Field(() => CaseStatusEnum, { nullable: true, description: "The organisation's own status." })
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: CaseStatus | null;

  @Field(() => CaseStateEnum, { nullable: true })
  @IsOptional()
  @IsIn(CASE_STATES)
  state?: CaseState | null;

  @Field(() => String, {
    nullable: true,
    description: `Part of the reference, any case, taken literally (% and _ included); at most ${MAX_CASE_SEARCH} characters.`,
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_CASE_SEARCH)
  search?: string | null;
}
