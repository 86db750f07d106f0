import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '@parallax/authz';
import { ErrorCode } from '@parallax/domain';
import { CurrentActor } from '../../common/authorization/current-actor.decorator.js';
import { Authenticated } from '../../common/authorization/public.decorator.js';
import { AuditCheckpointService } from './audit-checkpoint.service.js';
import { AuditLogService } from './audit-log.service.js';
import { AuditException } from './audit.exception.js';
import { AuditCheckpointView, AuditLogPage } from './models/audit-entry.model.js';
import { UuidArg } from '../../common/graphql/uuid-arg.js';

@Resolver(() => AuditLogPage)
export class AuditResolver {
  constructor(
    private readonly log: AuditLogService,
    private readonly checkpoints: AuditCheckpointService,
  ) {}

  @Authenticated()
  @Query(() => AuditCheckpointView, {
    description:
      "The hub's latest signed checkpoint of the audit chain, its public key, and the current hash of entry `knownSeq` (the one of the checkpoint the client kept). Hashes only: any member may check that history was not rewritten.",
  })
  async auditCheckpoint(
    @CurrentActor() actor: Actor,
    @Args('knownSeq', { type: () => String, nullable: true }) knownSeq?: string | null,
  ): Promise<AuditCheckpointView> {
    if (knownSeq !== undefined && knownSeq !== null && !/^[1-9]\d{0,17}$/.test(knownSeq)) {
      throw new AuditException(ErrorCode.BadUserInput, 'knownSeq must be an entry number', { field: 'knownSeq' });
    }
    return this.checkpoints.view(actor, knownSeq ?? null);
  }

  @Authenticated()
  @Query(() => AuditLogPage, { description: 'Entries the caller may see, newest first, and the chain verification.' })
  async auditLog(
    @CurrentActor() actor: Actor,
    @UuidArg('organisationId', { nullable: true }) organisationId?: string,
    @UuidArg('workingGroupId', { nullable: true }) workingGroupId?: string,
    @Args('beforeSeq', { type: () => String, nullable: true }) beforeSeq?: string,
    @Args('limit', { type: () => Int, defaultValue: 50 }) limit = 50,
  ): Promise<AuditLogPage> {
    if (beforeSeq !== undefined && beforeSeq !== null && !/^\d{1,18}$/.test(beforeSeq)) {
      throw new AuditException(ErrorCode.BadUserInput, 'beforeSeq must be an entry number', { field: 'beforeSeq' });
    }
    if (limit < 1 || limit > 200) {
      throw new AuditException(ErrorCode.BadUserInput, 'limit must be between 1 and 200', { field: 'limit' });
    }
    const page = await this.log.page(actor, { organisationId, workingGroupId, beforeSeq: beforeSeq ?? undefined, limit });
    return { ...page, verification: await this.log.verification() };
  }
}
