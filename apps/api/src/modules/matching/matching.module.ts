import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { KeysModule } from '../keys/keys.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { OverlapsModule } from '../overlaps/overlaps.module.js';
import { MatchingService } from './matching.service.js';

@Module({ imports: [CasesModule, KeysModule, NotificationsModule, OverlapsModule], providers: [MatchingService], exports: [MatchingService] })
export class MatchingModule {}
