import { Module } from '@nestjs/common';
import { ClustersModule } from '../clusters/clusters.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { OverlapPagesRepository } from './overlap-pages.repository.js';
import { OverlapPagesResolver } from './overlap-pages.resolver.js';
import { OverlapPagesService } from './overlap-pages.service.js';
import { OverlapsRepository } from './overlaps.repository.js';
import { OverlapsResolver } from './overlaps.resolver.js';
import { OverlapsService } from './overlaps.service.js';
import { ConsentOnlyRevealPolicy, REVEAL_POLICY } from './reveal-policy.js';

@Module({
  imports: [NotificationsModule, ClustersModule],
  providers: [
    OverlapsRepository,
    OverlapsService,
    OverlapsResolver,
    OverlapPagesRepository,
    OverlapPagesService,
    OverlapPagesResolver,
    { provide: REVEAL_POLICY, useClass: ConsentOnlyRevealPolicy },
  ],
  exports: [OverlapsService, REVEAL_POLICY],
})
export class OverlapsModule {}
