import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLJSON } from '../../../common/graphql/json.scalar.js';
import type { AuditDetail } from '../audit-detail.js';

@ObjectType()
export class AuditEntry {
  @Field(() => String, { description: 'Position in the chain (a bigint as a string).' })
  seq: string;

  @Field(() => Date)
  occurredAt: Date;

  @Field(() => ID, { nullable: true })
  actorUserId: string | null;

  @Field(() => String, { nullable: true })
  actorName: string | null;

  @Field(() => ID, { nullable: true })
  organisationId: string | null;

  @Field(() => ID, { nullable: true })
  workingGroupId: string | null;

  @Field(() => String)
  action: string;

  @Field(() => String, { nullable: true })
  subjectType: string | null;

  @Field(() => String, { nullable: true })
  subjectId: string | null;

  @Field(() => GraphQLJSON, {
    nullable: true,
    description:
      'What changed: field names with ids, statuses, roles, counts and epochs; names, e-mails, references and key material read "[redacted]". Null on entries older than this record.',
  })
  change: AuditDetail | null;

  @Field(() => String, { description: 'hex' })
  hash: string;
}

@ObjectType()
export class ChainVerification {
  @Field(() => Boolean)
  ok: boolean;

  @Field(() => Int)
  entries: number;

  @Field(() => String, { nullable: true })
  firstBadSeq: string | null;

  @Field(() => String, { nullable: true })
  reason: string | null;

  @Field(() => Date)
  checkedAt: Date;
}

@ObjectType()
export class AuditLogPage {
  @Field(() => [AuditEntry])
  entries: AuditEntry[];

  @Field(() => Boolean)
  hasMore: boolean;

  @Field(() => Int, { description: 'How many entries the caller may see match the filters, across all pages.' })
  totalCount: number;

  @Field(() => ChainVerification, { description: 'The whole chain, recomputed (cached for a minute).' })
  verification: ChainVerification;
}

@ObjectType({ description: "The hub's signature over the audit chain as it stood: {sequence, head hash, time}." })
export class AuditCheckpoint {
  @Field(() => String, { description: 'Sequence number of the last entry covered (a bigint as a string).' })
  seq: string;

  @Field(() => String, { description: 'hex of that entry\'s hash' })
  headHash: string;

  @Field(() => String, { description: 'ISO 8601 time, exactly as signed.' })
  createdAt: string;

  @Field(() => String, { description: 'base64 Ed25519 signature (see libs/hub-client audit-checkpoint).' })
  signature: string;
}

@ObjectType({ description: 'What a member client needs to check that the hub has not rewritten its audit history.' })
export class AuditCheckpointView {
  @Field(() => String, { description: "base64 of the hub's Ed25519 checkpoint key (pin it on first use)." })
  hubPublicKey: string;

  @Field(() => AuditCheckpoint, { nullable: true, description: 'The latest checkpoint; null while the log is empty.' })
  latest: AuditCheckpoint | null;

  @Field(() => String, {
    nullable: true,
    description: 'hex hash of the entry at `knownSeq` as the chain holds it now; null if there is none.',
  })
  entryHashAtKnownSeq: string | null;
}
