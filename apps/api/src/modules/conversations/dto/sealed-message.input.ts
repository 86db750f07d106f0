import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsUUID, ValidateNested } from 'class-validator';
import { IsBase64Bytes } from '../../../common/graphql/validators.js';
import {
  MESSAGE_AUDIENCES,
  MessageAudienceEnum,
  type MessageAudience,
} from '../models/message-audience.enum.js';

/** Bounds of one sealed copy (HPKE enc || ciphertext of a padded plaintext); the table checks the same. */
export const SEALED_COPY_MIN_BYTES = 64;
export const SEALED_COPY_MAX_BYTES = 65_536;
/** More copies than any cluster has participants: a bound on the work one request asks for. */
export const MAX_COPIES = 500;

@InputType({ description: "One recipient's copy of a message, sealed on the sender's device." })
export class SealedCopyInput {
  @Field(() => ID)
  @IsUUID()
  userId: string;

  @Field(() => String, { description: 'base64 of HPKE enc || ciphertext' })
  @IsBase64Bytes(SEALED_COPY_MAX_BYTES, SEALED_COPY_MIN_BYTES)
  sealed: string;
}

@InputType({
  description:
    "A message sealed on the sender's device, one copy per recipient: the hub stores the copies and never sees the text.",
})
export class SealedMessageInput {
  @Field(() => ID, { description: "Chosen by the sender's device (it is bound into every copy)." })
  @IsUUID()
  messageId: string;

  @Field(() => MessageAudienceEnum)
  @IsIn(MESSAGE_AUDIENCES)
  audience: MessageAudience;

  @Field(() => [SealedCopyInput])
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_COPIES)
  @ValidateNested({ each: true })
  @Type(() => SealedCopyInput)
  copies: SealedCopyInput[];
}
