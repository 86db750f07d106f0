import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('ReferralAuthority', {
  description:
    "An authority a cluster can be referred to, from the hub's configurable list; 'other' takes a name.",
})
export class ReferralAuthorityModel {
  @Field(() => ID, {
    description: "Stable id (referrals keep it); 'other' for an authority outside the list.",
  })
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { description: 'national_unit, icc_otp, un_mechanism, eurojust or other' })
  kind: string;

  @Field(() => String, {
    nullable: true,
    description: 'ISO 3166-1 alpha-2 code of a national unit.',
  })
  country: string | null;
}
