import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '@parallax/authz';
import { CurrentActor } from '../../common/authorization/current-actor.decorator.js';
import { Authenticated } from '../../common/authorization/public.decorator.js';
import { ClustersService } from '../clusters/clusters.service.js';
import { Cluster } from '../clusters/models/cluster.model.js';
import { ArrangementsService } from './arrangements.service.js';
import { LeadArrangement } from './models/lead-arrangement.model.js';

/** A cluster's arrangement, and the coordinators' queue of clusters waiting for them. */
@Resolver(() => Cluster)
export class ClusterArrangementResolver {
  constructor(
    private readonly service: ArrangementsService,
    private readonly clusters: ClustersService,
  ) {}

  @Authenticated()
  @ResolveField('arrangement', () => LeadArrangement)
  arrangement(@CurrentActor() actor: Actor, @Parent() cluster: Cluster): Promise<LeadArrangement> {
    return this.service.arrangement(actor, cluster.id);
  }

  @Authenticated()
  @Query(() => [Cluster], {
    description:
      "The group's clusters whose arrangement waits for a coordinator (escalated, or a reopening asked); its coordinators only.",
  })
  async clusterEscalations(
    @CurrentActor() actor: Actor,
    @Args('workingGroupId', { type: () => ID }) workingGroupId: string,
  ): Promise<Cluster[]> {
    const ids = await this.service.waitingForCoordinators(actor, workingGroupId);
    const out: Cluster[] = [];
    for (const id of ids) out.push(await this.clusters.cluster(actor, id));
    return out;
  }
}
