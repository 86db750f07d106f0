import { Field, ID, ObjectType } from '@nestjs/graphql';
import { MembershipStatusEnum } from '../../../common/graphql/enums.js';
import { Organisation } from '../../organisations/models/organisation.model.js';

@ObjectType()
export class Membership {
  @Field(() => ID)
  workingGroupId: string;

  @Field(() => String)
  workingGroupName: string;

  @Field(() => Organisation)
  organisation: Organisation;

  @Field(() => MembershipStatusEnum)
  status: 'invited' | 'active' | 'left';

  @Field(() => Date)
  invitedAt: Date;

  @Field(() => Date, { nullable: true })
  joinedAt: Date | null;
}

@ObjectType()
export class Coordinator {
  @Field(() => ID)
  userId: string;

  @Field(() => String)
  displayName: string;

  @Field(() => String, { nullable: true })
  organisationName: string | null;
}

@ObjectType()
export class WorkingGroup {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => String)
  description: string;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => [Membership], { description: 'Empty for callers who may not see the membership (donors).' })
  members: Membership[];

  @Field(() => [Coordinator])
  coordinators: Coordinator[];

  @Field(() => [Organisation], { description: 'Empty unless the caller coordinates the group or is a platform admin.' })
  donors: Organisation[];
}
