import { Module } from '@nestjs/common';
import { KeysModule } from '../keys/keys.module.js';
import { CasesResolver } from './cases.resolver.js';
import { CasesService } from './cases.service.js';

@Module({ imports: [KeysModule], providers: [CasesService, CasesResolver], exports: [CasesService] })
export class CasesModule {}
