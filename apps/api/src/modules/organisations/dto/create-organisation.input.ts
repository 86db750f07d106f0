import { Field, InputType } from '@nestjs/graphql';
import { IsIn, IsString, Length } from 'class-validator';
import { OrganisationKindEnum } from '../../../common/graphql/enums.js';

@InputType()
export class CreateOrganisationInput {
  @Field(() => String)
  @IsString()
  @Length(1, 200)
  name: string;

  @Field(() => OrganisationKindEnum)
  @IsIn(Object.values(OrganisationKindEnum))
  kind: 'cso' | 'donor' | 'secretariat';
}
