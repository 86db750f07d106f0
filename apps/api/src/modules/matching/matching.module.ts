import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { OverlapAlertsModule } from '../overlap-alerts/overlap-alerts.module.js';
import { OverlapsModule } from '../overlaps/overlaps.module.js';
import { MatchingRepository } from './matching.repository.js';
import { MatchingService } from './matching.service.js';

/** Listens to the cases module's events and works the match-case queue (JobsModule is global). */
@Module({
  imports: [NotificationsModule, OverlapsModule, OverlapAlertsModule],
  providers: [MatchingRepository, MatchingService],
  exports: [MatchingService],
})
export class MatchingModule {}
