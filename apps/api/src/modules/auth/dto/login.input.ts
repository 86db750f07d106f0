import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, MaxLength } from 'class-validator';
import { IsBase64Bytes, IsTotpCode } from '../../../common/graphql/validators.js';

@InputType()
export class LoginInput {
  @Field(() => String)
  @IsEmail()
  // RFC 5321: a forward path is at most 256 octets, so an address at most 254.
  @MaxLength(254)
  email: string;

  @Field(() => String, { description: 'base64 of the 32-byte login key derived from the password' })
  @IsBase64Bytes(32, 32)
  loginKey: string;

  @Field(() => String)
  @IsTotpCode()
  totpCode: string;
}
