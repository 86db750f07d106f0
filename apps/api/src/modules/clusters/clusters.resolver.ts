import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '@parallax/authz';
import { CurrentActor } from '../../common/authorization/current-actor.decorator.js';
import { Authenticated } from '../../common/authorization/public.decorator.js';
import type { Page } from '../../common/pagination/page.model.js';
import { ClustersService } from './clusters.service.js';
import { MyClustersArgs } from './dto/my-clusters.args.js';
import { Cluster, ClusterPage } from './models/cluster.model.js';

/** Reading clusters: parties (present and past) and the group's coordinators only; NOT_FOUND for anyone else. */
@Resolver(() => Cluster)
export class ClustersResolver {
  constructor(private readonly service: ClustersService) {}

  @Authenticated()
  @Query(() => ClusterPage, {
    description:
      "Clusters the caller's organisation takes or took part in, newest first, with the exact total.",
  })
  myClusters(@CurrentActor() actor: Actor, @Args() args: MyClustersArgs): Promise<Page<Cluster>> {
    return this.service.myClusters(actor, args.status, { first: args.first, after: args.after });
  }

  @Authenticated()
  @Query(() => Cluster, {
    description: 'One cluster (a merged one answers with the cluster it was merged into).',
  })
  cluster(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<Cluster> {
    return this.service.cluster(actor, id);
  }
}
