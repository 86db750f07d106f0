import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { LeadRole } from '@parallax/domain';
import { LeadRoleEnum } from '../../../common/graphql/enums.js';
import { Paginated } from '../../../common/pagination/page.model.js';
import type { ClusterAccess } from '../cluster-access.js';

@ObjectType({
  description:
    'An organisation taking part (or that took part) in a cluster, as revealed to its parties.',
})
export class ClusterParty {
  @Field(() => ID)
  organisationId: string;

  @Field(() => String)
  organisationName: string;

  @Field(() => Date)
  joinedAt: Date;

  @Field(() => Date, {
    nullable: true,
    description: 'When its last case in the cluster was withdrawn or it left the group.',
  })
  leftAt: Date | null;

  @Field(() => LeadRoleEnum, {
    nullable: true,
    description: 'Its role under the arrangement in force; null when none is.',
  })
  role: LeadRole | null;

  @Field(() => Boolean, { description: 'May record referrals under the arrangement in force.' })
  mayRefer: boolean;
}

@ObjectType({ description: "One of the viewer organisation's own cases in a cluster." })
export class ClusterCaseRef {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  reference: string;
}

/**
 * Organisations whose cases are linked by revealed overlaps: they talk, agree
 * who leads and refer the cluster to an authority. `arrangement`,
 * `referrals` and `unreadMessages` are resolved by their own modules.
 */
@ObjectType()
export class Cluster {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  workingGroupId: string;

  @Field(() => String)
  workingGroupName: string;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => [ClusterParty], { description: 'Every party of the cluster, present and past.' })
  parties: ClusterParty[];

  @Field(() => [ClusterCaseRef], {
    description: "The viewer organisation's own cases in it ([] for coordinators).",
  })
  myCases: ClusterCaseRef[];

  @Field(() => String, { description: 'party, former or coordinator.' })
  viewerAccess: ClusterAccess;
}

export const ClusterPage = Paginated(Cluster, 'ClusterPage');
