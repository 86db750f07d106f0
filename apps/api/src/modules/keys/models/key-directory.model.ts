import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A user who holds or may hold a working group key, with the public keys the hub lists for them.' })
export class KeyHolder {
  @Field(() => ID)
  userId: string;

  @Field(() => String)
  displayName: string;

  @Field(() => ID, { nullable: true })
  organisationId: string | null;

  @Field(() => String, { nullable: true })
  organisationName: string | null;

  @Field(() => String, { nullable: true, description: 'org_admin, investigator or viewer; null for a platform admin.' })
  role: string | null;

  @Field(() => Boolean)
  isCoordinator: boolean;

  @Field(() => String, { description: 'base64 X25519 public key.' })
  encryptionPublicKey: string;

  @Field(() => String, { nullable: true, description: 'base64 Ed25519 public key; null for an account made before signing keys.' })
  signingPublicKey: string | null;
}

@ObjectType({ description: 'A key certificate as stored: the signed body and signature; clients verify it themselves.' })
export class KeyCertificate {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'org_admin, member or coordinator.' })
  kind: string;

  @Field(() => ID, { nullable: true })
  workingGroupId: string | null;

  @Field(() => ID)
  subjectUserId: string;

  @Field(() => ID)
  issuerUserId: string;

  @Field(() => String, { description: 'base64 canonical JSON body (signed).' })
  body: string;

  @Field(() => String, { description: 'base64 Ed25519 signature.' })
  signature: string;

  @Field(() => Date)
  createdAt: Date;
}

@ObjectType({ description: "What a client needs to decide, itself, whom it trusts with a working group's key." })
export class KeyDirectory {
  @Field(() => [KeyHolder])
  holders: KeyHolder[];

  @Field(() => [KeyCertificate])
  certificates: KeyCertificate[];
}

@ObjectType({ description: "The coordinator's commitment to an epoch's K_group (HMAC tag under K_group, signed)." })
export class EpochCommitment {
  @Field(() => String, { description: 'base64 HMAC-SHA256 tag.' })
  tag: string;

  @Field(() => String, { description: 'base64 Ed25519 signature.' })
  signature: string;

  @Field(() => ID)
  coordinatorUserId: string;
}
