import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { OverlapStrength } from '@parallax/domain';
import { OverlapStrengthEnum } from '../../../common/graphql/enums.js';

@ObjectType({
  description:
    'One suspect as the network sees it: overlapping cases of several organisations. No references, no identifiers.',
})
export class ClusterSummary {
  @Field(() => Int, {
    description: 'Position in this picture (see clusterId for the stable identity, once revealed).',
  })
  index: number;

  @Field(() => Int)
  organisationCount: number;

  @Field(() => Int)
  caseCount: number;

  @Field(() => OverlapStrengthEnum, { description: 'The strongest overlap of the cluster.' })
  strongest: OverlapStrength;

  @Field(() => Int)
  unresolvedOverlaps: number;

  @Field(() => Int, { description: 'Age in days of the oldest unresolved overlap.' })
  oldestUnresolvedDays: number;

  @Field(() => String, {
    description:
      'none (no arrangement, or open with no roles ever in force), else the arrangement status: proposed, agreed, escalated, decided, reopen_requested, or open when reopened with roles in force.',
  })
  leadStatus: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'The persisted cluster holding most of these cases (revealed overlaps only); null when none is revealed yet.',
  })
  clusterId: string | null;

  @Field(() => Int, { description: 'Referrals of that cluster to an authority, any status.' })
  referrals: number;

  @Field(() => [ID], {
    description: 'Member organisations involved (organisation ids, not case data).',
  })
  organisationIds: string[];
}

@ObjectType()
export class MatrixOrganisation {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => Int)
  cases: number;
}

@ObjectType()
export class MatrixCell {
  @Field(() => ID)
  a: string;

  @Field(() => ID)
  b: string;

  @Field(() => Int)
  overlaps: number;
}

@ObjectType()
export class AgeingBucket {
  @Field(() => String, { description: 'under_7_days, 7_to_30_days, over_30_days' })
  bucket: string;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: "A working group's duplicate-effort picture, for its coordinators." })
export class CoordinatorPicture {
  @Field(() => ID)
  workingGroupId: string;

  @Field(() => [ClusterSummary])
  clusters: ClusterSummary[];

  @Field(() => [MatrixOrganisation])
  organisations: MatrixOrganisation[];

  @Field(() => [MatrixCell], { description: 'Open overlaps per pair of organisations (a < b).' })
  matrix: MatrixCell[];

  @Field(() => [AgeingBucket], { description: 'Unresolved open overlaps by age.' })
  ageing: AgeingBucket[];
}
