import { Module } from '@nestjs/common';
import { KeysModule } from '../keys/keys.module.js';
import { CaseChangesModule } from './case-changes.module.js';
import { CasesRepository } from './cases.repository.js';
import { CasesResolver } from './cases.resolver.js';
import { CasesService } from './cases.service.js';

@Module({
  imports: [KeysModule, CaseChangesModule],
  providers: [CasesRepository, CasesService, CasesResolver],
  exports: [CasesService],
})
export class CasesModule {}
