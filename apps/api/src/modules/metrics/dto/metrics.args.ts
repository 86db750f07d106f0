import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

// Periods are checked against PERIOD_PATTERN by the service (METRICS_PERIOD_INVALID);
// here only their length is bounded.

@ArgsType()
export class ComputeMetricsReleaseArgs {
  @Field(() => ID)
  @IsUUID()
  workingGroupId: string;

  @Field(() => String, { description: 'A complete past month, YYYY-MM (UTC).' })
  @IsString()
  @MaxLength(20)
  period: string;
}

@ArgsType()
export class DecideMetricsReleaseArgs {
  @Field(() => ID)
  @IsUUID()
  releaseId: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  expectedVersion: number;
}

@ArgsType()
export class PublishedMetricsArgs {
  @Field(() => String, {
    nullable: true,
    description: 'First month, YYYY-MM (default: 24 months ago).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  from?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Last month, YYYY-MM (default: last month).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  to?: string | null;
}

@ArgsType()
export class PrivacyBudgetArgs {
  @Field(() => ID)
  @IsUUID()
  workingGroupId: string;

  @Field(() => Int)
  @IsInt()
  @Min(2000)
  @Max(9999)
  year: number;
}
