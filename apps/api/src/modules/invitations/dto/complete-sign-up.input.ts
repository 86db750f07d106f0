import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEmail, IsString, Length, MaxLength, ValidateNested } from 'class-validator';
import { IsBase64Bytes, IsTotpCode } from '../../../common/graphql/validators.js';
import { KdfParamsInput } from '../../auth/dto/kdf-params.input.js';

@InputType()
export class CompleteSignUpInput {
  @Field(() => String)
  @IsString()
  @Length(20, 100)
  token: string;

  @Field(() => String)
  @IsEmail()
  @MaxLength(320)
  email: string;

  @Field(() => String)
  @IsString()
  @Length(1, 200)
  displayName: string;

  @Field(() => String)
  @IsBase64Bytes(16)
  kdfSalt: string;

  @Field(() => KdfParamsInput)
  @ValidateNested()
  @Type(() => KdfParamsInput)
  kdfParams: KdfParamsInput;

  @Field(() => String)
  @IsBase64Bytes(32)
  loginKey: string;

  @Field(() => String)
  @IsBase64Bytes(32)
  publicKey: string;

  @Field(() => String)
  @IsBase64Bytes(128)
  encryptedPrivateKey: string;

  @Field(() => String, { description: 'base64 Ed25519 public key.' })
  @IsBase64Bytes(32)
  signingPublicKey: string;

  @Field(() => String, { description: 'base64 Ed25519 private key sealed under the password-derived key.' })
  @IsBase64Bytes(128)
  encryptedSigningKey: string;

  @Field(() => String, { description: 'base64 of the 32 random bytes this browser gave startSignUp.' })
  @IsBase64Bytes(32, 32)
  signUpAttempt: string;

  @Field(() => String, { description: 'A code from the authenticator just enrolled.' })
  @IsTotpCode()
  totpCode: string;
}
