import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { WorkingGroupsModule } from '../working-groups/working-groups.module.js';
import { KeysRepository } from './keys.repository.js';
import { KeysResolver } from './keys.resolver.js';
import { KeysService } from './keys.service.js';
import { OprfService } from './oprf.service.js';

@Module({
  imports: [NotificationsModule, OrganisationsModule, WorkingGroupsModule],
  providers: [KeysRepository, KeysService, OprfService, KeysResolver],
  exports: [KeysService, OprfService],
})
export class KeysModule {}
