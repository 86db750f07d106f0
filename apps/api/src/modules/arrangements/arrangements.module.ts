import { Module } from '@nestjs/common';
import { ClustersModule } from '../clusters/clusters.module.js';
import { ConversationsModule } from '../conversations/conversations.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { ArrangementActionsService } from './arrangement-actions.service.js';
import { ArrangementDeadlinesService } from './arrangement-deadlines.service.js';
import { ArrangementsRepository } from './arrangements.repository.js';
import { ArrangementsResolver } from './arrangements.resolver.js';
import { ArrangementsService } from './arrangements.service.js';
import { ClusterArrangementResolver } from './cluster-arrangement.resolver.js';
import { LeadArrangementResolver } from './lead-arrangement.resolver.js';
import { OrganisationNegotiatorsResolver } from './organisation-negotiators.resolver.js';

/**
 * Who leads a cluster: the parties' and coordinators' acts on its lead
 * arrangement (the domain's rule book, enforced with an optimistic version)
 * and the sweep that escalates proposals left unanswered past their deadline.
 */
@Module({
  imports: [NotificationsModule, ConversationsModule, OrganisationsModule, ClustersModule],
  providers: [
    ArrangementsRepository,
    ArrangementActionsService,
    ArrangementsService,
    ArrangementDeadlinesService,
    ArrangementsResolver,
    LeadArrangementResolver,
    ClusterArrangementResolver,
    OrganisationNegotiatorsResolver,
  ],
  exports: [ArrangementsService, ArrangementDeadlinesService],
})
export class ArrangementsModule {}
