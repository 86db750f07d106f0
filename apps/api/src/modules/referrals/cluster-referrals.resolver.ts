import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '@parallax/authz';
import { CurrentActor } from '../../common/authorization/current-actor.decorator.js';
import { Authenticated } from '../../common/authorization/public.decorator.js';
import { Cluster } from '../clusters/models/cluster.model.js';
import { Referral } from './models/referral.model.js';
import { ReferralsService } from './referrals.service.js';

/** `Cluster.referrals`: resolved here so the clusters module needs nothing of referrals. */
@Resolver(() => Cluster)
export class ClusterReferralsResolver {
  constructor(private readonly service: ReferralsService) {}

  @Authenticated()
  @ResolveField('referrals', () => [Referral], {
    description:
      'Referrals of the cluster to authorities, oldest first (parties, former parties and coordinators).',
  })
  referrals(@CurrentActor() actor: Actor | null, @Parent() cluster: Cluster): Promise<Referral[]> {
    return actor ? this.service.ofCluster(actor, cluster.id) : Promise.resolve([]);
  }
}
