import { Module } from '@nestjs/common';
import { ArrangementStore } from '../arrangements/arrangement.store.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { ClusterFormationRepository } from './cluster-formation.repository.js';
import { ClusterFormationService } from './cluster-formation.service.js';
import { ClustersRepository } from './clusters.repository.js';
import { ClustersResolver } from './clusters.resolver.js';
import { ClustersService } from './clusters.service.js';

/**
 * Clusters: their lifecycle (formed, extended, merged and left in the
 * transaction of the reveal, withdrawal or departure that causes it) and
 * reading them. Imports nothing that imports it: overlaps, cases and working
 * groups call its lifecycle hooks.
 */
@Module({
  imports: [NotificationsModule],
  providers: [
    ArrangementStore,
    ClusterFormationRepository,
    ClusterFormationService,
    ClustersRepository,
    ClustersService,
    ClustersResolver,
  ],
  exports: [ClusterFormationService, ClustersService, ArrangementStore],
})
export class ClustersModule {}
