import { Field, ID, InputType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { IsBase64Bytes } from '../../../common/graphql/validators.js';

@InputType()
export class SealedGrantInput {
  @Field(() => ID)
  @IsUUID()
  userId: string;

  @Field(() => String, { description: 'base64 HPKE enc || ciphertext' })
  @IsBase64Bytes(200)
  sealedKey: string;
}
