import { Field, InputType } from '@nestjs/graphql';
import { IsBase64Bytes } from '../../../common/graphql/validators.js';

@InputType()
export class EpochCommitmentInput {
  @Field(() => String, { description: 'base64 HMAC-SHA256 tag (32 bytes).' })
  @IsBase64Bytes(32)
  tag: string;

  @Field(() => String, { description: 'base64 Ed25519 signature (64 bytes).' })
  @IsBase64Bytes(64)
  signature: string;
}
