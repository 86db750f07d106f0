import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { EpochCommitment } from './key-directory.model.js';

@ObjectType()
export class KeyRecipient {
  @Field(() => ID)
  userId: string;

  @Field(() => String)
  displayName: string;

  @Field(() => String, { description: 'base64 X25519 public key to seal K_group to.' })
  publicKey: string;

  @Field(() => String, { nullable: true, description: 'base64 Ed25519 public key; null for an account made before signing keys.' })
  signingPublicKey: string | null;

  @Field(() => ID, { nullable: true })
  organisationId: string | null;
}

@ObjectType({ description: "The caller's view of a working group's key epoch." })
export class GroupKeyStatus {
  @Field(() => ID)
  workingGroupId: string;

  @Field(() => Int, { nullable: true, description: 'Null until a coordinator creates the first key epoch.' })
  epoch: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The fingerprint schema version of the current epoch's fingerprints (e.g. v2); null before the first epoch. A client whose own version differs cannot register cases here until a coordinator rotates the key.",
  })
  schemaVersion: string | null;

  @Field(() => String, { nullable: true, description: "base64 HPKE-sealed copy of K_group for the caller, or null while pending." })
  mySealedKey: string | null;

  @Field(() => [KeyRecipient], { description: 'Eligible users still waiting for a copy; only shown to holders (and to coordinators before the first epoch).' })
  pendingRecipients: KeyRecipient[];

  @Field(() => Boolean)
  isCoordinator: boolean;

  @Field(() => EpochCommitment, { nullable: true, description: 'Null before the first epoch.' })
  epochCommitment: EpochCommitment | null;

  @Field(() => ID, { nullable: true, description: "Who sealed the caller's copy (its X25519 key opens the Auth-mode seal)." })
  mySealedKeySenderId: string | null;
}

@ObjectType()
export class OprfEvaluation {
  @Field(() => [String], { description: 'base64 evaluated elements, in the order sent.' })
  evaluatedElements: string[];

  @Field(() => Int)
  usedToday: number;

  @Field(() => Int)
  allowedToday: number;
}
