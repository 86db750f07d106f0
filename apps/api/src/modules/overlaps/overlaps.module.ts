import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { OverlapsRepository } from './overlaps.repository.js';
import { OverlapsResolver } from './overlaps.resolver.js';
import { OverlapsService } from './overlaps.service.js';
import { ConsentOnlyRevealPolicy, REVEAL_POLICY } from './reveal-policy.js';

@Module({
  imports: [NotificationsModule],
  providers: [
    OverlapsRepository,
    OverlapsService,
    OverlapsResolver,
    { provide: REVEAL_POLICY, useClass: ConsentOnlyRevealPolicy },
  ],
  exports: [OverlapsService, REVEAL_POLICY],
})
export class OverlapsModule {}
