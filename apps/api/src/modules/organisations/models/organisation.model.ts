import { Field, ID, ObjectType } from '@nestjs/graphql';
import { OrganisationKindEnum } from '../../../common/graphql/enums.js';

@ObjectType()
export class Organisation {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => OrganisationKindEnum)
  kind: 'cso' | 'donor' | 'secretariat';

  @Field(() => Date)
  createdAt: Date;
}
