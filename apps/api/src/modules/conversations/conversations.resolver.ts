import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '@parallax/authz';
import { CurrentActor } from '../../common/authorization/current-actor.decorator.js';
import { Authenticated, OpenToDonors } from '../../common/authorization/public.decorator.js';
import { UuidArg } from '../../common/graphql/uuid-arg.js';
import type { Page } from '../../common/pagination/page.model.js';
import { ConversationsService } from './conversations.service.js';
import { ClusterMessagesArgs } from './dto/cluster-messages.args.js';
import { SealedMessageInput } from './dto/sealed-message.input.js';
import { ClusterMessage, ClusterMessagePage } from './models/cluster-message.model.js';
import { ClusterRecipient } from './models/cluster-recipient.model.js';
import { MessageAudienceEnum, type MessageAudience } from './models/message-audience.enum.js';

/**
 * The conversation of a cluster: parties' participants (and, for notes,
 * coordinators) exchange messages sealed on their devices. Access is
 * checked in the service against the database's own rule
 * (`parallax_cluster_access`); NOT_FOUND for a cluster that is none of the
 * caller's business.
 */
@Resolver(() => ClusterMessage)
export class ConversationsResolver {
  constructor(private readonly service: ConversationsService) {}

  @Authenticated()
  @Query(() => [ClusterRecipient], {
    description:
      "Who should get a copy of a message now, by the hub's list: seal only to those whose certificates your device verified.",
  })
  clusterRecipients(
    @CurrentActor() actor: Actor,
    @UuidArg('clusterId') clusterId: string,
    @Args('audience', { type: () => MessageAudienceEnum }) audience: MessageAudience,
  ): Promise<ClusterRecipient[]> {
    return this.service.recipients(actor, clusterId, audience);
  }

  @Authenticated()
  @Query(() => ClusterMessagePage, {
    description:
      "The caller's messages (sent or received) of a cluster and the clusters merged into it, newest first, each with the caller's own sealed copy.",
  })
  clusterMessages(
    @CurrentActor() actor: Actor,
    @Args() args: ClusterMessagesArgs,
  ): Promise<Page<ClusterMessage>> {
    return this.service.list(actor, args.clusterId, args.first, args.after);
  }

  @Authenticated()
  @OpenToDonors()
  @Query(() => Int, { description: "The caller's unread messages, in all its clusters." })
  unreadMessageCount(@CurrentActor() actor: Actor): Promise<number> {
    return this.service.unread(actor, null);
  }

  @Authenticated()
  @Mutation(() => ClusterMessage, {
    description: 'Send a message sealed on your device: one copy per recipient, yours included.',
  })
  sendClusterMessage(
    @CurrentActor() actor: Actor,
    @UuidArg('clusterId') clusterId: string,
    @Args('message', { type: () => SealedMessageInput }) message: SealedMessageInput,
  ): Promise<ClusterMessage> {
    return this.service.send(actor, clusterId, message);
  }

  @Authenticated()
  @Mutation(() => Int, {
    description: "Mark the caller's messages of a cluster read; how many were unread.",
  })
  markClusterMessagesRead(
    @CurrentActor() actor: Actor,
    @UuidArg('clusterId') clusterId: string,
  ): Promise<number> {
    return this.service.markRead(actor, clusterId);
  }
}
