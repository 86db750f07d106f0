import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Paginated } from '../../../common/pagination/page.model.js';
import { Overlap, OwnCaseRef } from './overlap.model.js';

export const OverlapPage = Paginated(Overlap, 'OverlapPage');

@ObjectType({ description: 'How many overlaps of one case fall in each band.' })
export class StrengthCounts {
  @Field(() => Int)
  strong: number;

  @Field(() => Int)
  probable: number;

  @Field(() => Int)
  possible: number;
}

@ObjectType({
  description:
    'One of my cases that overlaps others, with counts of its overlaps matching the filters.',
})
export class OverlapGroup {
  @Field(() => OwnCaseRef)
  myCase: OwnCaseRef;

  @Field(() => Int, { description: 'Its overlaps matching the filters.' })
  total: number;

  @Field(() => StrengthCounts)
  byStrength: StrengthCounts;

  @Field(() => Int, {
    description: 'Standing overlaps without my verdict, or with a contact request to answer.',
  })
  needsAnswer: number;

  @Field(() => Date)
  newestAt: Date;

  @Field(() => ID, {
    description:
      'Identifies the cluster: my cases linked through overlapping the same other case (probably one person registered twice). One of my own case ids.',
  })
  clusterKey: string;

  @Field(() => Int, {
    nullable: true,
    description:
      'A small number for a cluster of two or more of my cases; null when the case is alone.',
  })
  clusterNumber: number | null;

  @Field(() => Int, { description: 'How many of my cases the cluster holds (1 when alone).' })
  clusterSize: number;
}

export const OverlapGroupPage = Paginated(OverlapGroup, 'OverlapGroupPage');
