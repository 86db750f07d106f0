import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, MaxLength } from 'class-validator';
import { IsBase64Bytes, IsTotpCode } from '../../../common/graphql/validators.js';

@InputType()
export class LoginInput {
  @Field(() => String)
  @IsEmail()
  @MaxLength(320)
  email: string;

  @Field(() => String, { description: 'base64 of the 32-byte login key derived from the password' })
  @IsBase64Bytes(32)
  loginKey: string;

  @Field(() => String)
  @IsTotpCode()
  totpCode: string;
}
