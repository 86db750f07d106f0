import { Module } from '@nestjs/common';
import { ClustersModule } from '../clusters/clusters.module.js';
import { KeysModule } from '../keys/keys.module.js';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { CaseChangesModule } from './case-changes.module.js';
import { CaseListService } from './case-list.service.js';
import { CaseMatchQueue } from './case-match-queue.service.js';
import { CaseRegistrationService } from './case-registration.service.js';
import { CaseReimportRepository } from './case-reimport.repository.js';
import { CaseReimportService } from './case-reimport.service.js';
import { CasesRepository } from './cases.repository.js';
import { CasesResolver } from './cases.resolver.js';
import { CasesService } from './cases.service.js';

@Module({
  imports: [KeysModule, CaseChangesModule, OrganisationsModule, ClustersModule],
  providers: [
    CasesRepository,
    CaseReimportRepository,
    CaseMatchQueue,
    CaseReimportService,
    CaseRegistrationService,
    CasesService,
    CaseListService,
    CasesResolver,
  ],
  exports: [CasesService],
})
export class CasesModule {}
