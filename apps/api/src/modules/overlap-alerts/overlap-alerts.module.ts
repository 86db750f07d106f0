import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { OverlapAlertLevelResolver } from './overlap-alert-level.resolver.js';
import { OverlapAlertsRepository } from './overlap-alerts.repository.js';
import { OverlapAlertsService } from './overlap-alerts.service.js';

/**
 * Alert fatigue (issue 13): each organisation's overlap alert level, and the
 * policy matching applies with it (AuditModule is global).
 */
@Module({
  imports: [OrganisationsModule],
  providers: [OverlapAlertsRepository, OverlapAlertsService, OverlapAlertLevelResolver],
  exports: [OverlapAlertsService],
})
export class OverlapAlertsModule {}
