import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsDate,
  IsInt,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
} from 'class-validator';

/** How the audit log is narrowed: a scope (organisation or group), actions, a time range. */
@ArgsType()
export class AuditScopeArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  organisationId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  workingGroupId?: string | null;
}

@ArgsType()
export class AuditLogArgs extends AuditScopeArgs {
  @Field(() => String, {
    nullable: true,
    description: "Entries before this sequence number (the previous page's last).",
  })
  @IsOptional()
  @Matches(/^\d{1,18}$/, { message: 'beforeSeq must be an entry number' })
  beforeSeq?: string | null;

  @Field(() => Int, { defaultValue: 50, description: 'Entries per page, 1 to 200.' })
  @IsInt()
  @Min(1)
  @Max(200)
  limit = 50;

  @Field(() => [String], {
    nullable: true,
    description: 'Any of these actions (e.g. case.register); none: all.',
  })
  @IsOptional()
  @ArrayMaxSize(100)
  @Matches(/^[a-z][a-z0-9_.]{0,63}$/, {
    each: true,
    message: 'actions are dotted action names such as case.register',
  })
  actions?: string[] | null;

  @Field(() => Date, { nullable: true, description: 'Entries at or after this time.' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  since?: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Entries before this time (exclusive); not before `since`.',
  })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  until?: Date | null;

  @Field(() => Boolean, {
    defaultValue: false,
    description:
      'Set on the first page of an export: the hub records the export (filters and row count) in the log.',
  })
  @IsBoolean()
  export = false;
}
