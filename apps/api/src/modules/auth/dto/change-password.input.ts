import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { IsBase64Bytes } from '../../../common/graphql/validators.js';
import { KdfParamsInput } from './kdf-params.input.js';

@InputType()
export class ChangePasswordInput {
  @Field(() => String)
  @IsBase64Bytes(32)
  currentLoginKey: string;

  @Field(() => String)
  @IsBase64Bytes(16)
  newKdfSalt: string;

  @Field(() => KdfParamsInput)
  @ValidateNested()
  @Type(() => KdfParamsInput)
  newKdfParams: KdfParamsInput;

  @Field(() => String)
  @IsBase64Bytes(32)
  newLoginKey: string;

  @Field(() => String)
  @IsBase64Bytes(128)
  newEncryptedPrivateKey: string;

  @Field(() => String, {
    description: 'base64 Ed25519 public key: the current one (re-sealed below) or, for an older account, a new one.',
  })
  @IsBase64Bytes(32)
  signingPublicKey: string;

  @Field(() => String, { description: 'The signing private key sealed under the new password-derived key.' })
  @IsBase64Bytes(128)
  encryptedSigningKey: string;
}
