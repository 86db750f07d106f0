import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { OverlapStrength } from '@parallax/domain';
import { OverlapStrengthEnum } from '../../../common/graphql/enums.js';
import { Organisation } from '../../organisations/models/organisation.model.js';

@ObjectType()
export class OwnCaseRef {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  reference: string;
}

@ObjectType({
  description: 'A change the other organisation made to its side of an overlap: never silent.',
})
export class CounterpartChange {
  @Field(() => String, { description: 'changed, withdrawn or left' })
  kind: 'changed' | 'withdrawn' | 'left';

  @Field(() => Date)
  at: Date;
}

@ObjectType({
  description:
    "An overlap as one party sees it: its own case, and nothing of the other side's until revealed.",
})
export class Overlap {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  workingGroupId: string;

  @Field(() => OwnCaseRef)
  myCase: OwnCaseRef;

  @Field(() => Organisation, {
    nullable: true,
    description: 'The other organisation, once revealed (consent or agreement).',
  })
  otherOrganisation: Organisation | null;

  @Field(() => OverlapStrengthEnum, {
    description:
      'The band (strong, probable, possible); the raw score is never shown, as it would leak how much matched.',
  })
  strength: OverlapStrength;

  @Field(() => [String], { description: 'Which key kinds matched: the only explanation given.' })
  matchedKinds: string[];

  @Field(() => String, {
    nullable: true,
    description: 'confirmed or false_match, by the caller’s organisation',
  })
  myVerdict: string | null;

  @Field(() => String, { nullable: true })
  myReason: string | null;

  @Field(() => String, { description: 'none, requested, accepted or declined' })
  contactStatus: string;

  @Field(() => Boolean)
  contactRequestedByMe: boolean;

  @Field(() => Boolean)
  revealed: boolean;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date, {
    nullable: true,
    description: 'Set when the cases no longer overlap (updated or withdrawn).',
  })
  retractedAt: Date | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The coordination cluster my case belongs to, once revealed (null otherwise).',
  })
  clusterId: string | null;

  @Field(() => CounterpartChange, {
    nullable: true,
    description:
      'What the other organisation last did to its case while the overlap stood (changed, withdrew, left the group), and when.',
  })
  counterpartChange: CounterpartChange | null;
}
