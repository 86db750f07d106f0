import { Field, ID, ObjectType } from '@nestjs/graphql';
import { UserRoleEnum } from '../../../common/graphql/enums.js';

@ObjectType()
export class User {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  email: string;

  @Field(() => String)
  displayName: string;

  @Field(() => ID, { nullable: true })
  organisationId: string | null;

  @Field(() => UserRoleEnum, { nullable: true })
  role: 'org_admin' | 'investigator' | 'viewer' | null;

  @Field(() => Boolean)
  isPlatformAdmin: boolean;

  @Field(() => Boolean)
  disabled: boolean;

  @Field(() => Date)
  createdAt: Date;
}
