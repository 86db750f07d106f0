import { Field, InputType, Int, PartialType } from '@nestjs/graphql';
import {
  CASE_STATUSES,
  CRIME_CATEGORIES,
  MAX_FINGERPRINTS_PER_CASE,
  SITUATIONS,
  type CaseStatus,
  type CrimeCategory,
  type Situation,
} from '@parallax/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { CaseStatusEnum, CrimeCategoryEnum, SituationEnum } from '../../../common/graphql/enums.js';

/**
 * The most fingerprints an input may list before validation refuses it
 * outright. Between MAX_FINGERPRINTS_PER_CASE and this bound the service
 * refuses with the specific CASE_TOO_MANY_FINGERPRINTS, so a client learns
 * why; beyond it the request is simply malformed.
 */
const FINGERPRINT_INPUT_BOUND = 4 * MAX_FINGERPRINTS_PER_CASE;

@InputType({
  description:
    'One keyed fingerprint: HMAC-SHA256 under K_group of the OPRF output; the hub cannot invert it.',
})
export class FingerprintInput {
  @Field(() => String, { description: 'Key kind, e.g. name.pair+yob, id.passport, phone.' })
  @Matches(/^[a-z][a-z0-9_.+-]{0,63}$/, {
    message: 'kind is a fingerprint key kind such as name.pair',
  })
  kind: string;

  @Field(() => String, { description: 'base64url of the 32-byte fingerprint.' })
  @Matches(/^[A-Za-z0-9_-]{43}$/, { message: 'fp is a base64url 32-byte fingerprint' })
  fp: string;
}

/** A fingerprint schema version as clients name it (FINGERPRINT_SCHEMA_VERSION of @parallax/fingerprint). */
const SCHEMA_VERSION = /^v[0-9]{1,3}$/;
const SCHEMA_VERSION_MESSAGE = 'schemaVersion is a fingerprint schema version such as v2';

@InputType()
export class CaseFieldsInput {
  @Field(() => String, {
    description: "The organisation's own label (e.g. SYR-2024-017). Never a name.",
  })
  @IsString()
  @Length(1, 80)
  reference: string;

  @Field(() => CaseStatusEnum)
  @IsIn(CASE_STATUSES)
  status: CaseStatus;

  @Field(() => [SituationEnum])
  @ArrayMaxSize(10)
  @IsIn(SITUATIONS, { each: true })
  situationTags: Situation[];

  @Field(() => [CrimeCategoryEnum])
  @ArrayMaxSize(11)
  @IsIn(CRIME_CATEGORIES, { each: true })
  crimeTags: CrimeCategory[];
}

@InputType()
export class CaseInput extends CaseFieldsInput {
  @Field(() => String, {
    description: 'Chosen by the client; retrying with the same key registers the case once.',
  })
  @Matches(/^[A-Za-z0-9_-]{8,100}$/, { message: 'idempotencyKey has 8 to 100 URL-safe characters' })
  idempotencyKey: string;

  @Field(() => Int, { description: 'The key epoch the fingerprints were made under.' })
  @IsInt()
  @Min(1)
  epoch: number;

  @Field(() => String, {
    description:
      "The fingerprint schema version the fingerprints were made under; it must be the key epoch's (FINGERPRINT_SCHEMA_MISMATCH otherwise).",
  })
  @Matches(SCHEMA_VERSION, { message: SCHEMA_VERSION_MESSAGE })
  schemaVersion: string;

  @Field(() => [FingerprintInput], {
    description: `Padded per kind to a size class (4, 8, 16…); at most ${MAX_FINGERPRINTS_PER_CASE} in all.`,
  })
  @ArrayMaxSize(FINGERPRINT_INPUT_BOUND)
  @ValidateNested({ each: true })
  @Type(() => FingerprintInput)
  fingerprints: FingerprintInput[];

  @Field(() => [String], {
    nullable: true,
    description:
      "The record's idempotency keys under earlier key epochs: re-fingerprinting after a rotation updates that case instead of registering a second one.",
  })
  @IsOptional()
  @ArrayMaxSize(16)
  @Matches(/^[A-Za-z0-9_-]{8,100}$/, { each: true, message: 'supersedes holds idempotency keys' })
  supersedes?: string[] | null;
}

/** Every field optional: only those sent change (PartialType keeps their validation and makes each optional). */
@InputType()
export class CaseUpdateInput extends PartialType(CaseFieldsInput) {
  @Field(() => Int, {
    nullable: true,
    description: 'Required with fingerprints: the epoch they were made under.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  epoch?: number;

  @Field(() => String, {
    nullable: true,
    description:
      "Required with fingerprints: the fingerprint schema version they were made under, which must be the key epoch's.",
  })
  @IsOptional()
  @Matches(SCHEMA_VERSION, { message: SCHEMA_VERSION_MESSAGE })
  schemaVersion?: string;

  @Field(() => [FingerprintInput], {
    nullable: true,
    description:
      'Replaces all fingerprints of the case, in one transaction (padded, as at registration).',
  })
  @IsOptional()
  @ArrayMaxSize(FINGERPRINT_INPUT_BOUND)
  @ValidateNested({ each: true })
  @Type(() => FingerprintInput)
  fingerprints?: FingerprintInput[];
}
