import { Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '@parallax/authz';
import { CurrentActor } from '../../common/authorization/current-actor.decorator.js';
import { Authenticated } from '../../common/authorization/public.decorator.js';
import { Cluster } from '../clusters/models/cluster.model.js';
import { ConversationsService } from './conversations.service.js';

/** `Cluster.unreadMessages`: the viewer's unread copies in it (and in the clusters merged into it). */
@Resolver(() => Cluster)
export class ClusterUnreadResolver {
  constructor(private readonly service: ConversationsService) {}

  @Authenticated()
  @ResolveField(() => Int)
  unreadMessages(@CurrentActor() actor: Actor, @Parent() cluster: Cluster): Promise<number> {
    return this.service.unread(actor, cluster.id);
  }
}
