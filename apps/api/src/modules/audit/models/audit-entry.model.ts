import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

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

  @Field(() => ChainVerification, { description: 'The whole chain, recomputed (cached for a minute).' })
  verification: ChainVerification;
}
