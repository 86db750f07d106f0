import { Global, Module } from '@nestjs/common';
import { AuditCheckpointService } from './audit-checkpoint.service.js';
import { AuditLogService } from './audit-log.service.js';
import { AuditRepository } from './audit.repository.js';
import { AuditResolver } from './audit.resolver.js';
import { AuditService } from './audit.service.js';

@Global()
@Module({
  providers: [AuditRepository, AuditService, AuditLogService, AuditCheckpointService, AuditResolver],
  exports: [AuditService],
})
export class AuditModule {}
