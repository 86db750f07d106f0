import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { KeysResolver } from './keys.resolver.js';
import { KeysService } from './keys.service.js';
import { OprfService } from './oprf.service.js';

@Module({ imports: [NotificationsModule], providers: [KeysService, OprfService, KeysResolver], exports: [KeysService, OprfService] })
export class KeysModule {}
