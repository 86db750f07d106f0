import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { WorkingGroupsModule } from '../working-groups/working-groups.module.js';
import { KeyCertificatesRepository } from './key-certificates.repository.js';
import { KeyCertificatesService } from './key-certificates.service.js';
import { KeyRequestsRepository } from './key-requests.repository.js';
import { KeyRequestsResolver } from './key-requests.resolver.js';
import { KeyRequestsService } from './key-requests.service.js';
import { KeyTrustResolver } from './key-trust.resolver.js';
import { KeysRepository } from './keys.repository.js';
import { KeysResolver } from './keys.resolver.js';
import { KeysService } from './keys.service.js';
import { OprfAlerts } from './oprf-alerts.js';
import { OprfBudget } from './oprf-budget.js';
import { OprfPool } from './oprf-pool.js';
import { OprfRepository } from './oprf.repository.js';
import { OprfService } from './oprf.service.js';

@Module({
  imports: [NotificationsModule, OrganisationsModule, WorkingGroupsModule],
  providers: [
    KeysRepository,
    KeysService,
    OprfRepository,
    OprfPool,
    OprfBudget,
    OprfAlerts,
    OprfService,
    KeysResolver,
    KeyCertificatesRepository,
    KeyCertificatesService,
    KeyTrustResolver,
    KeyRequestsRepository,
    KeyRequestsService,
    KeyRequestsResolver,
  ],
  exports: [KeysService, OprfService],
})
export class KeysModule {}
