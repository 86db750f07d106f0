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

  @Field(() => String, {
    nullable: true,
    description:
      "The template its cases' references must follow (`#` a digit, `@` a letter, `*` letters or digits, anything else itself), e.g. UA-####-@@. Shown to the organisation's own members only; null for others and when there is none.",
  })
  caseReferencePattern?: string | null;
}
