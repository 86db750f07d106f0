import { Module } from '@nestjs/common';
import { KeysModule } from '../keys/keys.module.js';
import { CaseChangesModule } from './case-changes.module.js';
import { CaseMatchQueue } from './case-match-queue.service.js';
import { CaseReimportRepository } from './case-reimport.repository.js';
import { CaseReimportService } from './case-reimport.service.js';
import { CasesRepository } from './cases.repository.js';
import { CasesResolver } from './cases.resolver.js';
import { CasesService } from './cases.service.js';

@Module({
  imports: [KeysModule, CaseChangesModule],
  providers: [
    CasesRepository,
    CaseReimportRepository,
    CaseMatchQueue,
    CaseReimportService,
    CasesService,
    CasesResolver,
  ],
  exports: [CasesService],
})
export class CasesModule {}
