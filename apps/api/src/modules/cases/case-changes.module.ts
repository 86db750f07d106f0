import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { CaseChangesRepository } from './case-changes.repository.js';
import { CaseChangesService } from './case-changes.service.js';

/**
 * What changes to cases leave for others (records on overlaps, alerts,
 * freezing on departure). Its own module, free of the keys module, so the
 * working-groups module can freeze a leaving organisation's cases in the
 * transaction of the removal without an import cycle.
 */
@Module({
  imports: [NotificationsModule, OrganisationsModule],
  providers: [CaseChangesRepository, CaseChangesService],
  exports: [CaseChangesService],
})
export class CaseChangesModule {}
