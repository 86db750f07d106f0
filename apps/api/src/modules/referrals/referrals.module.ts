import { Module } from '@nestjs/common';
import { ConversationsModule } from '../conversations/conversations.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { ClusterReferralsResolver } from './cluster-referrals.resolver.js';
import { ReferralAuthorities } from './referral-authorities.js';
import { ReferralRemindersService } from './referral-reminders.service.js';
import { ReferralsRepository } from './referrals.repository.js';
import { ReferralsResolver } from './referrals.resolver.js';
import { ReferralsService } from './referrals.service.js';

/**
 * Referrals of clusters to authorities, their follow-up and the reminders
 * to record feedback. `ReferralsRepository.countByCluster` is exported for
 * the coordinators' dashboard.
 */
@Module({
  imports: [NotificationsModule, ConversationsModule],
  providers: [
    ReferralAuthorities,
    ReferralsRepository,
    ReferralsService,
    ReferralRemindersService,
    ReferralsResolver,
    ClusterReferralsResolver,
  ],
  exports: [ReferralsRepository, ReferralRemindersService],
})
export class ReferralsModule {}
