import { Module } from '@nestjs/common';
import { ClustersRepository } from '../clusters/clusters.repository.js';
import { ClustersService } from '../clusters/clusters.service.js';
import { ConversationsModule } from '../conversations/conversations.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { ArrangementActionsService } from './arrangement-actions.service.js';
import { ArrangementDeadlinesService } from './arrangement-deadlines.service.js';
import { ArrangementStore } from './arrangement.store.js';
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
  imports: [NotificationsModule, ConversationsModule, OrganisationsModule],
  providers: [
    ArrangementStore,
    ArrangementsRepository,
    ArrangementActionsService,
    ArrangementsService,
    ArrangementDeadlinesService,
    ArrangementsResolver,
    LeadArrangementResolver,
    ClusterArrangementResolver,
    OrganisationNegotiatorsResolver,
    // Reading clusters for the coordinators' queue (stateless; the clusters
    // module does not export its service).
    ClustersRepository,
    ClustersService,
  ],
  exports: [ArrangementsService, ArrangementDeadlinesService],
})
export class ArrangementsModule {}
