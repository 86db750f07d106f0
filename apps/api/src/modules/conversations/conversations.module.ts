import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { ClusterMessagesWriter } from './cluster-messages.writer.js';
import { ClusterUnreadResolver } from './cluster-unread.resolver.js';
import { ConversationsRepository } from './conversations.repository.js';
import { ConversationsResolver } from './conversations.resolver.js';
import { ConversationsService } from './conversations.service.js';

/**
 * The end-to-end encrypted conversation of a cluster: the hub stores and
 * relays sealed copies only. `ClusterMessagesWriter` is exported for the
 * arrangement and referral mutations, whose notes are sealed messages.
 */
@Module({
  imports: [NotificationsModule],
  providers: [
    ConversationsRepository,
    ClusterMessagesWriter,
    ConversationsService,
    ConversationsResolver,
    ClusterUnreadResolver,
  ],
  exports: [ClusterMessagesWriter],
})
export class ConversationsModule {}
