import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsBase64Bytes } from '../../../common/graphql/validators.js';
import { CERTIFICATE_KINDS, MAX_CERTIFICATE_BODY_BYTES, type CertificateKind } from '../certificate-rules.js';

@InputType()
export class CertifyKeyInput {
  @Field(() => String, { description: 'org_admin, member or coordinator.' })
  @IsIn([...CERTIFICATE_KINDS])
  kind: CertificateKind;

  @Field(() => ID, { nullable: true, description: 'The group, for org_admin and coordinator certificates; omitted for member.' })
  @IsOptional()
  @IsUUID()
  workingGroupId?: string | null;

  @Field(() => ID)
  @IsUUID()
  subjectUserId: string;

  @Field(() => String, { description: 'base64 canonical JSON certificate body.' })
  @IsBase64Bytes(MAX_CERTIFICATE_BODY_BYTES)
  body: string;

  @Field(() => String, { description: 'base64 Ed25519 signature over the body.' })
  @IsBase64Bytes(64)
  signature: string;
}
