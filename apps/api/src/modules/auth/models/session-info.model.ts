import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class SessionInfo {
  @Field(() => ID)
  id: string;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date)
  lastSeenAt: Date;

  @Field(() => Date)
  expiresAt: Date;

  @Field(() => String, { nullable: true })
  userAgent: string | null;

  @Field(() => Boolean, { description: 'The session making this request.' })
  current: boolean;
}
